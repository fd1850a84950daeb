// Counts read right in both languages: English says "1 shipped suggestion" and "2 shipped
// suggestions", Chinese has one form. Every English string that shows {{count}} is a plural
// key, so no noun is stuck in the plural next to a 1.
import { describe, expect, test } from "vitest";
import en from "~/i18n/en";
import zh from "~/i18n/zh";
import { translator } from "~/i18n/i18n";

function entries(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

const PLURAL = /_(one|other)$/;
// Counts shown without a noun, so nothing to agree with.
const NO_NOUN = new Set(["notifications.navUnread", "notifications.unreadCount"]);

describe("plural keys", () => {
  const enKeys = new Map(entries(en));
  const zhKeys = new Map(entries(zh));

  test("every English string that shows a count has a singular and a plural form", () => {
    const single = [...enKeys]
      .filter(([key, text]) => text.includes("{{count}}") && !NO_NOUN.has(key))
      .map(([key]) => key.replace(PLURAL, ""))
      .filter((base) => !enKeys.has(`${base}_other`) || !(enKeys.has(`${base}_one`) || enKeys.has(base)));
    expect([...new Set(single)]).toEqual([]);
  });

  test("Chinese has the _other form of every English plural", () => {
    const missing = [...enKeys.keys()]
      .filter((key) => key.endsWith("_other"))
      .filter((key) => !zhKeys.has(key));
    expect(missing).toEqual([]);
  });
});

describe("counts as members read them", () => {
  const en = translator("en");
  const zh = translator("zh");

  test.each([
    ["honorWall.requires.shipped", 1, "1 shipped suggestion"],
    ["honorWall.requires.shipped", 2, "2 shipped suggestions"],
    ["honorWall.profile.daysActive", 1, "<0>1</0> day active"],
    ["honorWall.profile.daysActive", 12, "<0>12</0> days active"],
    ["honorWall.profile.shipped", 1, "<0>1</0> shipped suggestion"],
    ["scoring.actions.adoption", 1, "Plan 1 more suggestion"],
    ["scoring.actions.adoption", 3, "Plan 3 more suggestions"],
    ["honorWall.levels.weights.votesReceived", 1, "1 point for each vote your suggestions receive"],
    ["honorWall.levels.weights.shipped", 10, "10 points for each shipped suggestion you wrote or co-authored"],
    ["invitations.overBudget", 1, "You have used your 1 invite code. Codes come back when they expire unused, and you get more as your honor level rises."],
  ])("en %s with %i: %s", (key, count, text) => {
    expect(en(key, { count })).toBe(text);
  });

  test.each([
    ["honorWall.profile.daysActive", 1, "<0>1</0> 天活跃"],
    ["honorWall.profile.daysActive", 12, "<0>12</0> 天活跃"],
    ["scoring.actions.adoption", 1, "再计划 1 条建议"],
    ["honorWall.requires.shipped", 1, "1 条已上线建议"],
  ])("zh %s with %i: %s", (key, count, text) => {
    expect(zh(key, { count })).toBe(text);
  });
});
