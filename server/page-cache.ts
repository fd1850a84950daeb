// Whole pages for visitors (no session, nothing personal), kept in memory by each server
// process, as forums such as Discourse do for anonymous readers. Most of the traffic of a
// public forum is people reading without logging in, and their page for an address and a
// language is the same for all of them.
//
// A page is served from here only while the database is exactly as it was when the page was
// rendered: `PRAGMA data_version`, read on a connection of our own, moves whenever any other
// connection (this process's app, another worker, a script) commits. So a vote or a comment
// anywhere makes every stored page stale at once. Pages also expire after half a minute,
// because they show the clock ("3 minutes ago", a campaign's time left).
//
// Each page is stored with its script nonce replaced by a marker and gets the response's fresh
// nonce when served, so the Content-Security-Policy stays per response.
import Database from "better-sqlite3";
import { cookieNames, LANGUAGE_COOKIE } from "../app/platform/cookies.server";

const MAX_AGE_MS = 30_000;
const MAX_BYTES = 32 * 1024 * 1024;
const NONCE_MARKER = "\u0000sprout-nonce\u0000";
// A visitor may carry the language they chose; any other cookie (a session, even an expired
// one, or a sharer's reference) may change the page, so such requests are rendered.
const VISITOR_COOKIES = new Set([LANGUAGE_COOKIE]);

// The part of a request that names a page (an Express request has it).
export type PageRequest = {
  method: string;
  path: string;
  originalUrl: string;
  protocol: string;
  query: Record<string, unknown>;
  get(name: string): string | undefined;
};

export type Page = { status: number; headers: [string, string][]; html: string };
type StoredPage = Page & { version: number; storedAt: number };

export type VisitorPageCache = ReturnType<typeof visitorPageCache>;

export function visitorPageCache(databaseUrl: string) {
  const connection = new Database(databaseUrl, { readonly: true, fileMustExist: true });
  const dataVersion = connection.prepare<[], number>("pragma data_version").pluck();
  const pages = new Map<string, StoredPage>();
  let bytes = 0;

  const drop = (key: string) => {
    const page = pages.get(key);
    if (!page) return;
    bytes -= page.html.length;
    pages.delete(key);
  };

  return {
    // What names the page a visitor's GET request would get, or null when it is not one. The
    // request's origin is in it: share links and preview tags are absolute addresses.
    keyFor(req: PageRequest): string | null {
      if (req.method !== "GET" || req.path.endsWith(".data") || req.query.ref !== undefined) return null;
      // An API call's answer depends on its bearer token, never shared between callers.
      if (req.get("authorization")) return null;
      const cookies = req.get("cookie");
      if (!cookieNames(cookies).every((name) => VISITOR_COOKIES.has(name))) return null;
      return JSON.stringify([req.protocol, req.get("host"), req.originalUrl, cookies ?? "", req.get("accept-language") ?? ""]);
    },

    // The state of the database a page is about to be rendered from.
    version: (): number => dataVersion.get()!,

    get(key: string, nonce: string): Page | null {
      const page = pages.get(key);
      if (!page) return null;
      if (page.version !== dataVersion.get() || Date.now() - page.storedAt > MAX_AGE_MS) {
        drop(key);
        return null;
      }
      return { status: page.status, headers: page.headers, html: page.html.split(NONCE_MARKER).join(nonce) };
    },

    // Keeps a rendered 200 page, unless it sets a cookie or the database moved while it was
    // being rendered (it may show some of both states).
    set(key: string, { version, status, headers, html, nonce }: Page & { version: number; nonce: string }) {
      if (status !== 200 || headers.some(([name]) => name.toLowerCase() === "set-cookie")) return;
      if (version !== dataVersion.get()) return;
      drop(key);
      const page: StoredPage = { version, status, headers, html: html.split(nonce).join(NONCE_MARKER), storedAt: Date.now() };
      pages.set(key, page);
      bytes += page.html.length;
      // Oldest first in insertion order.
      for (const oldest of pages.keys()) {
        if (bytes <= MAX_BYTES) break;
        drop(oldest);
      }
    },
  };
}
