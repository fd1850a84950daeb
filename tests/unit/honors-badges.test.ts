import { describe, expect, test } from "vitest";
import {
  BADGE_IDS,
  BADGE_TIERS,
  BADGES,
  badgeDefinition,
  badgesEarned,
  contributionOf,
  HONOR_EVENTS,
  isBadgeId,
  type BadgeId,
  type MemberFacts,
} from "~/features/honors/rules/badges";

const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const DAY = 24 * 60 * 60 * 1000;
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

// A member who joined yesterday, as the 500th account, and has done nothing yet.
function facts(overrides: Partial<MemberFacts> = {}): MemberFacts {
  return {
    now: NOW,
    joinedAt: new Date(NOW.getTime() - DAY),
    memberNumber: 500,
    suggestionsPosted: 0,
    adoptedSuggestionIds: [],
    shippedSuggestionIds: [],
    votesBySuggestion: {},
    helpfulReplies: 0,
    ratingsGiven: 0,
    activeInvitees: 0,
    invitationRewards: 0,
    daysActive: 0,
    recentDaysActive: 0,
    longestStreak: 0,
    lastActiveDay: null,
    ...overrides,
    resolvedComplaintsAt: overrides.resolvedComplaintsAt ?? [],
  };
}

const votes = (total: number, suggestions = 1): Record<number, number> => {
  const per = Math.floor(total / suggestions);
  return Object.fromEntries(range(suggestions).map((id, i) => [id, per + (i === 0 ? total - per * suggestions : 0)]));
};

const dayAfter = (date: Date, days: number) => new Date(date.getTime() + days * DAY).toISOString().slice(0, 10);
const RESOLVED = new Date(NOW.getTime() - 60 * DAY);

// For every badge: facts just short of it, and facts that just earn it.
const CASES: Record<BadgeId, { short: Partial<MemberFacts>; earns: Partial<MemberFacts> }> = {
  first_suggestion: { short: {}, earns: { suggestionsPosted: 1 } },
  first_adopted: { short: {}, earns: { adoptedSuggestionIds: [7] } },
  first_shipped: { short: { adoptedSuggestionIds: [7] }, earns: { adoptedSuggestionIds: [7], shippedSuggestionIds: [7] } },
  co_creator: { short: { shippedSuggestionIds: range(2) }, earns: { shippedSuggestionIds: range(3) } },
  senior_co_creator: { short: { shippedSuggestionIds: range(9) }, earns: { shippedSuggestionIds: range(10) } },
  master_co_creator: { short: { shippedSuggestionIds: range(24) }, earns: { shippedSuggestionIds: range(25) } },
  noticed: { short: { votesBySuggestion: votes(9, 3) }, earns: { votesBySuggestion: votes(10, 3) } },
  popular: { short: { votesBySuggestion: votes(99, 4) }, earns: { votesBySuggestion: votes(100, 4) } },
  beloved: { short: { votesBySuggestion: votes(999, 10) }, earns: { votesBySuggestion: votes(1000, 10) } },
  crowd_favorite: { short: { votesBySuggestion: { 3: 24, 4: 24 } }, earns: { votesBySuggestion: { 3: 24, 4: 25 } } },
  helpful_reply: { short: {}, earns: { helpfulReplies: 1 } },
  trusted_helper: { short: { helpfulReplies: 9 }, earns: { helpfulReplies: 10 } },
  tester: { short: { ratingsGiven: 4 }, earns: { ratingsGiven: 5 } },
  chief_tester: { short: { ratingsGiven: 24 }, earns: { ratingsGiven: 25 } },
  inviter: { short: {}, earns: { activeInvitees: 1 } },
  connector: { short: { activeInvitees: 2 }, earns: { activeInvitees: 3 } },
  ambassador: { short: { activeInvitees: 9 }, earns: { activeInvitees: 10 } },
  week_streak: { short: { longestStreak: 6, daysActive: 50 }, earns: { longestStreak: 7 } },
  month_streak: { short: { longestStreak: 29 }, earns: { longestStreak: 30 } },
  hundred_day_streak: { short: { longestStreak: 99 }, earns: { longestStreak: 100 } },
  anniversary: {
    short: { joinedAt: new Date(NOW.getTime() - 365 * DAY + 1) },
    earns: { joinedAt: new Date(NOW.getTime() - 365 * DAY) },
  },
  founding_member: { short: { memberNumber: 101 }, earns: { memberNumber: 100 } },
  turned_around: {
    short: { resolvedComplaintsAt: [RESOLVED], lastActiveDay: dayAfter(RESOLVED, 29) },
    earns: { resolvedComplaintsAt: [RESOLVED], lastActiveDay: dayAfter(RESOLVED, 30) },
  },
};

const earnedIds = (f: MemberFacts) => badgesEarned(f).map((g) => g.badgeId);

describe("badge definitions", () => {
  test("there are at least fifteen, each with English and Chinese names and descriptions, a tier and events", () => {
    expect(BADGE_IDS.length).toBeGreaterThanOrEqual(15);
    for (const id of BADGE_IDS) {
      const badge = badgeDefinition(id);
      expect(BADGE_TIERS).toContain(badge.tier);
      for (const text of [badge.name, badge.description]) {
        expect(text.en.trim()).not.toBe("");
        expect(text.zh).toMatch(/\p{Script=Han}/u);
      }
      expect(badge.events.length).toBeGreaterThan(0);
      for (const event of badge.events) expect(HONOR_EVENTS).toContain(event);
    }
  });

  test("names are unique in each language", () => {
    for (const language of ["en", "zh"] as const) {
      const names = BADGE_IDS.map((id) => BADGES[id].name[language]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  test("tiers go bronze, silver, gold along each family", () => {
    const tiers = (ids: BadgeId[]) => ids.map((id) => BADGES[id].tier);
    const ladder = ["bronze", "silver", "gold"];
    expect(tiers(["co_creator", "senior_co_creator", "master_co_creator"])).toEqual(ladder);
    expect(tiers(["noticed", "popular", "beloved"])).toEqual(ladder);
    expect(tiers(["inviter", "connector", "ambassador"])).toEqual(ladder);
    expect(tiers(["week_streak", "month_streak", "hundred_day_streak"])).toEqual(ladder);
    expect(tiers(["tester", "chief_tester"])).toEqual(["bronze", "silver"]);
  });

  test("isBadgeId knows the definitions and nothing else", () => {
    expect(isBadgeId("first_shipped")).toBe(true);
    expect(isBadgeId("toString")).toBe(false);
    expect(isBadgeId("no_such_badge")).toBe(false);
    expect(isBadgeId(3)).toBe(false);
  });
});

describe("badge rules", () => {
  test("a newcomer who has done nothing earns nothing", () => {
    expect(badgesEarned(facts())).toEqual([]);
  });

  for (const id of BADGE_IDS) {
    test(`${id}: earned exactly at its threshold`, () => {
      const { short, earns } = CASES[id];
      expect(earnedIds(facts(short))).not.toContain(id);
      expect(earnedIds(facts(earns))).toContain(id);
    });
  }

  test("crowd favourite is earned once per suggestion that reaches the votes", () => {
    const earned = badgesEarned(facts({ votesBySuggestion: { 3: 30, 4: 2, 9: 25 } })).filter((g) => g.badgeId === "crowd_favorite");
    expect(earned.map((g) => g.suggestionId).sort()).toEqual([3, 9]);
  });

  test("badges earned once per member carry suggestion 0", () => {
    const earned = badgesEarned(facts({ suggestionsPosted: 2, shippedSuggestionIds: [4], adoptedSuggestionIds: [4] }));
    expect(earned.filter((g) => g.badgeId !== "crowd_favorite").every((g) => g.suggestionId === 0)).toBe(true);
  });

  test("turned around needs activity 30 days after a resolution, whichever complaint it was", () => {
    const older = new Date(NOW.getTime() - 90 * DAY);
    expect(earnedIds(facts({ resolvedComplaintsAt: [RESOLVED, older], lastActiveDay: dayAfter(older, 31) }))).toContain("turned_around");
    expect(earnedIds(facts({ resolvedComplaintsAt: [], lastActiveDay: dayAfter(RESOLVED, 40) }))).not.toContain("turned_around");
    expect(earnedIds(facts({ resolvedComplaintsAt: [RESOLVED], lastActiveDay: null }))).not.toContain("turned_around");
  });

  test("with events, only the badges those events re-check", () => {
    const busy = facts({ suggestionsPosted: 1, votesBySuggestion: votes(10), helpfulReplies: 1, longestStreak: 7, memberNumber: 1 });
    expect(badgesEarned(busy, ["suggestion_posted"]).map((g) => g.badgeId)).toEqual(["first_suggestion"]);
    expect(badgesEarned(busy, ["vote_cast"]).map((g) => g.badgeId)).toEqual(["noticed"]);
    expect(badgesEarned(busy, ["daily_activity"]).map((g) => g.badgeId).sort()).toEqual(["founding_member", "week_streak"]);
    expect(badgesEarned(busy, []).length).toBe(0);
    expect(badgesEarned(busy).length).toBe(5);
  });
});

describe("contributionOf", () => {
  test("turns facts into what honor levels count", () => {
    expect(
      contributionOf(
        facts({
          shippedSuggestionIds: [1, 2],
          adoptedSuggestionIds: [1, 2, 3],
          votesBySuggestion: { 1: 4, 3: 6 },
          helpfulReplies: 2,
          ratingsGiven: 5,
          daysActive: 40,
          invitationRewards: 1,
          recentDaysActive: 12,
        }),
      ),
    ).toEqual({ shipped: 2, adopted: 3, votesReceived: 10, helpfulReplies: 2, ratingsGiven: 5, daysActive: 40, invitationRewards: 1, recentDaysActive: 12 });
  });
});
