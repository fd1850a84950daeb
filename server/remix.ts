// Remix's request handler behind Express: what @remix-run/express does, except that Remix is
// handed the form already read by server/guards.ts, and that visitors' pages may come from
// (and go into) the page cache (server/page-cache.ts).
import { createRequestHandler, writeReadableStreamToWritable, type ServerBuild } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from "express";
import pLimit from "p-limit";
import type { Page, VisitorPageCache } from "./page-cache";

function remixRequest(req: ExpressRequest, res: ExpressResponse, trustProxy: boolean): Request {
  // req.hostname honours TRUST_PROXY but drops the port, so the host comes from the same header.
  const forwardedHost = trustProxy ? req.get("x-forwarded-host")?.split(",")[0].trim() : undefined;
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
  // The form read by server/guards.ts (Node's fetch takes a Buffer as it is).
  const body = Buffer.isBuffer(req.body) ? (req.body as unknown as BodyInit) : undefined;
  return new Request(url, { method: req.method, headers, body, signal: controller.signal });
}

async function sendRemixResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  // Server-sent events (the staff queue) start before their first event.
  if (/text\/event-stream/i.test(response.headers.get("content-type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function sendPage(res: ExpressResponse, page: Page) {
  res.status(page.status);
  for (const [name, value] of page.headers) res.append(name, value);
  res.send(page.html);
}

// Pages and data reads (GET, HEAD) are rendered at most four at a time per worker; the rest wait
// their turn. Under 50 connections a worker interleaved about 25 renders, each one's garbage
// kept alive across the others', and a page cost 8–17 % more CPU than with four at a time
// (docs/performance.md). Actions are not held back: signing in awaits scrypt, an upload sharp.
const PAGES_AT_ONCE = 4;

type Handle = ReturnType<typeof createRequestHandler>;
export function pagesInTurn(handle: Handle, pagesAtOnce = PAGES_AT_ONCE): Handle {
  const turn = pLimit(pagesAtOnce);
  return (request, context) => (request.method === "GET" || request.method === "HEAD" ? turn(() => handle(request, context)) : handle(request, context));
}

export function remixHandler({
  build,
  mode,
  pageCache,
  trustProxy,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: string | undefined;
  pageCache: VisitorPageCache | null;
  trustProxy: boolean;
}): RequestHandler {
  const handleRemixRequest = pagesInTurn(createRequestHandler(build, mode));
  return async (req, res, next) => {
    try {
      const nonce: string = res.locals.cspNonce;
      const loadContext = { clientAddress: req.ip ?? "unknown", cspNonce: nonce };
      const pageKey = pageCache?.keyFor(req);
      if (!pageCache || !pageKey) return await sendRemixResponse(res, await handleRemixRequest(remixRequest(req, res, trustProxy), loadContext));

      const stored = pageCache.get(pageKey, nonce);
      if (stored) return sendPage(res, stored);
      const version = pageCache.version();
      const response = await handleRemixRequest(remixRequest(req, res, trustProxy), loadContext);
      if (!/^text\/html/i.test(response.headers.get("content-type") ?? "")) return await sendRemixResponse(res, response);
      const page: Page = { status: response.status, headers: [...response.headers], html: await response.text() };
      pageCache.set(pageKey, { ...page, version, nonce });
      sendPage(res, page);
    } catch (error) {
      next(error);
    }
  };
}
