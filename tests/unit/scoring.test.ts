// The word-of-mouth score's core: pinned on one fixed forum per stage of the source
// (about 30, 75, 80 and 90), and checked for its properties on random forums: bounded,
// defined on an empty forum, never lowered by improving one signal, explained term by term.
import { describe, expect, it } from "vitest";
import { emptySignals, sproutScore, sproutTotal, TERMS, type ScoreSignals } from "~/features/scoring";

type Patch = { [K in keyof ScoreSignals]?: Partial<ScoreSignals[K]> };

function forum(patch: Patch): ScoreSignals {
  const s = emptySignals(24);
  for (const [group, values] of Object.entries(patch)) Object.assign(s[group as keyof ScoreSignals], values);
  return s;
}

// What the gatherer measures on `npm run db:seed -- --scenario stageN` (one seed, so the same
// 120 members joined on the same days in every stage).
// 1. 80 members active, a few post; nobody answers or adopts anything.
const STAGE_1: Patch = {
  activity: { members: 120, activeMembers: 80, activeDays: 560, activeWeeks: 313, possibleWeeks: 904 },
  retention: { cohort30: 86, back30: 46, cohort90: 37, back90: 7, cohort180: 27, back180: 5 },
  participation: { contributors: 6, posters: 5, voters: 3, commenters: 1, raters: 0, contributionWeeks: 16 },
  adoption: { posted: 20, decided: 0, adopted: 0, shipped: 0 },
  responses: { targetHours: 24, due: 20, withinTarget: 0, fewDays: 0, week: 0, weeks: 0, overdue: 20, wellReceived: 0, medianHours: null },
};

// 2. Members take part and the team decides, plans and ships, but never answers in the thread.
const STAGE_2: Patch = {
  ...STAGE_1,
  activity: { members: 120, activeMembers: 80, activeDays: 640, activeWeeks: 348, possibleWeeks: 904 },
  participation: { contributors: 45, posters: 20, voters: 40, commenters: 25, raters: 18, contributionWeeks: 122 },
  adoption: { posted: 80, decided: 56, adopted: 30, shipped: 15 },
  responses: { targetHours: 24, due: 80, withinTarget: 0, fewDays: 0, week: 0, weeks: 0, overdue: 80, wellReceived: 0, medianHours: null },
  ratings: { stars: [1, 3, 8, 16, 12] },
};

// 3. The team answers nearly everything within the target, warmly, and resolves complaints.
const STAGE_3: Patch = {
  ...STAGE_2,
  activity: { members: 120, activeMembers: 80, activeDays: 640, activeWeeks: 352, possibleWeeks: 904 },
  participation: { contributors: 45, posters: 20, voters: 40, commenters: 25, raters: 18, contributionWeeks: 118 },
  responses: { targetHours: 24, due: 80, withinTarget: 72, fewDays: 8, week: 0, weeks: 0, overdue: 0, wellReceived: 80, medianHours: 11 },
  complaints: { filed: 6, resolved: 6, medianResolutionHours: 25, resolutionRatings: { count: 5, sum: 22 } },
};

// 4. Contributors hold badges and levels by the app's own rules, and the older members who
// hold them come back. Nothing else changes.
const STAGE_4: Patch = {
  ...STAGE_3,
  activity: { members: 120, activeMembers: 100, activeDays: 660, activeWeeks: 403, possibleWeeks: 904 },
  retention: { cohort30: 86, back30: 66, cohort90: 37, back90: 25, cohort180: 27, back180: 18 },
  participation: { contributors: 45, posters: 20, voters: 40, commenters: 25, raters: 18, contributionWeeks: 117 },
  honors: { holdingBadges: 57, withPrivileges: 42, activeHolders: 45, activePrivileged: 42 },
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
        31.63,
        72.69,
        79.38,
        89.3,
      ]
    `);
  });

  it("stage 1 earns its points from the product and its visitors, not from the team, adoption or honors", () => {
    const report = sproutScore(forum(STAGE_1));
    const points = (...ids: string[]) => report.terms.filter((t) => ids.includes(t.id)).reduce((sum, t) => sum + t.points, 0);
    expect(points("usage", "stickiness")).toBeGreaterThan(11);
    expect(points("decisions", "adoption", "shipping")).toBeLessThan(3);
    expect(points("responseTime", "replyReception")).toBeLessThan(1);
    expect(points("honors", "privileges")).toBeLessThan(0.5);
  });

  it("each stage adds what the source says it adds", () => {
    const [one, two, three, four] = [STAGE_1, STAGE_2, STAGE_3, STAGE_4].map((p) => sproutScore(forum(p)));
    const gain = (a: typeof one, b: typeof one, ...ids: string[]) =>
      ids.reduce((sum, id) => sum + b.terms.find((t) => t.id === id)!.points - a.terms.find((t) => t.id === id)!.points, 0);
    // Stage 2: participation, adoption and rated features make nearly all of its 40 points.
    expect(gain(one, two, "participation", "decisions", "adoption", "shipping", "featureRatings", "repeatContribution")).toBeGreaterThan(0.9 * (two.total - one.total));
    // Stage 3: the team's replies and complaints, and nothing else.
    expect(gain(two, three, "responseTime", "replyReception", "complaintHandling")).toBeCloseTo(three.total - two.total, 0);
    // Stage 4: honors and privileges, and the return of the members who hold them.
    expect(gain(three, four, "honors", "privileges", "returning", "activeWeeks", "usage", "stickiness")).toBeGreaterThan(0.95 * (four.total - three.total));
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

  it("gives 100 points in all, by group and by dimension as docs/scoring.md says", () => {
    const max = (key: "group" | "dimension", value: string) => TERMS.filter((t) => t[key] === value).reduce((sum, t) => sum + t.maxPoints, 0);
    expect(TERMS.reduce((sum, t) => sum + t.maxPoints, 0)).toBe(100);
    expect(["product", "team", "achievement", "loyalty", "delight"].map((g) => max("group", g))).toEqual([14, 10, 45, 20, 11]);
    expect(["satisfaction", "achievement", "loyalty"].map((d) => max("dimension", d))).toEqual([29, 45, 26]);
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
    const silent = { ...STAGE_4, activity: { ...STAGE_4.activity!, activeDays: 900 }, responses: STAGE_2.responses };
    const report = sproutScore(forum(silent));
    expect(report.bestAction).toMatchObject({ termId: "responseTime", action: { key: "actions.responseTime", values: { count: 80, hours: 24 } } });
    const answered = forum({ ...silent, responses: { ...STAGE_2.responses, overdue: 0, fewDays: 80, wellReceived: 80 } });
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
      activity: { members: 1000, activeMembers: 1000, activeDays: 30_000, activeWeeks: 12_000, possibleWeeks: 12_000 },
      retention: { cohort30: 1000, back30: 1000, cohort90: 800, back90: 800, cohort180: 500, back180: 500 },
      participation: { contributors: 1000, contributionWeeks: 12_000 },
      adoption: { posted: 1000, decided: 1000, adopted: 1000, shipped: 1000 },
      responses: { targetHours: 24, due: 1000, withinTarget: 1000, fewDays: 0, week: 0, weeks: 0, overdue: 0, wellReceived: 1000, medianHours: 1 },
      complaints: { filed: 1000, resolved: 1000, medianResolutionHours: 1, resolutionRatings: { count: 1000, sum: 5000 } },
      ratings: { stars: [0, 0, 0, 0, 100_000] },
      honors: { holdingBadges: 1000, withPrivileges: 1000, activeHolders: 1000, activePrivileged: 1000 },
      invitations: { sent: 100, joined: 100, staying: 100, shareSignups: 0 },
      survey: { answers: 100_000, promoters: 100_000, detractors: 0 },
    });
    const report = sproutScore(perfect);
    expect(report.total).toBeGreaterThan(99.5);
    expect(report.bestAction).toBeNull();
  });
});

describe("opinions count both ways", () => {
  const points = (patch: Patch, id: string) => sproutScore(forum({ ...STAGE_4, ...patch })).terms.find((t) => t.id === id)!.points;

  it("scores 1–2 star ratings below no ratings, and no ratings like 3 stars", () => {
    const none = points({ ratings: { stars: [0, 0, 0, 0, 0] } }, "featureRatings");
    expect(points({ ratings: { stars: [20, 20, 0, 0, 0] } }, "featureRatings")).toBeLessThan(none - 2);
    expect(points({ ratings: { stars: [0, 0, 40, 0, 0] } }, "featureRatings")).toBeCloseTo(none, 6);
    expect(points({ ratings: { stars: [0, 0, 0, 0, 40] } }, "featureRatings")).toBeGreaterThan(none + 1.5);
  });

  it("scores NPS −70 below no survey, and +50 above it", () => {
    const none = points({}, "recommendation");
    expect(points({ survey: { answers: 100, promoters: 10, detractors: 80 } }, "recommendation")).toBeLessThan(none - 1);
    expect(points({ survey: { answers: 100, promoters: 60, detractors: 10 } }, "recommendation")).toBeGreaterThan(none + 1);
  });

  it("weighs open complaints against the active members, not only the share resolved", () => {
    const handled = points({}, "complaintHandling");
    const open30 = points({ complaints: { filed: 36, resolved: 6, medianResolutionHours: 20, resolutionRatings: { count: 5, sum: 22 } } }, "complaintHandling");
    expect(open30).toBeLessThan(handled - 1.5);
  });

  it("grades reply time: three weeks costs far more than a day late", () => {
    const replies = (bucket: "fewDays" | "weeks") => sproutTotal(forum({ ...STAGE_4, responses: { ...STAGE_3.responses!, withinTarget: 0, fewDays: 0, [bucket]: 80 } }));
    const stage4 = sproutTotal(forum(STAGE_4));
    expect(replies("weeks")).toBeLessThanOrEqual(stage4 - 4);
    expect(replies("weeks")).toBeLessThanOrEqual(replies("fewDays") - 2.5);
  });
});

describe("confidence", () => {
  it("flags a small forum once, and shrinks it toward the neutral reference rather than zero", () => {
    const scaled = (factor: number) => {
      const s = forum(STAGE_4);
      const scale = (o: Record<string, unknown>) => {
        for (const [k, v] of Object.entries(o)) {
          if (typeof v === "number" && !k.endsWith("Hours")) o[k] = Math.round(v * factor);
          else if (Array.isArray(v)) o[k] = v.map((n: number) => Math.round(n * factor));
          else if (v && typeof v === "object") scale(v as Record<string, unknown>);
        }
      };
      scale(s as unknown as Record<string, unknown>);
      return sproutScore(s);
    };
    const small = scaled(5 / 120);
    const large = sproutScore(forum(STAGE_4));
    expect(small.confidence.low).toBe(true);
    expect(small.notes).toEqual([expect.objectContaining({ key: "notes.lowConfidence" })]);
    expect(small.total).toBeGreaterThan(55);
    expect(large.confidence.low).toBe(false);
    expect(large.notes).toEqual([]);
    // The same proportions at twice the size score about the same.
    expect(Math.abs(scaled(2).total - large.total)).toBeLessThan(2);
  });

  it("gives an empty forum a defined score at the neutral reference, flagged, with no NaN", () => {
    const report = sproutScore(emptySignals());
    for (const value of [report.total, report.satisfaction, report.achievement, report.loyalty, ...report.terms.map((t) => t.points)]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(report.confidence).toMatchObject({ low: true, members: 0, priorShare: 1 });
    expect(report.notes).toHaveLength(1);
    expect(JSON.stringify(report)).not.toContain("NaN");
  });
});

describe("one member", () => {
  const person = (patch: Patch) => sproutScore({ ...forum(patch), scope: "member" });
  const base: Patch = {
    activity: { members: 1, activeMembers: 1, activeDays: 4, activeWeeks: 3, possibleWeeks: 12 },
    retention: { cohort30: 1, back30: 1, cohort90: 1, back90: 1, cohort180: 0, back180: 0 },
  };

  it("is not shrunk: every week, contribution, friend and answer moves their loyalty", () => {
    const loyalty = (patch: Patch) => person({ ...base, ...patch }).loyalty;
    const values = new Set([
      loyalty({}),
      loyalty({ activity: { ...base.activity!, activeWeeks: 8 } }),
      loyalty({ participation: { contributors: 1, contributionWeeks: 1 } }),
      loyalty({ participation: { contributors: 1, contributionWeeks: 1 }, invitations: { sent: 2, joined: 1, staying: 1, shareSignups: 0 } }),
      loyalty({ survey: { answers: 1, promoters: 1, detractors: 0 } }),
      loyalty({ survey: { answers: 1, promoters: 0, detractors: 1 } }),
    ]);
    expect(values.size).toBe(6);
    expect(person(base).confidence.low).toBe(false);
  });

  it("ranks a member active every week above one who never visits", () => {
    const regular = person({ activity: { members: 1, activeMembers: 1, activeDays: 30, activeWeeks: 8, possibleWeeks: 8 }, retention: { cohort30: 1, back30: 1 }, participation: { contributors: 1, contributionWeeks: 6 } });
    const absent = person({ activity: { members: 1, activeMembers: 0, activeDays: 0, activeWeeks: 0, possibleWeeks: 12 }, retention: { cohort30: 1, cohort90: 1, cohort180: 1 }, honors: { holdingBadges: 1, withPrivileges: 1, activeHolders: 0, activePrivileged: 0 } });
    expect(regular.loyalty).toBeGreaterThan(40);
    expect(absent.loyalty).toBeLessThan(10);
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
  const possibleWeeks = members + int(11 * members);
  const cohort30 = int(members);
  const cohort90 = int(cohort30);
  const cohort180 = int(cohort90);
  const contributors = int(activeMembers);
  const posted = int(scale * 2);
  const decided = int(posted);
  const adopted = int(decided);
  const due = int(posted);
  const withinTarget = int(due);
  const fewDays = int(due - withinTarget);
  const week = int(due - withinTarget - fewDays);
  const weeks = int(due - withinTarget - fewDays - week);
  const filed = int(scale / 5);
  const resolved = int(filed);
  const rated = int(resolved);
  const answers = int(scale);
  const promoters = int(answers);
  const holdingBadges = int(members);
  const withPrivileges = int(holdingBadges);
  const sent = int(scale / 2);
  const joined = int(sent);
  return {
    scope: next() < 0.2 ? "member" : "community",
    activity: { members, activeMembers, activeDays, activeWeeks: int(possibleWeeks), possibleWeeks },
    retention: {
      cohort30,
      back30: int(Math.min(cohort30, activeMembers)),
      cohort90,
      back90: int(Math.min(cohort90, activeMembers)),
      cohort180,
      back180: int(Math.min(cohort180, activeMembers)),
    },
    participation: {
      contributors,
      posters: int(contributors),
      voters: int(contributors),
      commenters: int(contributors),
      raters: int(contributors),
      campaigners: int(contributors),
      contributionWeeks: contributors + int(11 * contributors),
    },
    adoption: { posted, decided, adopted, shipped: int(adopted) },
    responses: { targetHours: 24, due, withinTarget, fewDays, week, weeks, overdue: due - withinTarget - fewDays - week - weeks, wellReceived: int(withinTarget + fewDays + week + weeks), medianHours: null },
    complaints: { filed, resolved, medianResolutionHours: null, resolutionRatings: { count: rated, sum: rated + int(4 * rated) } },
    ratings: { stars: [int(scale), int(scale), int(scale), int(scale), int(scale)] },
    honors: { holdingBadges, withPrivileges, activeHolders: int(Math.min(holdingBadges, activeMembers)), activePrivileged: int(Math.min(withPrivileges, activeMembers)) },
    invitations: { sent, joined, staying: int(Math.min(joined, activeMembers)), shareSignups: int(scale / 10) },
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
  "one more active week": (s) => s.activity.activeWeeks < s.activity.possibleWeeks && ++s.activity.activeWeeks > 0,
  "one more member back after 30 days": (s) => s.retention.back30 < Math.min(s.retention.cohort30, s.activity.activeMembers) && ++s.retention.back30 > 0,
  "one more member back after 90 days": (s) => s.retention.back90 < Math.min(s.retention.cohort90, s.activity.activeMembers) && ++s.retention.back90 > 0,
  "one more member back after 180 days": (s) => s.retention.back180 < Math.min(s.retention.cohort180, s.activity.activeMembers) && ++s.retention.back180 > 0,
  "one more contributor": (s) => s.participation.contributors < s.activity.activeMembers && ++s.participation.contributors > 0,
  "one more contribution week": (s) => ++s.participation.contributionWeeks > 0,
  "one more decision": (s) => s.adoption.decided < s.adoption.posted && ++s.adoption.decided > 0,
  "one more adopted": (s) => {
    if (s.adoption.adopted >= s.adoption.posted) return false;
    s.adoption.adopted += 1;
    s.adoption.decided = Math.max(s.adoption.decided, s.adoption.adopted);
    return true;
  },
  "one more shipped": (s) => s.adoption.shipped < s.adoption.adopted && ++s.adoption.shipped > 0,
  "an overdue suggestion answered weeks late": (s) => s.responses.overdue > 0 && s.responses.overdue-- > 0 && ++s.responses.weeks > 0,
  "an overdue suggestion answered in time": (s) => s.responses.overdue > 0 && s.responses.overdue-- > 0 && ++s.responses.withinTarget > 0,
  "a reply weeks late within a week instead": (s) => s.responses.weeks > 0 && s.responses.weeks-- > 0 && ++s.responses.week > 0,
  "a reply within a week within days instead": (s) => s.responses.week > 0 && s.responses.week-- > 0 && ++s.responses.fewDays > 0,
  "a reply within days in time instead": (s) => s.responses.fewDays > 0 && s.responses.fewDays-- > 0 && ++s.responses.withinTarget > 0,
  "one more well-received reply": (s) =>
    s.responses.wellReceived < s.responses.withinTarget + s.responses.fewDays + s.responses.week + s.responses.weeks && ++s.responses.wellReceived > 0,
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
  "one more active badge holder": (s) => s.honors.activeHolders < Math.min(s.honors.holdingBadges, s.activity.activeMembers) && ++s.honors.activeHolders > 0,
  "one more active privileged member": (s) =>
    s.honors.activePrivileged < Math.min(s.honors.withPrivileges, s.activity.activeMembers) && ++s.honors.activePrivileged > 0,
  "one more friend who stayed": (s) => s.invitations.staying < s.invitations.joined && ++s.invitations.staying > 0,
};

const SEEDS = Array.from({ length: 400 }, (_, i) => 1 + i * 7919);

describe("properties on random forums", { timeout: 60_000 }, () => {
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
