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

// The language the member chose (header switch), or null when Sprout follows their browser.
export function chosenLanguage(request: Request, user: Pick<SessionUser, "locale"> | null): Language | null {
  return cookieLanguage(request) ?? (isLanguage(user?.locale) ? user.locale : null);
}

export function resolveLanguage(request: Request, user: Pick<SessionUser, "locale"> | null): Language {
  const chosen = chosenLanguage(request, user);
  if (chosen) return chosen;
  const accepted = new Negotiator({ headers: { "accept-language": request.headers.get("Accept-Language") ?? "" } }).languages();
  for (const tag of accepted) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

// null forgets the choice, so the browser's language applies again.
export function languageCookie(language: Language | null): string {
  if (!language) return `${LANGUAGE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`;
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax`;
}
