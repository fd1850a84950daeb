import { describe, expect, test } from "vitest";
import { campaignPhase, campaignSlug, canPickEntries, isCampaignEntry, leadingUnits, timeUntil } from "~/features/campaigns/campaign-rules";

const at = (iso: string) => new Date(iso);
const campaign = { boardId: 7, startsAt: at("2025-06-01T00:00:00Z"), endsAt: at("2025-06-15T00:00:00Z") };

describe("campaignPhase", () => {
  test.each([
    ["2025-05-31T23:59:59.999Z", "upcoming"],
    ["2025-06-01T00:00:00Z", "running"],
    ["2025-06-08T12:00:00Z", "running"],
    ["2025-06-14T23:59:59.999Z", "running"],
    ["2025-06-15T00:00:00Z", "finished"],
    ["2026-01-01T00:00:00Z", "finished"],
  ])("at %s it is %s", (now, phase) => {
    expect(campaignPhase(campaign, at(now))).toBe(phase);
  });
});

describe("isCampaignEntry", () => {
  test("a suggestion posted on the campaign's board while it runs is an entry", () => {
    expect(isCampaignEntry(campaign, { boardId: 7, postedAt: at("2025-06-01T00:00:00Z") })).toBe(true);
    expect(isCampaignEntry(campaign, { boardId: 7, postedAt: at("2025-06-10T00:00:00Z") })).toBe(true);
  });

  test("one posted on another board, before the start or from the end on is not", () => {
    expect(isCampaignEntry(campaign, { boardId: 8, postedAt: at("2025-06-10T00:00:00Z") })).toBe(false);
    expect(isCampaignEntry(campaign, { boardId: 7, postedAt: at("2025-05-31T23:59:59Z") })).toBe(false);
    expect(isCampaignEntry(campaign, { boardId: 7, postedAt: at("2025-06-15T00:00:00Z") })).toBe(false);
  });
});

describe("canPickEntries", () => {
  test("only once the campaign has ended", () => {
    expect(canPickEntries(campaign, at("2025-05-01T00:00:00Z"))).toBe(false);
    expect(canPickEntries(campaign, at("2025-06-14T23:59:59Z"))).toBe(false);
    expect(canPickEntries(campaign, at("2025-06-15T00:00:00Z"))).toBe(true);
  });
});

describe("timeUntil", () => {
  const now = at("2025-06-01T00:00:00Z");
  test("splits into days, hours and minutes, rounding up to the minute", () => {
    expect(timeUntil(at("2025-06-03T05:07:00Z"), now)).toEqual({ days: 2, hours: 5, minutes: 7 });
    expect(timeUntil(at("2025-06-01T00:00:01Z"), now)).toEqual({ days: 0, hours: 0, minutes: 1 });
  });

  test("is zero for moments already past", () => {
    expect(timeUntil(at("2025-05-01T00:00:00Z"), now)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
});

describe("leadingUnits", () => {
  test("says the two largest units from the first one that is not zero", () => {
    expect(leadingUnits({ days: 2, hours: 5, minutes: 7 })).toEqual([
      { unit: "days", count: 2 },
      { unit: "hours", count: 5 },
    ]);
    expect(leadingUnits({ days: 0, hours: 3, minutes: 20 })).toEqual([
      { unit: "hours", count: 3 },
      { unit: "minutes", count: 20 },
    ]);
    expect(leadingUnits({ days: 0, hours: 0, minutes: 40 })).toEqual([{ unit: "minutes", count: 40 }]);
  });

  test("leaves out a zero second unit and says 0 minutes when nothing is left", () => {
    expect(leadingUnits({ days: 3, hours: 0, minutes: 59 })).toEqual([{ unit: "days", count: 3 }]);
    expect(leadingUnits({ days: 0, hours: 0, minutes: 0 })).toEqual([{ unit: "minutes", count: 0 }]);
  });
});

describe("campaignSlug", () => {
  test.each([
    ["Suggest for the next release", "suggest-for-the-next-release"],
    ["  Sprout OS 6.0: ideas!  ", "sprout-os-6-0-ideas"],
    ["Café crème", "cafe-creme"],
    ["为下个版本提建议", "campaign"],
    ["A".repeat(60), "a".repeat(48)],
  ])("%s → %s", (title, slug) => {
    expect(campaignSlug(title)).toBe(slug);
  });
});
