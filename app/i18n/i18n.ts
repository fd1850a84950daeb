// i18next set up identically on the server and in the browser, with both languages bundled
// (they are small), so the first render is already translated and hydration matches.
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en";
import { escapeForTrans, unescapeForTrans } from "./escape";
import zh from "./zh";

export const LANGUAGES = ["en", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];
export const resources = { en: { translation: en }, zh: { translation: zh } };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function createI18n(lng: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: "en",
    resources,
    // React escapes; only <Trans> (app/components/trans.tsx) turns escaping on, to keep values
    // out of its markup, and its text nodes are unescaped by the matching function.
    interpolation: { escapeValue: false, escape: escapeForTrans },
    react: { unescape: unescapeForTrans },
    initAsync: false,
    returnNull: false,
    // No sponsor banner on stdout: `npm run score --json` output must stay JSON.
    showSupportNotice: false,
  });
  return instance;
}

const fixed = new Map<Language, i18n>();

// One instance per language, shared by every render and server-side translation: nothing
// changes an instance's language or resources after init, and creating one per request
// cost more than a trivial page's whole render.
export function sharedI18n(lng: Language): i18n {
  let instance = fixed.get(lng);
  if (!instance) {
    instance = createI18n(lng);
    fixed.set(lng, instance);
  }
  return instance;
}

// A translator for server code (page titles, emails).
export function translator(lng: Language) {
  const instance = sharedI18n(lng);
  return instance.t.bind(instance);
}
