// Every cookie Sprout reads or sets goes through here (the `cookie` package), so one parser
// decides what a Cookie header says and one place decides the attributes: HttpOnly where
// scripts need not read it, SameSite=Lax, the whole site, and Secure unless SECURE_COOKIES
// is off. The server (server/) and the app read the same names.
import { parse, serialize, type SerializeOptions } from "cookie";
import { env } from "~/platform/env.server";

export const SESSION_COOKIE = "sprout_session";
export const LANGUAGE_COOKIE = "sprout_lang";
export const SHARE_COOKIE = "sprout_ref";

function cookies(header: string | null | undefined): Record<string, string | undefined> {
  return header ? parse(header) : {};
}

// The value of one cookie in a Cookie header; an empty value counts as none.
export function readCookie(header: string | null | undefined, name: string): string | null {
  return cookies(header)[name] || null;
}

export function requestCookie(request: Request, name: string): string | null {
  return readCookie(request.headers.get("Cookie"), name);
}

// The names a Cookie header carries (the visitors' page cache serves only some).
export function cookieNames(header: string | null | undefined): string[] {
  return Object.keys(cookies(header));
}

type Lifetime = { expires: Date } | { maxAgeSeconds: number };

// A Set-Cookie header value. Values Sprout sets are plain tokens and codes; `encode` keeps them
// as they are, so a cookie reads back byte for byte.
export function setCookie(name: string, value: string, lifetime: Lifetime, options: { httpOnly?: boolean } = {}): string {
  const attributes: SerializeOptions = {
    httpOnly: options.httpOnly ?? true,
    sameSite: "lax",
    path: "/",
    secure: env().SECURE_COOKIES,
    encode: (v) => v,
  };
  if ("expires" in lifetime) attributes.expires = lifetime.expires;
  else attributes.maxAge = lifetime.maxAgeSeconds;
  return serialize(name, value, attributes);
}

// The header that makes the browser forget a cookie.
export function clearCookie(name: string, options: { httpOnly?: boolean } = {}): string {
  return setCookie(name, "", { maxAgeSeconds: 0 }, options);
}
