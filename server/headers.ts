// Security headers on every response, by helmet. Scripts run only with this response's
// nonce (res.locals.cspNonce; no inline script without it, so injected markup cannot
// execute); styles may be inline because components use style attributes. The dev server's
// hot reload needs inline scripts, so the policy applies to the production server.
import crypto from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

export const cspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  next();
};

export function securityHeaders(production: boolean): RequestHandler {
  const protect = helmet({
    contentSecurityPolicy: production
      ? {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`, "'strict-dynamic'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", "data:", "https:"],
            fontSrc: ["'self'"],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'none'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
          },
        }
      : false,
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    xFrameOptions: { action: "deny" },
    // Share cards (/s/:id/card.png) are meant to be shown by other sites.
    crossOriginResourcePolicy: false,
    // HSTS is set below, only on connections that are HTTPS.
    strictTransportSecurity: false,
  });
  const hsts = helmet.strictTransportSecurity({ maxAge: 63072000, includeSubDomains: true });
  return (req, res, next) =>
    protect(req, res, (error?: unknown) => {
      if (error || !req.secure) return next(error);
      hsts(req, res, next);
    });
}
