// Who is asking: the session behind a request, and the checks routes use to require a
// member or a role. Every action calls one of these on the server, whatever the UI shows.
import { redirect } from "@remix-run/node";
import type { Role } from "#db/schema";
import { readSessionToken, validateSessionToken, type SessionUser } from "~/features/accounts/sessions.server";

const resolved = new WeakMap<Request, { user: SessionUser | null; refreshedCookie: { token: string; expiresAt: Date } | null }>();

function resolve(request: Request) {
  let entry = resolved.get(request);
  if (!entry) {
    const token = readSessionToken(request);
    const session = token ? validateSessionToken(token) : null;
    entry = {
      user: session?.user ?? null,
      refreshedCookie: session?.refreshed && token ? { token, expiresAt: session.expiresAt } : null,
    };
    resolved.set(request, entry);
  }
  return entry;
}

export function getOptionalUser(request: Request): SessionUser | null {
  return resolve(request).user;
}

// A session extended by this request needs its cookie extended too (set by the root loader).
export function refreshedSession(request: Request) {
  return resolve(request).refreshedCookie;
}

export function loginRedirect(request: Request) {
  const url = new URL(request.url);
  // After logging in a visitor returns to the page they were on, never to a data endpoint.
  const back = request.method === "GET" ? url.pathname + url.search : (request.headers.get("Referer") ?? url.pathname);
  return redirect(`/login?redirectTo=${encodeURIComponent(safeRedirect(back))}`);
}

export function requireUser(request: Request): SessionUser {
  const user = getOptionalUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function requireRole(request: Request, roles: readonly Role[]): SessionUser {
  const user = requireUser(request);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

// Only same-site paths: "//evil.example" or "https://evil.example" fall back to "/".
export function safeRedirect(to: string | null | undefined, fallback = "/"): string {
  // No real page address is this long; a huge one would only bloat the Location header.
  if (!to || to.length > 2048) return fallback;
  let path = to;
  try {
    const url = new URL(to, "http://sprout.local");
    if (url.origin !== "http://sprout.local") return fallback;
    path = url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
