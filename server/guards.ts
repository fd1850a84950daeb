// What the server refuses before Remix runs: cross-site mutations, request bodies that are
// not forms, and forms that are too large. Everything else reaches an action as a form read
// whole into memory (req.body, a Buffer), which server/remix.ts hands to Remix.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";

export const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Forms are small (the longest field, a suggestion's body, is 20,000 characters: under
// 200 KB url-encoded), so a bigger one is refused.
export const FORM_LIMIT_BYTES = 512 * 1024;

// The few paths whose forms may carry files: they also accept multipart/form-data, up to
// their own limit. A route that takes an image upload adds its path here (matched against
// the path without the query).
export type UploadPath = { path: RegExp; limitBytes: number };
export const UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
// Pictures ride in the form of their own page (app/features/uploads): a profile picture on
// /account, up to four images on a new suggestion or a comment. `.data` is where Remix posts
// with JavaScript. The limit: four images of 5 MB, multipart overhead and the text.
export const UPLOAD_PATHS: UploadPath[] = [{ path: /^\/(account|s\/new|s\/\d+)(\.data)?$/, limitBytes: UPLOAD_LIMIT_BYTES }];

const FORM_TYPE = "application/x-www-form-urlencoded";
const MULTIPART_TYPE = "multipart/form-data";

function plain(res: Response, status: number, text: string) {
  res.status(status).type("text/plain; charset=utf-8").send(text);
}

// Mutations from other sites are refused before they reach an action. Browsers send Origin
// (or at least Sec-Fetch-Site) with every cross-site form post.
function isCrossSite(req: Request): boolean {
  const origin = req.get("origin");
  if (!origin) return req.get("sec-fetch-site") === "cross-site";
  try {
    return new URL(origin).host !== req.get("host");
  } catch {
    return true; // "null" or garbage: not provably ours
  }
}

// The REST API (/api/v1, app/features/api/) authenticates with a bearer token and never reads
// the session cookie, so another site cannot act through a visitor's browser there: its
// requests skip the cross-site check and may send JSON. Without an Authorization header an
// /api/ request meets the same guards as any other.
export function isApiRequest(req: Request): boolean {
  return req.path.startsWith("/api/") && !!req.get("authorization");
}

export const refuseCrossSite: RequestHandler = (req, res, next) => {
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
  if (isCrossSite(req)) return plain(res, 403, "Cross-site request refused.\n拒绝来自其他网站的请求。\n");
  next();
};

// Every action reads a form; anything else (JSON, text, no body type; multipart outside the
// upload paths) is refused with a clear answer instead of failing inside the action. A form
// is then read whole, within its limit: an action that answers without reading its form
// (logout reads none of it) cannot leave the rest in a kept-alive connection, where it
// stalls and then resets a later request on that connection.
export function readForms(uploadPaths: UploadPath[] = UPLOAD_PATHS): RequestHandler {
  // Express's own body reader (body-parser), one per limit; the type was checked before it.
  const readers = new Map<number, RequestHandler>();
  const readerFor = (limit: number) => {
    let reader = readers.get(limit);
    if (!reader) readers.set(limit, (reader = express.raw({ type: () => true, limit })));
    return reader;
  };
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const upload = uploadPaths.find((candidate) => candidate.path.test(req.path));
    // Read from the header itself: req.is() says nothing for an empty body (a bare logout form).
    const type = (req.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    const apiBody = isApiRequest(req) && (type === "application/json" || type === "");
    if (type !== FORM_TYPE && !(upload && type === MULTIPART_TYPE) && !apiBody) {
      return plain(
        res,
        415,
        upload
          ? "Sprout accepts only form submissions here (application/x-www-form-urlencoded or multipart/form-data).\n此处只接受表单提交。\n"
          : "Sprout accepts only form submissions here (application/x-www-form-urlencoded).\n此处只接受表单提交。\n",
      );
    }
    const limit = upload?.limitBytes ?? FORM_LIMIT_BYTES;
    readerFor(limit)(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === "entity.too.large") {
        res.set("Connection", "close");
        const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${Math.round(limit / 1024)} KB`;
        return plain(res, 413, `This form is too large for Sprout (at most ${size}).\n表单过大（最多 ${size}）。\n`);
      }
      next(error);
    });
  };
}
