// Sprout's HTTP server: Express around Remix's request handler. A small custom server (as
// the Epic Stack has) rather than remix-serve, because Sprout needs the client's address
// (login throttling, rate limits) and a cross-site check before any action runs.
import crypto from "node:crypto";
import path from "node:path";
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { isFirstWorker, isSupervisor, superviseWorkers, workerCount } from "./cluster.js";
import { writeRateLimits } from "./rate-limit.js";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);

// One worker per core in production (scripts/cluster.js); the primary only supervises them.
const workers = workerCount(production);
if (isSupervisor(workers)) await superviseWorkers(workers);

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
// Behind a TLS-terminating proxy, TRUST_PROXY=true makes req.ip and req.secure come from
// its X-Forwarded-* headers; never trust them from the open internet.
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use(compression());

// Security headers on every response. Scripts run only with this request's nonce (no
// inline script without it, so injected markup cannot execute); styles may be inline
// because components use style attributes. The dev server's hot reload needs inline
// scripts, so the policy applies to the production server.
function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
app.use((req, res, next) => {
  res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
  if (production) res.setHeader("Content-Security-Policy", contentSecurityPolicy(res.locals.cspNonce));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  if (req.secure) res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  next();
});

// Mutations from other sites are refused before they reach an action. Browsers send
// Origin (or at least Sec-Fetch-Site) with every cross-site form post.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
function isCrossSite(req) {
  const origin = req.get("origin");
  if (!origin) return req.get("sec-fetch-site") === "cross-site";
  try {
    return new URL(origin).host !== req.get("host");
  } catch {
    return true; // "null" or garbage: not provably ours
  }
}
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  // One-click unsubscribe (RFC 8058) is posted by mail clients from anywhere; its signed
  // token, not the session, authorizes it. Remix's own Origin check is skipped the same way.
  if (req.path === "/notifications/unsubscribe") {
    delete req.headers.origin;
    return next();
  }
  if (isCrossSite(req)) {
    res.status(403).type("text/plain").send("Cross-site request refused.");
    return;
  }
  next();
});

// Every action reads a url-encoded form (no form in the app uploads files); anything else
// (JSON, text, multipart, no body type) is refused here with a clear answer instead of
// failing inside the action.
const FORM_TYPES = ["application/x-www-form-urlencoded"];
app.use((req, res, next) => {
  // Read from the header itself: req.is() says nothing for an empty body (a bare logout form).
  const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (SAFE_METHODS.has(req.method) || FORM_TYPES.includes(type)) return next();
  res
    .status(415)
    .type("text/plain; charset=utf-8")
    .send("Sprout accepts only form submissions here (application/x-www-form-urlencoded).\n");
});

// Generous for people, tight for scripts; tests and benchmarks raise them by environment.
app.use(
  writeRateLimits({
    perMember: Number(process.env.WRITE_LIMIT_PER_MEMBER ?? 60),
    perAddress: Number(process.env.WRITE_LIMIT_PER_ADDRESS ?? 300),
  }),
);

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

app.all(
  "*",
  createRequestHandler({
    build: vite
      ? () => vite.ssrLoadModule("virtual:remix/server-build")
      : await import(path.resolve("build/server/index.js")),
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

app.listen(port, () => {
  // Said once, by the first worker.
  if (isFirstWorker()) console.log(`Sprout is listening on http://localhost:${port}`);
});
