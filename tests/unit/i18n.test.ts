import i18next from "i18next";
import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
import { createI18n, resources } from "~/i18n/i18n";
import zh from "~/i18n/zh";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

// i18next plural forms differ by language (English has _one/_other, Chinese only _other),
// so compare keys with their plural suffix removed.
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "");

describe("translations", () => {
  it("have the same keys in English and Chinese", () => {
    expect([...new Set(keys(zh).map(base))].sort()).toEqual([...new Set(keys(en).map(base))].sort());
  });

  it("have no empty strings", () => {
    for (const [name, resource] of [["en", en], ["zh", zh]] as const) {
      const empty = keys(resource).filter((key) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource) === "");
      expect(empty, name).toEqual([]);
    }
  });
});

// createI18n remembers plain translations and the fixed t functions react-i18next asks for on
// every render (app/i18n/i18n.ts); what it answers must be what i18next itself answers.
describe("remembered translations", () => {
  const plain = (lng: "en" | "zh") => {
    const instance = i18next.createInstance();
    void instance.init({ lng, fallbackLng: "en", resources, initAsync: false, interpolation: { escapeValue: false }, showSupportNotice: false });
    return instance.getFixedT(null, "translation");
  };

  it("gives every key, in both languages, the text i18next gives", () => {
    for (const lng of ["en", "zh"] as const) {
      const t = createI18n(lng).getFixedT(null, "translation");
      const reference = plain(lng);
      for (const key of [...new Set(keys(en).map(base))]) {
        expect(t(key), `${lng} ${key}`).toBe(reference(key));
        // Asked twice: the second answer comes from memory and must not differ.
        expect(t(key), `${lng} ${key}`).toBe(reference(key));
      }
    }
  });

  it("gives every key with a count or values the text i18next gives, from memory too", () => {
    // Each placeholder a key names gets a value; asked twice, so the second comes from memory.
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]!);
    for (const lng of ["en", "zh"] as const) {
      const t = createI18n(lng).getFixedT(null, "translation");
      const reference = plain(lng);
      const resource = lng === "en" ? en : zh;
      const texts = new Map(keys(resource).map((key) => [base(key), ""]));
      for (const key of keys(resource)) texts.set(base(key), texts.get(base(key)) + String(key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], resource)));
      for (const [key, text] of texts) {
        const names = placeholders(text).filter((name) => name !== "count");
        for (const count of [0, 1, 2, 7, 1000]) {
          const options = Object.fromEntries([["count", count], ...names.map((name, i) => [name, `${name}-${i}-${count}`])]);
          expect(t(key, { ...options }), `${lng} ${key} ${count}`).toBe(reference(key, { ...options }));
          expect(t(key, { ...options }), `${lng} ${key} ${count}`).toBe(reference(key, { ...options }));
        }
      }
    }
  });

  it("keeps apart calls whose options differ only in type or order of parts", () => {
    const t = createI18n("en").getFixedT(null, "translation");
    const reference = plain("en");
    const counted = keys(en).find((key) => key.endsWith("_one"))!.replace(/_one$/, "");
    expect(t(counted, { count: 1 })).toBe(reference(counted, { count: 1 }));
    expect(t(counted, { count: 7 })).toBe(reference(counted, { count: 7 }));
    expect(t(counted, { count: 7 })).not.toBe(t(counted, { count: 1 }));
    // A string count is not a number to i18next's plural rules; the memory must not mix them.
    expect(t(counted, { count: "1" })).toBe(reference(counted, { count: "1" }));
    expect(t(counted, { count: 1 })).toBe(reference(counted, { count: 1 }));
    // A value holding the separator, and options holding objects, are translated each time.
    expect(t("common.appName", { extra: "a\u0000b" })).toBe(reference("common.appName", { extra: "a\u0000b" }));
    expect(t(counted, { count: 2, replace: { x: 1 } })).toBe(reference(counted, { count: 2, replace: { x: 1 } }));
  });

  it("hands react-i18next the same t for the same language and namespace", () => {
    const instance = createI18n("zh");
    expect(instance.getFixedT(null, "translation")).toBe(instance.getFixedT(null, "translation"));
    expect(instance.getFixedT("en", "translation")).not.toBe(instance.getFixedT(null, "translation"));
    expect(instance.getFixedT("en", "translation")("common.appName")).toBe(plain("en")("common.appName"));
  });
});
