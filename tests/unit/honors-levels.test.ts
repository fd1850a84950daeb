import { describe, expect, test } from "vitest";
import {
  DEMOTION_GRACE_DAYS,
  HONOR_LEVELS,
  HONOR_POINT_WEIGHTS,
  honorLevelFor,
  honorPointsFor,
  isHonorLevel,
  progressToNextLevel,
  settleHonorLevel,
  type Contribution,
  type HonorLevel,
} from "~/features/honors/rules/levels";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const daysAgo = (n: number) => new Date(NOW.getTime() - n * DAY);

const nothing: Contribution = {
  shipped: 0,
  adopted: 0,
  votesReceived: 0,
  helpfulReplies: 0,
  ratingsGiven: 0,
  daysActive: 0,
  invitationRewards: 0,
  recentDaysActive: 0,
};
const levelOf = (c: Partial<Contribution>) => {
  const contribution = { ...nothing, ...c };
  return honorLevelFor(honorPointsFor(contribution), contribution);
};

// Just enough for each level, built from the thresholds themselves.
const JUST_ENOUGH: Record<HonorLevel, Contribution> = {
  0: nothing,
  1: { ...nothing, daysActive: 10 },
  2: { ...nothing, adopted: 1, votesReceived: 45 },
  3: { ...nothing, shipped: 2, adopted: 2, votesReceived: 110, daysActive: 30, recentDaysActive: 10 },
  4: { ...nothing, shipped: 5, adopted: 5, votesReceived: 425, helpfulReplies: 5, daysActive: 50, recentDaysActive: 30 },
};

describe("honor points", () => {
  test("shipped suggestions weigh most, then adopted ones, helpful replies, ratings, votes and days", () => {
    const w = HONOR_POINT_WEIGHTS;
    expect(w.shipped).toBeGreaterThan(w.adopted);
    expect(w.adopted).toBeGreaterThan(w.helpfulReplies);
    expect(w.helpfulReplies).toBeGreaterThan(w.ratingsGiven);
    expect(w.ratingsGiven).toBeGreaterThanOrEqual(w.votesReceived);
    expect(w.votesReceived).toBeGreaterThanOrEqual(w.daysActive);
  });

  test("add up each contribution times its weight; recent days only gate levels", () => {
    expect(honorPointsFor(nothing)).toBe(0);
    expect(
      honorPointsFor({ shipped: 1, adopted: 1, votesReceived: 7, helpfulReplies: 2, ratingsGiven: 3, daysActive: 4, invitationRewards: 2, recentDaysActive: 4 }),
    ).toBe(40 + 15 + 7 + 20 + 9 + 4 + 20);
    expect(honorPointsFor({ ...nothing, recentDaysActive: 50 })).toBe(0);
  });

  test("never negative", () => {
    expect(honorPointsFor({ ...nothing, votesReceived: -5 })).toBe(0);
  });
});

describe("honorLevelFor", () => {
  test("five levels, 0 to 4, named in English and Chinese", () => {
    expect(HONOR_LEVELS.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
    for (const l of HONOR_LEVELS) {
      expect(l.name.en).not.toBe("");
      expect(l.name.zh).toMatch(/\p{Script=Han}/u);
    }
  });

  for (const level of [0, 1, 2, 3, 4] as HonorLevel[]) {
    test(`level ${level}: just enough reaches it, and no further`, () => {
      expect(levelOf(JUST_ENOUGH[level])).toBe(level);
    });
  }

  test("one point short stays a level below", () => {
    expect(levelOf({ daysActive: 9 })).toBe(0);
    expect(levelOf({ ...JUST_ENOUGH[2], votesReceived: 44 })).toBe(1);
  });

  test("votes alone never make a top-level member", () => {
    expect(levelOf({ votesReceived: 100_000, daysActive: 200, recentDaysActive: 100 })).toBe(1);
    expect(levelOf({ adopted: 3, votesReceived: 100_000, recentDaysActive: 100 })).toBe(2);
  });

  test("the top levels ask for recent activity", () => {
    expect(levelOf({ ...JUST_ENOUGH[3], recentDaysActive: 9 })).toBe(2);
    expect(levelOf({ ...JUST_ENOUGH[4], recentDaysActive: 29 })).toBe(3);
  });

  test("isHonorLevel", () => {
    expect([0, 1, 2, 3, 4].every(isHonorLevel)).toBe(true);
    expect([-1, 5, 1.5, "2", null].some(isHonorLevel)).toBe(false);
  });
});

describe("settleHonorLevel", () => {
  const stored = (level: HonorLevel, since: Date | null = daysAgo(100), manual: HonorLevel | null = null) => ({ level, since, manual });

  test("promotion is immediate and confirms the level now", () => {
    expect(settleHonorLevel(stored(1), 3, NOW)).toEqual({ level: 3, since: NOW });
  });

  test("staying qualified refreshes when the level was last confirmed", () => {
    expect(settleHonorLevel(stored(3, daysAgo(20)), 3, NOW)).toEqual({ level: 3, since: NOW });
  });

  test("levels 1 and 2 are lost at once", () => {
    expect(settleHonorLevel(stored(2, daysAgo(1)), 1, NOW)).toEqual({ level: 1, since: NOW });
    expect(settleHonorLevel(stored(1, daysAgo(1)), 0, NOW)).toEqual({ level: 0, since: NOW });
  });

  test(`levels 3 and 4 are kept for ${DEMOTION_GRACE_DAYS} days after the member last qualified`, () => {
    const lastQualified = daysAgo(DEMOTION_GRACE_DAYS - 1);
    expect(settleHonorLevel(stored(4, lastQualified), 2, NOW)).toEqual({ level: 4, since: lastQualified });
    expect(settleHonorLevel(stored(3, lastQualified), 0, NOW)).toEqual({ level: 3, since: lastQualified });
  });

  test("after the grace period the member drops to what they earn", () => {
    expect(settleHonorLevel(stored(4, daysAgo(DEMOTION_GRACE_DAYS)), 2, NOW)).toEqual({ level: 2, since: NOW });
    expect(settleHonorLevel(stored(3, daysAgo(DEMOTION_GRACE_DAYS + 5)), 3, NOW)).toEqual({ level: 3, since: NOW });
  });

  test("a level never confirmed before starts its grace period now", () => {
    expect(settleHonorLevel(stored(4, null), 1, NOW)).toEqual({ level: 4, since: NOW });
  });

  test("an admin's manual level overrides promotion and demotion alike", () => {
    expect(settleHonorLevel(stored(4, daysAgo(200), 4), 0, NOW)).toEqual({ level: 4, since: daysAgo(200) });
    expect(settleHonorLevel(stored(1, daysAgo(200), 1), 4, NOW)).toEqual({ level: 1, since: daysAgo(200) });
    expect(settleHonorLevel(stored(0, daysAgo(200), 3), 0, NOW)).toEqual({ level: 3, since: NOW });
  });
});

describe("progressToNextLevel", () => {
  test("says what is missing for the next level, in countable pieces", () => {
    const progress = progressToNextLevel({ ...JUST_ENOUGH[2], votesReceived: 100, daysActive: 20, recentDaysActive: 4 });
    expect(progress).toEqual({
      level: 3,
      points: 15 + 100 + 20,
      missing: [
        { kind: "points", count: 250 - 135 },
        { kind: "shipped", count: 2 },
        { kind: "recentDaysActive", count: 6 },
      ],
    });
  });

  test("a newcomer needs only points for level 1", () => {
    expect(progressToNextLevel(nothing)).toEqual({ level: 1, points: 0, missing: [{ kind: "points", count: 10 }] });
  });

  test("nothing left at the top, and a level held above what is earned points past it", () => {
    expect(progressToNextLevel(JUST_ENOUGH[4])).toBeNull();
    expect(progressToNextLevel(nothing, 4)).toBeNull();
    expect(progressToNextLevel(JUST_ENOUGH[1], 3)?.level).toBe(4);
  });
});
