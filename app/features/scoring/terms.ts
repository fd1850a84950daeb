// The terms of the sprout word-of-mouth score: what each measures, how many points it can
// give, and the concrete action that would improve it. docs/scoring.md explains the weights
// (and docs/decisions/007-score-weights.md why); this file is the single source of them.
//
// Every term turns its signals into a ratio in 0…1 and gives maxPoints × ratio. Rates are
// shrunk with PSEUDO_COUNT imaginary observations (a Bayesian average) toward a neutral
// reference, so that three ratings or a five-member forum neither swing a term nor sink it:
// - behaviours (visits, replies, adoption, return, honors held…) toward half their target,
//   the forum we know nothing about;
// - opinions (feature ratings, the recommendation survey, complaint resolutions) toward the
//   middle of their scale, and they count both ways: bad opinions score below no opinions.
// A member is one person, not a sample: their terms are not shrunk (a behaviour with nothing
// to measure gives nothing, an opinion not given is neutral).
import type { ScoreSignals } from "./signals";

export const PSEUDO_COUNT = 10;
// Where a scope with no evidence lands on a behaviour term: half its target.
export const REFERENCE = 0.4;

export const DIMENSIONS = ["satisfaction", "achievement", "loyalty"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

// Where a term's points come from in the source's stages (DESIGN.md): the product itself,
// the team's replies, members' participation and adoption, their loyalty, and delight.
export type TermGroup = "product" | "team" | "achievement" | "loyalty" | "delight";

export type TermId =
  | "usage"
  | "stickiness"
  | "responseTime"
  | "replyReception"
  | "complaintHandling"
  | "featureRatings"
  | "participation"
  | "decisions"
  | "adoption"
  | "shipping"
  | "returning"
  | "activeWeeks"
  | "repeatContribution"
  | "recommendation"
  | "honors"
  | "privileges"
  | "invitations";

export type Values = Record<string, number>;

export type Measure = {
  /** 0…1: the share of the term's points earned. */
  ratio: number;
  /** Real observations behind the ratio. */
  sample: number;
  /** 0…1: how much of the ratio is the neutral reference rather than data (k / (sample + k)). */
  priorWeight: number;
  /** The measured figures, for the breakdown (i18n values of the term's detail). */
  detail: Values;
};

export type Improvement = { signals: ScoreSignals; values: Values };

export type TermDefinition = {
  id: TermId;
  dimension: Dimension;
  group: TermGroup;
  maxPoints: number;
  measure(s: ScoreSignals): Measure;
  /** The concrete action on this term's signals, or null when there is nothing to do. */
  improve(s: ScoreSignals): Improvement | null;
};

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const nonNegative = (x: number) => (Number.isFinite(x) && x > 0 ? x : 0);
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The pseudo-count a scope's rates are shrunk with: none for one person. */
export const pseudoCount = (s: ScoreSignals) => (s.scope === "member" ? 0 : PSEUDO_COUNT);

/** successes / population with k imaginary observations at `prior`; `empty` when both are 0. */
export function shrunkRate(successes: number, population: number, prior = 0, k = PSEUDO_COUNT, empty = prior): number {
  const n = nonNegative(population) + k;
  return n === 0 ? empty : (nonNegative(successes) + prior * k) / n;
}

const priorWeightOf = (sample: number, k: number) => (k === 0 ? 0 : k / (nonNegative(sample) + k));

/** A behaviour's ratio: its rate shrunk toward half the target, over the target, capped at 1. */
function behaviour(s: ScoreSignals, good: number, population: number, target: number) {
  const k = pseudoCount(s);
  const rate = shrunkRate(good, population, REFERENCE * target, k, 0);
  return { rate, ratio: clamp01(rate / target), priorWeight: priorWeightOf(population, k) };
}

/**
 * How many more successes a behaviour needs to reach its target, but no more than `room`
 * (what can actually still improve). 0 when the target is met or nothing can improve.
 */
export function gapTo(s: ScoreSignals, target: number, successes: number, population: number, room: number): number {
  const k = pseudoCount(s);
  const needed = Math.ceil(target * (nonNegative(population) + k) - nonNegative(successes) - REFERENCE * target * k - 1e-9);
  const cap = Number.isNaN(room) ? 0 : Math.floor(Math.max(0, room));
  return Math.max(0, Math.min(needed, cap));
}

// The share as measured and the shrunk share that earned the points, both shown, so that a
// reader can check the arithmetic and see how much the prior still weighs.
const percents = (successes: number, population: number, rate: number) => ({
  percent: population > 0 ? r2((100 * successes) / population) : 0,
  counted: r2(100 * rate),
});

const with_ = (s: ScoreSignals, patch: (copy: ScoreSignals) => void): ScoreSignals => {
  const copy = structuredClone(s);
  patch(copy);
  return copy;
};

// Targets: the rate at which a behaviour term gives all its points (see docs/scoring.md).
export const TARGETS = {
  activeShare: 0.6, // of members active in the last 30 days
  activeDaysPerMember: 7, // days a month, averaged over all members
  answeredInTime: 0.9, // graded reply credit per due suggestion
  wellReceived: 0.9, // of due suggestions answered without a complaint about the reply
  contributorShare: 0.3, // of members who posted, voted, commented or rated in 30 days
  decidedShare: 0.6, // of the window's suggestions that got a decision
  adoptedShare: 0.3, // of the window's suggestions planned, in progress or shipped
  shippedShare: 0.15, // of the window's suggestions shipped
  back30: 0.75, // of members who joined 30+ days ago, still active
  back90: 0.6, // … 90+ days ago
  back180: 0.5, // … 180+ days ago
  activeWeekShare: 0.6, // of the weeks members could have been active in the last 12
  contributionWeeksPerMember: 1.5, // weeks with a contribution in the last 12, per member
  activeHolderShare: 0.1, // of members who hold an earned badge and are active
  activePrivilegedShare: 0.05, // of members at honor level 1+ and active
  stayingInviteeShare: 0.05, // of members who came by invitation or share link and stayed
} as const;

// Reply-time grades: the credit of a first reply by how long it took. A week late keeps
// little; weeks late is almost as bad as never (docs/scoring.md, the sensitivity table).
export const REPLY_CREDIT = { withinTarget: 1, fewDays: 0.65, week: 0.3, weeks: 0.05 } as const;

const replyCredit = (r: ScoreSignals["responses"]) =>
  REPLY_CREDIT.withinTarget * nonNegative(r.withinTarget) +
  REPLY_CREDIT.fewDays * nonNegative(r.fewDays) +
  REPLY_CREDIT.week * nonNegative(r.week) +
  REPLY_CREDIT.weeks * nonNegative(r.weeks);

const NEUTRAL_STARS = 3;
// Average stars to ratio: 3 is neutral (½); STAR_SPREAD stars either way is 0 or 1.
const STAR_SPREAD = 1.2;
// Open complaints are a load on the active members: at this many per active member the
// complaint term keeps half of what resolving earned.
const OPEN_COMPLAINT_LOAD = 0.05;

function averageStars(s: ScoreSignals): { count: number; average: number } {
  const k = pseudoCount(s);
  const stars = s.ratings.stars;
  const count = stars.reduce((a, n) => a + nonNegative(n), 0);
  const sum = stars.reduce((a, n, i) => a + nonNegative(n) * (i + 1), 0);
  return { count, average: count + k === 0 ? NEUTRAL_STARS : (sum + NEUTRAL_STARS * k) / (count + k) };
}

function complaintRatio(s: ScoreSignals) {
  const c = s.complaints;
  const k = pseudoCount(s);
  const filed = nonNegative(c.filed);
  const resolved = Math.min(filed, nonNegative(c.resolved));
  const open = filed - resolved;
  const resolvedRate = shrunkRate(resolved, filed, 0.5, k, 0.5);
  const rated = c.resolutionRatings;
  const averageRating = rated.count + k === 0 ? 3 : (nonNegative(rated.sum) + 3 * k) / (nonNegative(rated.count) + k);
  const handled = 0.5 * resolvedRate + 0.5 * clamp01((averageRating - 1) / 4);
  const capacity = OPEN_COMPLAINT_LOAD * (nonNegative(s.activity.activeMembers) + k);
  const load = open === 0 ? 1 : capacity === 0 ? 0 : 1 / (1 + open / capacity);
  return { ratio: clamp01(handled * load), open, averageRating, load, priorWeight: priorWeightOf(filed, k) };
}

function npsOf(s: ScoreSignals) {
  const v = s.survey;
  const k = pseudoCount(s);
  const n = nonNegative(v.answers) + k;
  const nps = n === 0 ? 0 : (nonNegative(v.promoters) - nonNegative(v.detractors)) / n;
  return { nps, ratio: clamp01(0.5 + nps), priorWeight: priorWeightOf(v.answers, k) };
}

const HORIZONS = [
  ["cohort30", "back30", TARGETS.back30],
  ["cohort90", "back90", TARGETS.back90],
  ["cohort180", "back180", TARGETS.back180],
] as const;

function returning(s: ScoreSignals) {
  const parts = HORIZONS.map(([cohort, back, target]) => behaviour(s, s.retention[back], s.retention[cohort], target));
  return {
    ratio: parts.reduce((sum, p) => sum + p.ratio, 0) / parts.length,
    priorWeight: parts.reduce((sum, p) => sum + p.priorWeight, 0) / parts.length,
    rates: parts.map((p) => r2(100 * p.rate)),
  };
}

export const TERMS: readonly TermDefinition[] = [
  // Satisfaction with the product itself: members keep using it and coming back.
  {
    id: "usage",
    dimension: "satisfaction",
    group: "product",
    maxPoints: 7,
    measure: (s) => {
      const a = s.activity;
      const { rate, ratio, priorWeight } = behaviour(s, a.activeMembers, a.members, TARGETS.activeShare);
      return { ratio, priorWeight, sample: a.members, detail: { active: a.activeMembers, members: a.members, ...percents(a.activeMembers, a.members, rate) } };
    },
    improve: (s) => {
      const a = s.activity;
      const count = gapTo(s, TARGETS.activeShare, a.activeMembers, a.members, a.members - a.activeMembers);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.activity.activeMembers += count;
          c.activity.activeDays += count;
        }),
      };
    },
  },
  {
    id: "stickiness",
    dimension: "satisfaction",
    group: "product",
    maxPoints: 7,
    measure: (s) => {
      const a = s.activity;
      const { rate, ratio, priorWeight } = behaviour(s, a.activeDays, a.members, TARGETS.activeDaysPerMember);
      return { ratio, priorWeight, sample: a.members, detail: { daysPerMember: a.members > 0 ? r2(a.activeDays / a.members) : 0, counted: r2(rate), activeDays: a.activeDays } };
    },
    improve: (s) => {
      const a = s.activity;
      const days = gapTo(s, TARGETS.activeDaysPerMember, a.activeDays, a.members, 30 * a.activeMembers - a.activeDays);
      if (days === 0) return null;
      return {
        values: { days, perActiveMember: r2(days / Math.max(1, a.activeMembers)) },
        signals: with_(s, (c) => {
          c.activity.activeDays += days;
        }),
      };
    },
  },

  // Satisfaction with the team: fast, friendly official replies and complaints resolved.
  {
    id: "responseTime",
    dimension: "satisfaction",
    group: "team",
    maxPoints: 5,
    measure: (s) => {
      const r = s.responses;
      const { ratio, priorWeight } = behaviour(s, replyCredit(r), r.due, TARGETS.answeredInTime);
      return {
        ratio,
        priorWeight,
        sample: r.due,
        detail: { due: r.due, withinTarget: r.withinTarget, fewDays: r.fewDays, week: r.week, weeks: r.weeks, overdue: r.overdue, hours: r.targetHours },
      };
    },
    improve: (s) => {
      const r = s.responses;
      // Waiting suggestions can still be answered (late, within days at best); past answers
      // cannot be made faster, so with none waiting, answer the next ones within the target.
      if (r.overdue > 0) {
        return {
          values: { count: r.overdue, hours: r.targetHours },
          signals: with_(s, (c) => {
            c.responses.fewDays += r.overdue;
            c.responses.wellReceived += r.overdue;
            c.responses.overdue = 0;
          }),
        };
      }
      const count = gapTo(s, TARGETS.answeredInTime, replyCredit(r), r.due, Infinity);
      if (count === 0) return null;
      return {
        values: { count, hours: r.targetHours },
        signals: with_(s, (c) => {
          c.responses.due += count;
          c.responses.withinTarget += count;
          c.responses.wellReceived += count;
        }),
      };
    },
  },
  {
    id: "replyReception",
    dimension: "satisfaction",
    group: "team",
    maxPoints: 1.5,
    measure: (s) => {
      const r = s.responses;
      const { ratio, priorWeight } = behaviour(s, r.wellReceived, r.due, TARGETS.wellReceived);
      const answered = r.withinTarget + r.fewDays + r.week + r.weeks;
      return { ratio, priorWeight, sample: r.due, detail: { wellReceived: r.wellReceived, answered, due: r.due } };
    },
    improve: (s) => {
      const r = s.responses;
      const answered = r.withinTarget + r.fewDays + r.week + r.weeks;
      const count = gapTo(s, TARGETS.wellReceived, r.wellReceived, r.due, answered - r.wellReceived);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.responses.wellReceived += count;
        }),
      };
    },
  },
  {
    id: "complaintHandling",
    dimension: "satisfaction",
    group: "team",
    maxPoints: 3.5,
    measure: (s) => {
      const c = s.complaints;
      const { ratio, open, averageRating, priorWeight } = complaintRatio(s);
      return {
        ratio,
        priorWeight,
        sample: c.filed,
        detail: { filed: c.filed, resolved: c.resolved, open, activeMembers: s.activity.activeMembers, averageRating: r2(averageRating) },
      };
    },
    improve: (s) => {
      const open = s.complaints.filed - s.complaints.resolved;
      if (open <= 0) return null;
      return {
        values: { count: open },
        signals: with_(s, (c) => {
          c.complaints.resolved += open;
        }),
      };
    },
  },

  // Achievement: members take part, and what they suggested lately is decided, adopted, shipped.
  {
    id: "participation",
    dimension: "achievement",
    group: "achievement",
    maxPoints: 26,
    measure: (s) => {
      const { activity: a, participation: p } = s;
      // Over all members, not active ones: a member who starts visiting must never lower it.
      const { rate, ratio, priorWeight } = behaviour(s, p.contributors, a.members, TARGETS.contributorShare);
      const detail = { contributors: p.contributors, members: a.members, ...percents(p.contributors, a.members, rate), campaigners: p.campaigners };
      return { ratio, priorWeight, sample: a.members, detail };
    },
    improve: (s) => {
      const { activity: a, participation: p } = s;
      const count = gapTo(s, TARGETS.contributorShare, p.contributors, a.members, a.activeMembers - p.contributors);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.participation.contributors += count;
          c.participation.contributionWeeks += count;
        }),
      };
    },
  },
  {
    id: "decisions",
    dimension: "achievement",
    group: "achievement",
    maxPoints: 4,
    measure: (s) => {
      const d = s.adoption;
      const { rate, ratio, priorWeight } = behaviour(s, d.decided, d.posted, TARGETS.decidedShare);
      return { ratio, priorWeight, sample: d.posted, detail: { decided: d.decided, posted: d.posted, ...percents(d.decided, d.posted, rate) } };
    },
    improve: (s) => {
      const d = s.adoption;
      const count = gapTo(s, TARGETS.decidedShare, d.decided, d.posted, d.posted - d.decided);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.adoption.decided += count;
        }),
      };
    },
  },
  {
    id: "adoption",
    dimension: "achievement",
    group: "achievement",
    maxPoints: 9,
    measure: (s) => {
      const d = s.adoption;
      const { rate, ratio, priorWeight } = behaviour(s, d.adopted, d.posted, TARGETS.adoptedShare);
      return { ratio, priorWeight, sample: d.posted, detail: { adopted: d.adopted, posted: d.posted, ...percents(d.adopted, d.posted, rate) } };
    },
    improve: (s) => {
      const d = s.adoption;
      const count = gapTo(s, TARGETS.adoptedShare, d.adopted, d.posted, d.posted - d.adopted);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          // Planned from the undecided ones first; a declined one reconsidered stays decided.
          c.adoption.decided = Math.min(d.posted, d.decided + count);
          c.adoption.adopted += count;
        }),
      };
    },
  },
  {
    id: "shipping",
    dimension: "achievement",
    group: "achievement",
    maxPoints: 6,
    measure: (s) => {
      const d = s.adoption;
      const { rate, ratio, priorWeight } = behaviour(s, d.shipped, d.posted, TARGETS.shippedShare);
      return { ratio, priorWeight, sample: d.posted, detail: { shipped: d.shipped, adopted: d.adopted, posted: d.posted, ...percents(d.shipped, d.posted, rate) } };
    },
    improve: (s) => {
      const d = s.adoption;
      const count = gapTo(s, TARGETS.shippedShare, d.shipped, d.posted, d.adopted - d.shipped);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.adoption.shipped += count;
        }),
      };
    },
  },

  // Loyalty is behaviour: members come back month after month, contribute again, recommend,
  // bring friends who stay; honors and privileges count while their holders are active.
  {
    id: "returning",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 7,
    measure: (s) => {
      const r = s.retention;
      const { ratio, priorWeight, rates } = returning(s);
      return {
        ratio,
        priorWeight,
        sample: r.cohort30,
        detail: { back30: r.back30, cohort30: r.cohort30, back90: r.back90, cohort90: r.cohort90, back180: r.back180, cohort180: r.cohort180, counted30: rates[0], counted90: rates[1], counted180: rates[2] },
      };
    },
    improve: (s) => {
      // Win back the oldest members first: they count in every horizon they have passed.
      const r = s.retention;
      const room = Math.min(r.cohort30 - r.back30, s.activity.members - s.activity.activeMembers);
      const count = Math.max(
        gapTo(s, TARGETS.back30, r.back30, r.cohort30, room),
        gapTo(s, TARGETS.back90, r.back90, r.cohort90, Math.min(room, r.cohort90 - r.back90)),
        gapTo(s, TARGETS.back180, r.back180, r.cohort180, Math.min(room, r.cohort180 - r.back180)),
      );
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          const old180 = Math.min(count, r.cohort180 - r.back180);
          const old90 = Math.min(count, r.cohort90 - r.back90);
          c.retention.back180 += old180;
          c.retention.back90 += old90;
          c.retention.back30 += count;
          c.activity.activeMembers += count;
          c.activity.activeDays += count;
          c.activity.activeWeeks += count;
        }),
      };
    },
  },
  {
    id: "activeWeeks",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 4,
    measure: (s) => {
      const a = s.activity;
      const { rate, ratio, priorWeight } = behaviour(s, a.activeWeeks, a.possibleWeeks, TARGETS.activeWeekShare);
      return { ratio, priorWeight, sample: a.members, detail: { activeWeeks: a.activeWeeks, possibleWeeks: a.possibleWeeks, ...percents(a.activeWeeks, a.possibleWeeks, rate) } };
    },
    improve: (s) => {
      const a = s.activity;
      const weeks = gapTo(s, TARGETS.activeWeekShare, a.activeWeeks, a.possibleWeeks, a.activeMembers);
      if (weeks === 0) return null;
      return {
        values: { count: weeks },
        signals: with_(s, (c) => {
          c.activity.activeWeeks += weeks;
        }),
      };
    },
  },
  {
    id: "repeatContribution",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 3,
    measure: (s) => {
      const { activity: a, participation: p } = s;
      const { rate, ratio, priorWeight } = behaviour(s, p.contributionWeeks, a.members, TARGETS.contributionWeeksPerMember);
      return { ratio, priorWeight, sample: a.members, detail: { contributionWeeks: p.contributionWeeks, members: a.members, perMember: a.members > 0 ? r2(p.contributionWeeks / a.members) : 0, counted: r2(rate) } };
    },
    improve: (s) => {
      const { activity: a, participation: p } = s;
      const count = gapTo(s, TARGETS.contributionWeeksPerMember, p.contributionWeeks, a.members, p.contributors);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.participation.contributionWeeks += count;
        }),
      };
    },
  },
  {
    id: "honors",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 3,
    measure: (s) => {
      const { activity: a, honors: h } = s;
      const { rate, ratio, priorWeight } = behaviour(s, h.activeHolders, a.members, TARGETS.activeHolderShare);
      return { ratio, priorWeight, sample: a.members, detail: { activeHolders: h.activeHolders, holdingBadges: h.holdingBadges, members: a.members, ...percents(h.activeHolders, a.members, rate) } };
    },
    improve: (s) => {
      const { activity: a, honors: h, participation: p } = s;
      // Recognise active contributors who hold no earned badge yet.
      const count = gapTo(s, TARGETS.activeHolderShare, h.activeHolders, a.members, Math.min(p.contributors, a.activeMembers) - h.activeHolders);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.honors.activeHolders += count;
          c.honors.holdingBadges += count;
        }),
      };
    },
  },
  {
    id: "privileges",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 3,
    measure: (s) => {
      const { activity: a, honors: h } = s;
      const { rate, ratio, priorWeight } = behaviour(s, h.activePrivileged, a.members, TARGETS.activePrivilegedShare);
      return { ratio, priorWeight, sample: a.members, detail: { activePrivileged: h.activePrivileged, withPrivileges: h.withPrivileges, members: a.members, ...percents(h.activePrivileged, a.members, rate) } };
    },
    improve: (s) => {
      const h = s.honors;
      const count = gapTo(s, TARGETS.activePrivilegedShare, h.activePrivileged, s.activity.members, h.activeHolders - h.activePrivileged);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.honors.activePrivileged += count;
          c.honors.withPrivileges += count;
        }),
      };
    },
  },

  // Delight: what shipped is rated well, members recommend the product, friends they bring stay.
  {
    id: "featureRatings",
    dimension: "satisfaction",
    group: "delight",
    maxPoints: 5,
    measure: (s) => {
      const { count, average } = averageStars(s);
      return {
        ratio: clamp01(0.5 + (average - NEUTRAL_STARS) / (2 * STAR_SPREAD)),
        priorWeight: priorWeightOf(count, pseudoCount(s)),
        sample: count,
        detail: { ratings: count, averageStars: r2(average) },
      };
    },
    improve: (s) => {
      // Follow up on the ratings of 3 stars or fewer until those members rate 4.
      const [one, two, three] = s.ratings.stars;
      const count = one + two + three;
      if (count <= 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.ratings.stars = [0, 0, 0, c.ratings.stars[3] + count, c.ratings.stars[4]];
        }),
      };
    },
  },
  {
    id: "recommendation",
    dimension: "loyalty",
    group: "delight",
    maxPoints: 3,
    measure: (s) => {
      const v = s.survey;
      const { nps, ratio, priorWeight } = npsOf(s);
      return { ratio, priorWeight, sample: v.answers, detail: { answers: v.answers, promoters: v.promoters, detractors: v.detractors, nps: r2(nps * 100) } };
    },
    improve: (s) => {
      const count = s.survey.detractors;
      if (count <= 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.survey.detractors = 0;
        }),
      };
    },
  },
  {
    id: "invitations",
    dimension: "loyalty",
    group: "delight",
    maxPoints: 3,
    measure: (s) => {
      const { activity: a, invitations: i } = s;
      const { ratio, priorWeight } = behaviour(s, i.staying, a.members, TARGETS.stayingInviteeShare);
      return { ratio, priorWeight, sample: a.members, detail: { staying: i.staying, joined: i.joined, sent: i.sent, shareSignups: i.shareSignups } };
    },
    improve: (s) => {
      // Welcome the friends who joined but have not stayed.
      const i = s.invitations;
      const count = gapTo(s, TARGETS.stayingInviteeShare, i.staying, s.activity.members, i.joined - i.staying);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.invitations.staying += count;
        }),
      };
    },
  },
];
