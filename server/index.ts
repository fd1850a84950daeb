// Sprout's HTTP server: Express around Remix's request handler. A small custom server (as
// the Epic Stack has) rather than remix-serve, because Sprout needs the client's address
// (login throttling, rate limits) and a cross-site check before any action runs. Run with
// `node --import tsx server/index.ts`; docs/decisions/010-typed-http-edge.md says why each
// piece is the library it is.
import cluster from "node:cluster";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import closeWithGrace from "close-with-grace";
import express, { type ErrorRequestHandler } from "express";
import { env } from "../app/platform/env.server";
import { openDatabase } from "../db/client";
import { isFirstWorker, isSupervisor, superviseWorkers, workerCount } from "./cluster";
import { readForms, refuseCrossSite } from "./guards";
import { cspNonce, securityHeaders } from "./headers";
import { log, requestLog } from "./log";
import { visitorPageCache } from "./page-cache";
import { writeRateLimits } from "./rate-limit";
import { remixHandler } from "./remix";

const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const databaseUrl = process.env.DATABASE_URL || "./data/sprout.db";

// Connections: a client has 20 s to send its headers and 2 minutes for the whole request
// (an image upload on a slow line), and an idle kept-alive connection is closed after 10 s
// (longer than a browser's gap between a page and its assets, shorter than Node's 5-minute
// request default that would let slow clients hold sockets).
export const TIMEOUTS = { headersTimeout: 20_000, requestTimeout: 120_000, keepAliveTimeout: 10_000 };
// On SIGTERM: how long in-flight requests get before their connections are cut (the staff
// queue's live feed never ends by itself), and the hard limit for the whole shutdown.
const STREAM_GRACE_MS = 5_000;
const SHUTDOWN_LIMIT_MS = 20_000;

// One worker per core in production (server/cluster.ts); the primary only supervises them.
const workers = workerCount(production);
if (isSupervisor(workers, production)) await superviseWorkers(workers);

const vite = production
  ? undefined
  : await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
const build: ServerBuild | (() => Promise<ServerBuild>) = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(path.resolve("build/server/index.js"))) as ServerBuild);

let stopping = false;
const app = express();
app.disable("x-powered-by");
// Behind a TLS-terminating proxy, TRUST_PROXY=true makes req.ip and req.secure come from
// its X-Forwarded-* headers; never trust them from the open internet.
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use(requestLog);
// While stopping, every answer closes its connection, so keep-alive cannot hold the worker.
app.use((_req, res, next) => {
  if (stopping) res.set("Connection", "close");
  next();
});
app.use(compression());
app.use(cspNonce, securityHeaders(production));
app.use(refuseCrossSite);
app.use(readForms());
// Generous for people, tight for scripts; tests and benchmarks raise them by environment.
app.use(
  writeRateLimits({
    db: openDatabase(databaseUrl),
    perMember: Number(process.env.WRITE_LIMIT_PER_MEMBER ?? 60),
    perAddress: Number(process.env.WRITE_LIMIT_PER_ADDRESS ?? 300),
  }),
);

if (vite) {
  app.use(vite.middlewares);
} else {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Every public file has an extension (favicon.svg); pages, whose paths have none, skip the
  // file-system lookup the static middleware makes for each request (3 % of a member's page).
  const publicFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()));
}

// Visitors' pages (server/page-cache.ts); the dev server always renders, and so does
// PAGE_CACHE=off.
const pageCache = vite || !env().PAGE_CACHE ? null : visitorPageCache(databaseUrl);
app.all("*", remixHandler({ build, mode: process.env.NODE_ENV, pageCache, trustProxy: Boolean(app.get("trust proxy")) }));

// What fails before Remix (a path the static files cannot decode, a form cut off mid-way)
// still answers in words; Remix renders its own errors.
const answerErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = Number(error?.status ?? error?.statusCode ?? 500);
  res.type("text/plain; charset=utf-8");
  if (status >= 500 || !(status >= 400)) {
    res.err = error; // the request log prints it with the request's id
    res.status(500).send("Something went wrong on our side. Please try again.\n服务器出错了，请稍后再试。\n");
    return;
  }
  res.status(status).send("Sprout could not read this request: its address or form is malformed.\n无法读取此请求：地址或表单格式有误。\n");
};
app.use(answerErrors);

const server = app.listen(port, () => {
  // Said once, by the first worker.
  if (isFirstWorker()) log.info(`Sprout is listening on http://localhost:${port}`);
});
Object.assign(server, TIMEOUTS);

// What the app still has to finish before the process may exit (queued emails; the outbox):
// app/entry.server.tsx exports it, reached through the build like Remix reaches the rest.
async function drainBeforeExit() {
  const serverBuild = typeof build === "function" ? await build() : build;
  const entry = serverBuild.entry.module as { drainBeforeExit?: () => Promise<void> };
  await entry.drainBeforeExit?.();
}

// Graceful shutdown: stop accepting, let the requests in flight finish (cutting what is still
// open after a grace period), drain the app's queues, then exit. In a cluster the primary
// passes SIGTERM on to each worker; a terminal's Ctrl-C reaches the workers too, so they
// leave SIGINT to the primary instead of counting it as a second, impatient signal.
if (cluster.isWorker) process.on("SIGINT", () => {});
closeWithGrace(
  {
    delay: SHUTDOWN_LIMIT_MS,
    skip: cluster.isWorker ? ["SIGINT"] : [],
    logger: { error: (message: unknown) => log.error(message) },
  },
  async ({ signal, err }) => {
    if (err) log.error({ err }, "Stopping after an uncaught error");
    stopping = true;
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), STREAM_GRACE_MS);
    await closed;
    clearTimeout(cut);
    await drainBeforeExit();
    await vite?.close();
    if (isFirstWorker()) log.info(`Sprout stopped${signal ? ` (${signal})` : ""}.`);
    await new Promise<void>((resolve) => log.flush(() => resolve()));
  },
);
