import { describe, expect, it } from "vitest";
import {
  canEditOthersTitles,
  canFlag,
  canProposeMerge,
  canSeeEarlyAccess,
  canTagOthers,
  canTagSuggestion,
  canVote,
  dailyVoteBudget,
  flagWeight,
  PRIVILEGES,
  shouldHide,
  type PrivilegeActor,
} from "~/features/honors/rules/privileges";

// Every actor the matrix covers: a visitor, members at each level, and each staff role
// (at level 0, so only the role can be what grants the privilege).
const member = (honorLevel: number) => ({ id: 10 + honorLevel, role: "member" as const, honorLevel });
const ACTORS: Record<string, PrivilegeActor> = {
  visitor: null,
  level0: member(0),
  level1: member(1),
  level2: member(2),
  level3: member(3),
  level4: member(4),
  staff: { id: 1, role: "staff", honorLevel: 0 },
  lead: { id: 2, role: "lead", honorLevel: 0 },
  admin: { id: 3, role: "admin", honorLevel: 0 },
};

// The expected value of each privilege for each actor, row by row.
const MATRIX: Record<string, { check: (actor: PrivilegeActor) => unknown; expected: Record<keyof typeof ACTORS, unknown> }> = {
  dailyVoteBudget: {
    check: dailyVoteBudget,
    expected: { visitor: 0, level0: 10, level1: 20, level2: 40, level3: 80, level4: Infinity, staff: Infinity, lead: Infinity, admin: Infinity },
  },
  canTagOthers: {
    check: canTagOthers,
    expected: { visitor: false, level0: false, level1: false, level2: true, level3: true, level4: true, staff: true, lead: true, admin: true },
  },
  canFlag: {
    check: canFlag,
    expected: { visitor: false, level0: false, level1: true, level2: true, level3: true, level4: true, staff: true, lead: true, admin: true },
  },
  flagWeight: {
    check: flagWeight,
    expected: { visitor: 0, level0: 0, level1: 0, level2: 1, level3: 2, level4: 2, staff: 3, lead: 3, admin: 3 },
  },
  canProposeMerge: {
    check: canProposeMerge,
    expected: { visitor: false, level0: false, level1: false, level2: true, level3: true, level4: true, staff: true, lead: true, admin: true },
  },
  canEditOthersTitles: {
    check: canEditOthersTitles,
    expected: { visitor: false, level0: false, level1: false, level2: false, level3: true, level4: true, staff: true, lead: true, admin: true },
  },
  canSeeEarlyAccess: {
    check: canSeeEarlyAccess,
    expected: { visitor: false, level0: false, level1: false, level2: false, level3: false, level4: true, staff: true, lead: true, admin: true },
  },
};

describe("the privilege matrix", () => {
  for (const [privilege, { check, expected }] of Object.entries(MATRIX)) {
    for (const [who, actor] of Object.entries(ACTORS)) {
      it(`${privilege} for ${who} is ${String(expected[who])}`, () => {
        expect(check(actor)).toBe(expected[who]);
      });
    }
  }
});

describe("the daily vote budget", () => {
  for (const [who, actor] of Object.entries(ACTORS)) {
    const budget = dailyVoteBudget(actor);
    it(`${who} may cast vote number ${budget} but not one more`, () => {
      if (budget === 0) {
        expect(canVote(actor, 0)).toBe(false);
      } else if (budget === Infinity) {
        expect(canVote(actor, 1_000_000)).toBe(true);
      } else {
        expect(canVote(actor, budget - 1)).toBe(true);
        expect(canVote(actor, budget)).toBe(false);
      }
    });
  }

  it("grows with every level", () => {
    const budgets = [0, 1, 2, 3, 4].map((level) => dailyVoteBudget(member(level)));
    expect(budgets).toEqual([...budgets].sort((a, b) => a - b));
    expect(new Set(budgets).size).toBe(budgets.length);
  });

  it("treats an out-of-range level as the nearest real one", () => {
    expect(dailyVoteBudget(member(-3))).toBe(10);
    expect(dailyVoteBudget(member(9))).toBe(Infinity);
  });
});

describe("tagging a suggestion", () => {
  for (const [who, actor] of Object.entries(ACTORS)) {
    it(`${who} may tag their own suggestion${actor ? "" : " (a visitor has none)"}`, () => {
      expect(canTagSuggestion(actor, { authorId: actor?.id ?? -1 })).toBe(!!actor);
    });
    it(`${who} may tag someone else's only with the privilege`, () => {
      expect(canTagSuggestion(actor, { authorId: 999 })).toBe(canTagOthers(actor));
    });
  }
});

describe("hiding by flags", () => {
  it("needs nothing less than the hiding weight", () => {
    expect(shouldHide([])).toBe(false);
    expect(shouldHide([member(1), member(1), member(1), member(1), member(1)])).toBe(false);
    expect(shouldHide([member(2), member(2)])).toBe(false);
    expect(shouldHide([member(2), member(2), member(2)])).toBe(true);
    expect(shouldHide([member(3), member(2)])).toBe(true);
    expect(shouldHide([member(4), member(4)])).toBe(true);
    expect(shouldHide([member(0), member(3)])).toBe(false);
  });

  it("hides at once on a staff flag", () => {
    expect(shouldHide([ACTORS.staff!])).toBe(true);
  });
});

describe("the privileges table", () => {
  it("lists each privilege once, in the order of the level that unlocks it", () => {
    expect(new Set(PRIVILEGES.map((p) => p.id)).size).toBe(PRIVILEGES.length);
    const levels = PRIVILEGES.map((p) => p.minLevel);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it("agrees with the checks: each privilege starts at its level", () => {
    const checks = { flag: canFlag, tagOthers: canTagOthers, proposeMerge: canProposeMerge, editOthersTitles: canEditOthersTitles, earlyAccess: canSeeEarlyAccess, vote: (a: PrivilegeActor) => canVote(a, 0) };
    for (const { id, minLevel } of PRIVILEGES) {
      for (let level = 0; level <= 4; level++) expect(checks[id](member(level)), `${id} at ${level}`).toBe(level >= minLevel);
    }
  });
});
