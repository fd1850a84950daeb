// i18next set up identically on the server and in the browser, with both languages bundled
// (they are small), so the first render is already translated and hydration matches.
import i18next, { type i18n, type TFunction } from "i18next";
import { LRUCache } from "lru-cache";
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

// An instance's language and resources never change, so a key translated with the same
// options always gives the same text; i18next's t copies its whole options object on every
// call and react-i18next asks for a new t on every component render, which made translation
// 5–10 % of a member page's CPU. Both are remembered here: plain keys for good, keys with
// plain options (counts, titles, names) in a bounded cache, since their values are many but
// a busy page asks for the same ones on every view. Options holding objects or functions
// are translated each time.
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
      const withOptions = new LRUCache<string, string>({ max: REMEMBERED_WITH_OPTIONS });
      const t = (key: unknown, ...rest: unknown[]) => {
        if (typeof key === "string" && rest.length === 0) {
          let text = texts.get(key);
          if (text === undefined) texts.set(key, (text = translate(key)));
          return text;
        }
        const id = typeof key === "string" && rest.length === 1 ? plainOptionsId(key, rest[0]) : null;
        if (id === null) return (translate as unknown as (...args: unknown[]) => unknown)(key, ...rest);
        let text = withOptions.get(id);
        if (text === undefined) {
          const translated: unknown = translate(key as string, rest[0] as never);
          // Only strings are remembered (returnObjects and the like go through each time).
          if (typeof translated !== "string") return translated;
          withOptions.set(id, (text = translated));
        }
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

// Per language and namespace: enough for every count and title a few busy pages show.
const REMEMBERED_WITH_OPTIONS = 5_000;

// The cache key of a call whose options are all strings, numbers, booleans or undefined; null
// for any other call, whose text is then not remembered.
function plainOptionsId(key: string, options: unknown): string | null {
  if (typeof options !== "object" || options === null || Object.getPrototypeOf(options) !== Object.prototype) return null;
  let id = key;
  for (const name in options) {
    const value = (options as Record<string, unknown>)[name];
    const type = typeof value;
    if (type !== "string" && type !== "number" && type !== "boolean" && type !== "undefined") return null;
    // \u0000 separates the parts, so a value holding one is not remembered.
    if (type === "string" && (value as string).includes("\u0000")) return null;
    // Types are kept apart: 7 and "7" can translate differently.
    id += `\u0000${name}\u0000${type[0]}${String(value)}`;
  }
  return id;
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

// A translator for server code (page titles, emails, link previews): the same remembered t
// that components get.
export function translator(lng: Language) {
  return sharedI18n(lng).getFixedT(null, "translation");
}
