// Which language a request is answered in: the member's explicit choice (cookie, or their
// saved preference), else the browser's Accept-Language, else English.
import Negotiator from "negotiator";
import { isLanguage, type Language } from "~/i18n/i18n";
import { clearCookie, LANGUAGE_COOKIE, requestCookie, setCookie } from "~/platform/cookies.server";


function cookieLanguage(request: Request): Language | null {
  const chosen = requestCookie(request, LANGUAGE_COOKIE);
  return isLanguage(chosen) ? chosen : null;
}

// The language the member chose (header switch), or null when Sprout follows their browser.
export function chosenLanguage(request: Request, user: { locale: string | null } | null): Language | null {
  return cookieLanguage(request) ?? (isLanguage(user?.locale) ? user.locale : null);
}

export function resolveLanguage(request: Request, user: { locale: string | null } | null): Language {
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
  if (!language) return clearCookie(LANGUAGE_COOKIE, { httpOnly: false });
  return setCookie(LANGUAGE_COOKIE, language, { maxAgeSeconds: 60 * 60 * 24 * 365 }, { httpOnly: false });
}
