// i18next set up identically on the server and in the browser, with both languages bundled
// (they are small), so the first render is already translated and hydration matches.
import i18next, { type i18n, type TFunction } from "i18next";
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
  return withRememberedTranslations(instance);
}

// An instance's language and resources never change, so a key translated without options
// always gives the same text; i18next's t copies its whole options object on every call and
// react-i18next asks for a new t on every component render, which made translation several
// per cent of a member page's CPU. Both are remembered here; calls with options (counts,
// values) are translated each time.
function withRememberedTranslations(instance: i18n): i18n {
  const getFixedT = instance.getFixedT.bind(instance);
  const fixedTs = new Map<string, TFunction>();
  instance.getFixedT = ((lng: unknown, ns: unknown, keyPrefix: unknown) => {
    const plainArguments = [lng, ns, keyPrefix].every((a) => a === null || a === undefined || typeof a === "string");
    if (!plainArguments) return getFixedT(lng as never, ns as never, keyPrefix as never);
    const id = `${lng ?? ""}\u0000${ns ?? ""}\u0000${keyPrefix ?? ""}`;
    let remembered = fixedTs.get(id);
    if (!remembered) {
      const translate = getFixedT(lng as string, ns as string, keyPrefix as string);
      const texts = new Map<string, string>();
      const t = (key: unknown, ...rest: unknown[]) => {
        if (rest.length > 0 || typeof key !== "string") return (translate as unknown as (...args: unknown[]) => unknown)(key, ...rest);
        let text = texts.get(key);
        if (text === undefined) texts.set(key, (text = translate(key)));
        return text;
      };
      // What react-i18next and Trans read off a fixed t.
      const { lng: language, lngs, ns: namespace, keyPrefix: prefix } = translate as unknown as Record<string, unknown>;
      remembered = Object.assign(t, { lng: language, lngs, ns: namespace, keyPrefix: prefix }) as unknown as TFunction;
      fixedTs.set(id, remembered);
    }
    return remembered;
  }) as i18n["getFixedT"];
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
