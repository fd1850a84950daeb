// One structured log (pino, JSON lines on stdout) for the server: a line per request with
// its id, method, path, status and duration. Never the query string (unsubscribe and reset
// tokens travel there), an invitation code, cookies or any other header. LOG_LEVEL sets the
// level ("warn" keeps only problems; tests and benchmarks use it).
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Request } from "express";
import { pino } from "pino";
import { pinoHttp } from "pino-http";

// Written asynchronously (lines that arrive during a write go out together) rather than a
// blocking write per line, which made the log the costliest part of the cheapest request.
// Flushed at shutdown (server/index.ts).
export const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } }, pino.destination({ dest: 1, sync: false }));

// The path as logged: no query, and codes that grant something replaced by a placeholder.
export function loggedPath(url: string): string {
  const path = url.split("?")[0];
  return path.replace(/^\/i\/[^/]+/, "/i/:code");
}

// Express rewrites req.url inside mounted middleware (the static files); originalUrl is whole.
const pathOf = (req: IncomingMessage) => loggedPath((req as Request).originalUrl ?? req.url ?? "");

export const requestLog = pinoHttp({
  logger: log,
  genReqId: (_req: IncomingMessage, res: ServerResponse) => {
    const id = randomUUID();
    res.setHeader("X-Request-Id", id);
    return id;
  },
  customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
  serializers: {
    req: (req: { id: unknown; method: string; raw: Request }) => ({ id: req.id, method: req.method, path: pathOf(req.raw) }),
    res: (res: { statusCode: number }) => ({ status: res.statusCode }),
  },
  customSuccessMessage: (req, res, responseTime) => `${req.method} ${pathOf(req)} ${res.statusCode} ${Math.round(responseTime)}ms`,
  customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode} failed`,
});
