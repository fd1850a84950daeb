// Which language a request is answered in: the member's explicit choice (cookie, or their
// saved preference), else the browser's Accept-Language, else English.
import Negotiator from "negotiator";
import { isLanguage, type Language } from "~/i18n/i18n";
import type { SessionUser } from "~/sessions.server";

const LANGUAGE_COOKIE = "sprout_lang";

function cookieLanguage(request: Request): Language | null {
  const header = request.headers.get("Cookie") ?? "";
  const match = header.match(new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([^;]+)`));
  return match && isLanguage(match[1]) ? match[1] : null;
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
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}
