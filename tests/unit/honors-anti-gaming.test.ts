import { describe, expect, test } from "vitest";
import { ROLES } from "#db/schema";
import { addDays, activityDay, currentStreak, longestStreak, recentDaysActive } from "~/features/honors/rules/activity";
import {
  countedVotes,
  SERIAL_VOTE_LIMIT,
  SERIAL_VOTE_WINDOW_MS,
  voteExclusion,
  YOUNG_ACCOUNT_MS,
  type ReceivedVote,
} from "~/features/honors/rules/anti-gaming";

const AUTHOR = 1;
const T0 = Date.UTC(2026, 0, 15, 12);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function vote(overrides: Partial<ReceivedVote> & { at?: number } = {}): ReceivedVote {
  const { at = T0, ...rest } = overrides;
  return { suggestionId: 10, voterId: 2, voterRole: "member", voterJoinedAt: new Date(T0 - 30 * DAY), createdAt: new Date(at), ...rest };
}

describe("voteExclusion", () => {
  test("a member's vote from an account older than a day counts", () => {
    expect(voteExclusion(AUTHOR, vote())).toBeNull();
  });

  test("self votes never count", () => {
    expect(voteExclusion(AUTHOR, vote({ voterId: AUTHOR }))).toBe("self");
  });

  test("votes from every staff role never count", () => {
    for (const role of ROLES.filter((r) => r !== "member")) expect(voteExclusion(AUTHOR, vote({ voterRole: role }))).toBe("staff");
  });

  test("an account younger than a day when it voted does not count; a day old does", () => {
    expect(voteExclusion(AUTHOR, vote({ voterJoinedAt: new Date(T0 - YOUNG_ACCOUNT_MS + 1) }))).toBe("young_account");
    expect(voteExclusion(AUTHOR, vote({ voterJoinedAt: new Date(T0 - YOUNG_ACCOUNT_MS) }))).toBeNull();
  });

  test("what matters is the account's age at voting time, not today", () => {
    const joined = new Date(T0 - 2 * DAY);
    expect(voteExclusion(AUTHOR, vote({ voterJoinedAt: joined, at: joined.getTime() + MINUTE }))).toBe("young_account");
  });
});

describe("serial voting", () => {
  const burst = (count: number, spacing: number, voterId = 2) =>
    Array.from({ length: count }, (_, i) => vote({ voterId, suggestionId: 100 + i, at: T0 + i * spacing }));

  test(`up to ${SERIAL_VOTE_LIMIT} votes for one author within the window all count`, () => {
    const { counted, excluded } = countedVotes(AUTHOR, burst(SERIAL_VOTE_LIMIT, MINUTE));
    expect(counted).toHaveLength(SERIAL_VOTE_LIMIT);
    expect(excluded).toEqual([]);
  });

  test("the excess of a burst is excluded, the first ones still count", () => {
    const votes = burst(12, MINUTE);
    const { counted, excluded } = countedVotes(AUTHOR, votes);
    expect(counted).toEqual(votes.slice(0, SERIAL_VOTE_LIMIT));
    expect(excluded.map((e) => e.reason)).toEqual(Array(12 - SERIAL_VOTE_LIMIT).fill("serial"));
  });

  test("votes spread out over time all count", () => {
    const { counted } = countedVotes(AUTHOR, burst(20, SERIAL_VOTE_WINDOW_MS / SERIAL_VOTE_LIMIT));
    expect(counted).toHaveLength(20);
  });

  test("a steady stream faster than the limit keeps being excluded", () => {
    const { counted } = countedVotes(AUTHOR, burst(30, 2 * MINUTE));
    expect(counted).toHaveLength(SERIAL_VOTE_LIMIT);
  });

  test("each voter is judged on their own, in any input order", () => {
    const votes = [...burst(6, MINUTE, 2), ...burst(6, MINUTE, 3)].reverse();
    const { counted, excluded } = countedVotes(AUTHOR, votes);
    expect(counted).toHaveLength(2 * SERIAL_VOTE_LIMIT);
    expect(excluded.map((e) => [e.vote.voterId, e.vote.suggestionId]).sort()).toEqual([
      [2, 105],
      [3, 105],
    ]);
  });

  test("excluded votes of other kinds do not use up the serial allowance", () => {
    const votes = [vote({ voterId: AUTHOR }), vote({ voterRole: "staff", voterId: 9 }), ...burst(5, MINUTE)];
    const { counted, excluded } = countedVotes(AUTHOR, votes);
    expect(counted).toHaveLength(5);
    expect(excluded.map((e) => e.reason).sort()).toEqual(["self", "staff"]);
  });
});

describe("activity days and streaks", () => {
  test("activityDay is the UTC date", () => {
    expect(activityDay(new Date(Date.UTC(2026, 0, 15, 23, 59)))).toBe("2026-01-15");
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  test("longest streak counts consecutive days, across months and out of order", () => {
    expect(longestStreak([])).toBe(0);
    expect(longestStreak(["2026-01-05"])).toBe(1);
    expect(longestStreak(["2026-03-01", "2026-02-27", "2026-02-28", "2026-02-28", "2026-02-20", "2026-03-03"])).toBe(3);
  });

  test("current streak ends today or yesterday", () => {
    const today = new Date(Date.UTC(2026, 0, 15, 8));
    expect(currentStreak(["2026-01-13", "2026-01-14", "2026-01-15"], today)).toBe(3);
    expect(currentStreak(["2026-01-13", "2026-01-14"], today)).toBe(2);
    expect(currentStreak(["2026-01-12", "2026-01-13"], today)).toBe(0);
  });

  test("recent days active counts the window ending today", () => {
    const today = new Date(Date.UTC(2026, 0, 15, 8));
    expect(recentDaysActive(["2026-01-15", "2026-01-06", "2026-01-05", "2026-01-20"], today, 10)).toBe(2);
  });
});
