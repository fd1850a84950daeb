// The word-of-mouth score's core: pinned on one fixed forum per stage of the source
// (about 30, 75, 80 and 90), and checked for its properties on random forums: bounded,
// defined on an empty forum, never lowered by improving one signal, explained term by term.
import { describe, expect, it } from "vitest";
import { emptySignals, sproutScore, sproutTotal, TERMS, type ScoreSignals } from "~/scoring";

type Patch = { [K in keyof ScoreSignals]?: Partial<ScoreSignals[K]> };

function forum(patch: Patch): ScoreSignals {
  const s = emptySignals(24);
  for (const [group, values] of Object.entries(patch)) Object.assign(s[group as keyof ScoreSignals], values);
  return s;
}

// 120 members: 80 who joined in the last two months, nearly all visiting, and a cohort of 40
// older members of whom 8 still come by. A few post; nobody answers or adopts anything.
const STAGE_1: Patch = {
  activity: { members: 120, activeMembers: 80, activeDays: 560 },
  retention: { cohortMembers: 40, retained: 8 },
  participation: { contributors: 6, posters: 5, voters: 3, commenters: 1, raters: 0 },
  adoption: { posted: 20, decided: 0, adopted: 0, shipped: 0 },
  responses: { targetHours: 24, due: 20, withinTarget: 0, late: 0, overdue: 20, wellReceived: 0, medianHours: null },
};

// Members take part and the team decides, plans and ships, but never answers in the thread.
const STAGE_2: Patch = {
  ...STAGE_1,
  activity: { members: 120, activeMembers: 80, activeDays: 640 },
  participation: { contributors: 45, posters: 20, voters: 40, commenters: 25, raters: 18 },
  adoption: { posted: 80, decided: 56, adopted: 30, shipped: 15 },
  responses: { targetHours: 24, due: 80, withinTarget: 0, late: 0, overdue: 80, wellReceived: 0, medianHours: null },
  ratings: { stars: [1, 3, 8, 16, 12] },
};

// The team answers nearly everything within the target, warmly, and resolves complaints.
const STAGE_3: Patch = {
  ...STAGE_2,
  responses: { targetHours: 24, due: 80, withinTarget: 72, late: 8, overdue: 0, wellReceived: 80, medianHours: 5 },
  complaints: { filed: 6, resolved: 6, medianResolutionHours: 20, resolutionRatings: { count: 5, sum: 22 } },
};

// Contributors hold badges and levels, the older cohort comes back, invited friends stay.
// (What the gatherer measures on `--scenario stage4`, where the honors engine grants badges
// to nearly everyone who did something and level 1 to the regulars.)
const STAGE_4: Patch = {
  ...STAGE_3,
  activity: { members: 127, activeMembers: 103, activeDays: 672 },
  retention: { cohortMembers: 40, retained: 28 },
  honors: { holdingBadges: 120, withPrivileges: 44 },
  invitations: { sent: 12, joined: 5, activeInvitees: 3, shareSignups: 2 },
};

describe("the four stages", () => {
  it.each([
    ["stage 1: a product members want, built without them", STAGE_1, 30],
    ["stage 2: members take part, suggestions are adopted", STAGE_2, 75],
    ["stage 3: the team answers fast and warmly", STAGE_3, 80],
    ["stage 4: honors, privileges, returning members, invitations", STAGE_4, 90],
  ])("%s scores about $2", (_, patch, expected) => {
    const report = sproutScore(forum(patch));
    expect(Math.abs(report.total - expected)).toBeLessThanOrEqual(3);
  });

  it("pins the exact figures, so a change to a weight is a visible decision", () => {
    const totals = [STAGE_1, STAGE_2, STAGE_3, STAGE_4].map((p) => sproutScore(forum(p)).total);
    expect(totals).toMatchInlineSnapshot(`
      [
        29.86,
        75.49,
        79.47,
        89.45,
      ]
    `);
  });

  it("stage 1 earns its points from the product, not from the team or honors", () => {
    const report = sproutScore(forum(STAGE_1));
    const byGroup = (group: string) => report.terms.filter((t) => t.group === group).reduce((sum, t) => sum + t.points, 0);
    expect(byGroup("product")).toBeGreaterThan(24);
    expect(byGroup("achievement")).toBeLessThan(4);
    expect(byGroup("loyalty")).toBeLessThan(2);
  });
});

describe("the breakdown", () => {
  it("has every term once, and its points add up to the total", () => {
    for (const patch of [{}, STAGE_1, STAGE_2, STAGE_3, STAGE_4]) {
      const report = sproutScore(forum(patch));
      expect(report.terms.map((t) => t.id)).toEqual(TERMS.map((t) => t.id));
      const sum = report.terms.reduce((total, t) => total + t.points, 0);
      expect(report.total).toBeCloseTo(sum, 6);
      for (const t of report.terms) expect(t.points + t.missing).toBeCloseTo(t.maxPoints, 6);
    }
  });

  it("gives 100 points in all, in the proportions of the source", () => {
    const max = (group: string) => TERMS.filter((t) => t.group === group).reduce((sum, t) => sum + t.maxPoints, 0);
    expect(max("product")).toBe(30);
    expect(max("achievement")).toBe(45);
    expect(max("team")).toBe(5);
    expect(max("loyalty")).toBe(10);
    expect(max("delight")).toBe(10);
  });

  it("scores each dimension as its points over its maximum", () => {
    const report = sproutScore(forum(STAGE_3));
    for (const dimension of ["satisfaction", "achievement", "loyalty"] as const) {
      const own = report.terms.filter((t) => t.dimension === dimension);
      const expected = (100 * own.reduce((s, t) => s + t.points, 0)) / own.reduce((s, t) => s + t.maxPoints, 0);
      expect(report[dimension]).toBeCloseTo(expected, 1);
    }
  });

  it("names the action that raises the total most, with the gain it was re-scored to", () => {
    // Stage 4's forum with members visiting more, but the team has stopped answering:
    // answering the 80 waiting suggestions (late now) is worth more than anything else.
    const silent = { ...STAGE_4, activity: { members: 127, activeMembers: 103, activeDays: 900 }, responses: STAGE_2.responses };
    const report = sproutScore(forum(silent));
    expect(report.bestAction).toMatchObject({ termId: "responseTime", action: { key: "actions.responseTime", values: { count: 80, hours: 24 } } });
    const answered = forum({ ...silent, responses: { ...STAGE_2.responses, overdue: 0, late: 80, wellReceived: 80 } });
    expect(report.bestAction!.gain).toBeCloseTo(sproutTotal(answered) - report.total, 1);
  });

  it("picks the best action as the largest gain over every term's own improvement", () => {
    for (const patch of [STAGE_1, STAGE_2, STAGE_3, STAGE_4]) {
      const signals = forum(patch);
      const report = sproutScore(signals);
      const gains = TERMS.flatMap((definition) => {
        const improvement = definition.improve(signals);
        return improvement ? [{ id: definition.id, gain: sproutTotal(improvement.signals) - report.total }] : [];
      });
      const best = gains.reduce((a, b) => (b.gain > a.gain ? b : a));
      expect(report.bestAction).toMatchObject({ termId: best.id, gain: Math.round(best.gain * 10) / 10 });
      expect(report.bestAction!.gain).toBeGreaterThan(0);
    }
  });

  it("has no best action when every term is full", () => {
    const perfect = forum({
      activity: { members: 1000, activeMembers: 1000, activeDays: 30_000 },
      retention: { cohortMembers: 500, retained: 500 },
      participation: { contributors: 1000 },
      adoption: { posted: 1000, decided: 1000, adopted: 1000, shipped: 1000 },
      responses: { targetHours: 24, due: 1000, withinTarget: 1000, late: 0, overdue: 0, wellReceived: 1000, medianHours: 1 },
      complaints: { filed: 1000, resolved: 1000, medianResolutionHours: 1, resolutionRatings: { count: 1000, sum: 5000 } },
      ratings: { stars: [0, 0, 0, 0, 100_000] },
      honors: { holdingBadges: 1000, withPrivileges: 1000 },
      invitations: { sent: 100, joined: 100, activeInvitees: 100, shareSignups: 0 },
      survey: { answers: 100_000, promoters: 100_000, detractors: 0 },
    });
    const report = sproutScore(perfect);
    expect(report.total).toBeGreaterThan(99.5);
    expect(report.bestAction).toBeNull();
  });
});

describe("small samples", () => {
  it("three excellent ratings barely move the ratings term; three hundred do", () => {
    const points = (stars: ScoreSignals["ratings"]["stars"]) =>
      sproutScore(forum({ ratings: { stars } })).terms.find((t) => t.id === "featureRatings")!;
    const three = points([0, 0, 0, 0, 3]);
    const many = points([0, 0, 0, 0, 300]);
    expect(three.points).toBeLessThan(1);
    expect(many.points).toBeGreaterThan(3.8);
    expect(three.enoughData).toBe(false);
    expect(many.enoughData).toBe(true);
  });

  it("says which terms have too little data", () => {
    const report = sproutScore(forum({ ...STAGE_1, complaints: { filed: 2, resolved: 1, medianResolutionHours: 3, resolutionRatings: { count: 0, sum: 0 } } }));
    expect(report.notes).toContainEqual({ key: "notes.notEnoughData", values: { sample: 2, needed: 10 }, termId: "complaintHandling" });
    expect(report.notes.some((n) => n.termId === "usage")).toBe(false);
  });

  it("gives an empty forum a defined, low score with notes, and no action", () => {
    const report = sproutScore(emptySignals());
    expect(report.total).toBeGreaterThanOrEqual(0);
    expect(report.total).toBeLessThan(2);
    for (const value of [report.total, report.satisfaction, report.achievement, report.loyalty, ...report.terms.map((t) => t.points)]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(report.notes[0]).toEqual({ key: "notes.noMembers", values: {} });
    expect(report.notes.filter((n) => n.key === "notes.notEnoughData")).toHaveLength(TERMS.length);
    expect(JSON.stringify(report)).not.toContain("NaN");
  });
});

// ---------------------------------------------------------------------------------------
// Properties on random forums, from a tiny seeded generator (mulberry32): reproducible.

function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Integers up to max, often 0 or max, so edges and empty groups come up.
  const int = (max: number) => {
    const roll = next();
    if (roll < 0.1) return 0;
    if (roll < 0.2) return Math.max(0, Math.floor(max));
    return Math.floor(next() * (Math.max(0, Math.floor(max)) + 1));
  };
  return { next, int };
}

function randomSignals(seed: number): ScoreSignals {
  const { int, next } = randomSource(seed);
  const scale = [0, 5, 50, 500, 20_000][Math.floor(next() * 5)];
  const members = int(scale);
  const activeMembers = int(members);
  const activeDays = activeMembers + int(29 * activeMembers);
  const cohortMembers = int(members);
  const contributors = int(activeMembers);
  const posted = int(scale * 2);
  const decided = int(posted);
  const adopted = int(decided);
  const due = int(posted);
  const withinTarget = int(due);
  const late = int(due - withinTarget);
  const filed = int(scale / 5);
  const resolved = int(filed);
  const rated = int(resolved);
  const answers = int(scale);
  const promoters = int(answers);
  const holdingBadges = int(contributors);
  const sent = int(scale / 2);
  const joined = int(sent);
  return {
    activity: { members, activeMembers, activeDays },
    retention: { cohortMembers, retained: int(Math.min(cohortMembers, activeMembers)) },
    participation: { contributors, posters: int(contributors), voters: int(contributors), commenters: int(contributors), raters: int(contributors), campaigners: int(contributors) },
    adoption: { posted, decided, adopted, shipped: int(adopted) },
    responses: { targetHours: 24, due, withinTarget, late, overdue: due - withinTarget - late, wellReceived: int(withinTarget + late), medianHours: null },
    complaints: { filed, resolved, medianResolutionHours: null, resolutionRatings: { count: rated, sum: rated + int(4 * rated) } },
    ratings: { stars: [int(scale), int(scale), int(scale), int(scale), int(scale)] },
    honors: { holdingBadges, withPrivileges: int(holdingBadges) },
    invitations: { sent, joined, activeInvitees: int(Math.min(joined, activeMembers)), shareSignups: int(scale / 10) },
    survey: { answers, promoters, detractors: int(answers - promoters) },
  };
}

// One step better on one signal, keeping the signals consistent; null where it cannot apply.
// Populations (members, posted, due, filed, answers…) are not improvements either way.
const IMPROVEMENTS: Record<string, (s: ScoreSignals) => boolean> = {
  "one more active member": (s) => {
    if (s.activity.activeMembers >= s.activity.members) return false;
    s.activity.activeMembers += 1;
    s.activity.activeDays = Math.max(s.activity.activeDays, s.activity.activeMembers);
    return true;
  },
  "one more active day": (s) => s.activity.activeDays < 30 * s.activity.activeMembers && ++s.activity.activeDays > 0,
  "one more retained member": (s) => s.retention.retained < Math.min(s.retention.cohortMembers, s.activity.activeMembers) && ++s.retention.retained > 0,
  "one more contributor": (s) => s.participation.contributors < s.activity.activeMembers && ++s.participation.contributors > 0,
  "one more decision": (s) => s.adoption.decided < s.adoption.posted && ++s.adoption.decided > 0,
  "one more adopted": (s) => {
    if (s.adoption.adopted >= s.adoption.posted) return false;
    s.adoption.adopted += 1;
    s.adoption.decided = Math.max(s.adoption.decided, s.adoption.adopted);
    return true;
  },
  "one more shipped": (s) => s.adoption.shipped < s.adoption.adopted && ++s.adoption.shipped > 0,
  "an overdue suggestion answered late": (s) => s.responses.overdue > 0 && s.responses.overdue-- > 0 && ++s.responses.late > 0,
  "an overdue suggestion answered in time": (s) => s.responses.overdue > 0 && s.responses.overdue-- > 0 && ++s.responses.withinTarget > 0,
  "a late answer in time instead": (s) => s.responses.late > 0 && s.responses.late-- > 0 && ++s.responses.withinTarget > 0,
  "one more well-received reply": (s) => s.responses.wellReceived < s.responses.withinTarget + s.responses.late && ++s.responses.wellReceived > 0,
  "one more complaint resolved": (s) => s.complaints.resolved < s.complaints.filed && ++s.complaints.resolved > 0,
  "a resolution rated one star better": (s) => {
    const r = s.complaints.resolutionRatings;
    return r.sum < 5 * r.count && ++r.sum > 0;
  },
  "a feature rated one star better": (s) => {
    const from = s.ratings.stars.findIndex((n, i) => n > 0 && i < 4);
    if (from < 0) return false;
    s.ratings.stars[from] -= 1;
    s.ratings.stars[from + 1] += 1;
    return true;
  },
  "a detractor becomes passive": (s) => s.survey.detractors > 0 && s.survey.detractors-- > 0,
  "a passive becomes a promoter": (s) => s.survey.promoters + s.survey.detractors < s.survey.answers && ++s.survey.promoters > 0,
  "one more badge holder": (s) => s.honors.holdingBadges < s.activity.members && ++s.honors.holdingBadges > 0,
  "one more privileged member": (s) => s.honors.withPrivileges < s.honors.holdingBadges && ++s.honors.withPrivileges > 0,
  "one more active invitee": (s) => s.invitations.activeInvitees < s.invitations.joined && ++s.invitations.activeInvitees > 0,
};

const SEEDS = Array.from({ length: 400 }, (_, i) => 1 + i * 7919);

describe("properties on random forums", () => {
  it("keeps the total, the dimensions and every term within bounds", () => {
    for (const seed of SEEDS) {
      const report = sproutScore(randomSignals(seed));
      for (const value of [report.total, report.satisfaction, report.achievement, report.loyalty]) {
        expect(value, `seed ${seed}`).toBeGreaterThanOrEqual(0);
        expect(value, `seed ${seed}`).toBeLessThanOrEqual(100);
      }
      for (const t of report.terms) {
        expect(t.points, `seed ${seed} ${t.id}`).toBeGreaterThanOrEqual(0);
        expect(t.points, `seed ${seed} ${t.id}`).toBeLessThanOrEqual(t.maxPoints);
      }
    }
  });

  it("never lowers the total or a dimension when one signal improves", () => {
    let applied = 0;
    for (const seed of SEEDS) {
      const before = randomSignals(seed);
      const scoreBefore = sproutScore(before);
      for (const [name, improve] of Object.entries(IMPROVEMENTS)) {
        const after = structuredClone(before);
        if (!improve(after)) continue;
        applied += 1;
        const scoreAfter = sproutScore(after);
        for (const key of ["total", "satisfaction", "achievement", "loyalty"] as const) {
          expect(scoreAfter[key], `seed ${seed}: ${name} lowered ${key}`).toBeGreaterThanOrEqual(scoreBefore[key]);
        }
      }
    }
    expect(applied).toBeGreaterThan(SEEDS.length * 5);
  });

  it("stays defined on nonsense input: negative, fractional, NaN and infinite counts", () => {
    const nonsense = [-5, 0.5, Number.NaN, Number.POSITIVE_INFINITY, -Infinity];
    for (const [i, bad] of nonsense.entries()) {
      const s = randomSignals(SEEDS[i]);
      s.activity.members = bad;
      s.adoption.posted = bad;
      s.ratings.stars[2] = bad;
      s.survey.detractors = bad;
      s.responses.due = bad;
      const report = sproutScore(s);
      for (const value of [report.total, report.satisfaction, report.achievement, report.loyalty]) {
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
    }
  });

  it("is a pure function: the same signals give the same report", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      expect(sproutScore(randomSignals(seed))).toEqual(sproutScore(randomSignals(seed)));
    }
  });
});
