// Which language a request is answered in: the member's explicit choice (cookie, or their
// saved preference), else the browser's Accept-Language, else English.
import Negotiator from "negotiator";
import { isLanguage, type Language } from "~/i18n/i18n";
import { LANGUAGE_COOKIE, requestCookie, setCookie } from "~/platform/cookies.server";
import type { SessionUser } from "~/sessions.server";

function cookieLanguage(request: Request): Language | null {
  const chosen = requestCookie(request, LANGUAGE_COOKIE);
  return isLanguage(chosen) ? chosen : null;
}

export function resolveLanguage(request: Request, user: Pick<SessionUser, "locale"> | null): Language {
  const chosen = cookieLanguage(request) ?? (isLanguage(user?.locale) ? user.locale : null);
  if (chosen) return chosen;
  const accepted = new Negotiator({ headers: { "accept-language": request.headers.get("Accept-Language") ?? "" } }).languages();
  for (const tag of accepted) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function languageCookie(language: Language): string {
  return setCookie(LANGUAGE_COOKIE, language, { maxAgeSeconds: 60 * 60 * 24 * 365 }, { httpOnly: false });
}
