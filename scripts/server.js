// Sprout's HTTP server: Express around Remix's request handler. A small custom server (as
// the Epic Stack has) rather than remix-serve, because Sprout needs the client's address
// (login throttling, rate limits) and a cross-site check before any action runs.
import crypto from "node:crypto";
import path from "node:path";
import compression from "compression";
import express from "express";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import { isFirstWorker, isSupervisor, superviseWorkers, workerCount } from "./cluster.js";
import { visitorPageCache } from "./page-cache.js";
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
// The REST API (/api/v1, app/features/api/) authenticates with a bearer token and never
// reads the session cookie, so another site cannot act through a visitor's browser there:
// its requests skip the cross-site check and may send JSON. Without an Authorization header
// an /api/ request gets the same guards as any other.
function isApiRequest(req) {
  return req.path.startsWith("/api/") && !!req.get("authorization");
}
app.use((req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  if (isApiRequest(req)) {
    delete req.headers.origin;
    return next();
  }
  // One-click unsubscribe (RFC 8058) is posted by mail clients from anywhere; its signed
  // token, not the session, authorizes it. Remix's own Origin check is skipped the same way.
  if (req.path === "/notifications/unsubscribe") {
    delete req.headers.origin;
    return next();
  }
  if (isCrossSite(req)) {
    res.status(403).type("text/plain; charset=utf-8").send("Cross-site request refused.\n拒绝来自其他网站的请求。\n");
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
  if (isApiRequest(req) && (type === "application/json" || req.get("content-length") === "0" || (!type && !req.get("transfer-encoding")))) return next();
  res
    .status(415)
    .type("text/plain; charset=utf-8")
    .send("Sprout accepts only form submissions here (application/x-www-form-urlencoded).\n此处只接受表单提交。\n");
});

// Forms are read whole here, before Remix sees them. They are small (the longest field, a
// suggestion's body, is 20,000 characters: under 200 KB url-encoded), so a bigger one is
// refused; and an action that answers without reading its form (logout reads none of it)
// cannot leave the rest in a kept-alive connection, where it stalls and then resets a later
// request on that connection.
const FORM_LIMIT_BYTES = 512 * 1024;
class FormTooLarge extends Error {}
async function readForm(req) {
  if (Number(req.get("content-length") ?? 0) > FORM_LIMIT_BYTES) throw new FormTooLarge();
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) throw new FormTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
app.use(async (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  try {
    res.locals.form = await readForm(req);
  } catch (error) {
    if (!(error instanceof FormTooLarge)) return next(error);
    res.set("Connection", "close");
    res.status(413).type("text/plain; charset=utf-8").send("This form is too large for Sprout (at most 512 KB).\n表单过大（最多 512 KB）。\n");
    return;
  }
  next();
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

// What Remix's Express adapter does, except that Remix is handed the form already read above.
const handleRemixRequest = createRequestHandler(
  vite ? () => vite.ssrLoadModule("virtual:remix/server-build") : await import(path.resolve("build/server/index.js")),
  process.env.NODE_ENV,
);
function remixRequest(req, res) {
  // req.hostname honours TRUST_PROXY but drops the port, so the host comes from the same header.
  const forwardedHost = app.get("trust proxy") ? req.get("x-forwarded-host")?.split(",")[0].trim() : undefined;
  const url = new URL(req.originalUrl, `${req.protocol}://${forwardedHost || req.get("host") || "localhost"}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) if (one !== undefined) headers.append(name, one);
  }
  // Loaders and actions stop when the browser goes away before the answer is complete.
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return new Request(url, { method: req.method, headers, body: res.locals.form, signal: controller.signal });
}
async function sendRemixResponse(res, response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  // Server-sent events (the staff queue) start before their first event.
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
function sendPage(res, page) {
  res.status(page.status);
  for (const [name, value] of page.headers) res.append(name, value);
  res.send(page.html);
}
// Visitors' pages (scripts/page-cache.js); the dev server always renders.
const pageCache = vite ? null : visitorPageCache(process.env.DATABASE_URL || "./data/sprout.db");
app.all("*", async (req, res, next) => {
  try {
    const nonce = res.locals.cspNonce;
    const loadContext = { clientAddress: req.ip ?? "unknown", cspNonce: nonce };
    const pageKey = pageCache?.keyFor(req);
    if (!pageKey) return await sendRemixResponse(res, await handleRemixRequest(remixRequest(req, res), loadContext));

    const stored = pageCache.get(pageKey, nonce);
    if (stored) return sendPage(res, stored);
    const version = pageCache.version();
    const response = await handleRemixRequest(remixRequest(req, res), loadContext);
    if (!/^text\/html/i.test(response.headers.get("content-type") ?? "")) return await sendRemixResponse(res, response);
    const page = { status: response.status, headers: [...response.headers], html: await response.text() };
    pageCache.set(pageKey, { ...page, version, nonce });
    sendPage(res, page);
  } catch (error) {
    next(error);
  }
});

// What fails before Remix (a path the static files cannot decode, a form cut off mid-way)
// still answers in words; Remix renders its own errors.
app.use((error, req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number(error?.status ?? error?.statusCode ?? 500);
  if (status >= 500 || !(status >= 400)) {
    console.error(error);
    res.status(500).type("text/plain; charset=utf-8").send("Something went wrong on our side. Please try again.\n服务器出错了，请稍后再试。\n");
    return;
  }
  res.status(status).type("text/plain; charset=utf-8").send("Sprout could not read this request: its address or form is malformed.\n无法读取此请求：地址或表单格式有误。\n");
});

app.listen(port, () => {
  // Said once, by the first worker.
  if (isFirstWorker()) console.log(`Sprout is listening on http://localhost:${port}`);
});
