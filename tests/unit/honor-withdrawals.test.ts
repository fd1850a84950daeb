import { describe, expect, test } from "vitest";
import { badgesToWithdraw } from "~/features/honors/rules/withdrawals";

const at = (day: number) => new Date(Date.UTC(2025, 0, day));

describe("badges withdrawn after a correction", () => {
  const grants = [
    { id: 1, badgeId: "first_post", suggestionId: 0, grantedAt: at(1) },
    { id: 2, badgeId: "first_shipped", suggestionId: 0, grantedAt: at(10) },
    { id: 3, badgeId: "first_vote", suggestionId: 0, grantedAt: at(11) },
  ] as const;

  test("only grants since the mistake that the facts no longer earn", () => {
    const stillEarned = [
      { badgeId: "first_post", suggestionId: 0 },
      { badgeId: "first_vote", suggestionId: 0 },
    ] as const;
    expect(badgesToWithdraw(grants as never, stillEarned as never, at(10)).map((g) => g.id)).toEqual([2]);
  });

  test("a badge earned before the mistake stays even if no longer earned", () => {
    expect(badgesToWithdraw(grants as never, [], at(5)).map((g) => g.id)).toEqual([2, 3]);
  });
});
