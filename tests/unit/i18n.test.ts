import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
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
