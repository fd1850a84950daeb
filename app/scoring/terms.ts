// The terms of the sprout word-of-mouth score: what each measures, how many points it can
// give, and the concrete action that would improve it. docs/scoring.md explains the weights
// (and docs/decisions/007-score-weights.md why); this file is the single source of them.
//
// Every term turns its signals into a ratio in 0…1 and gives maxPoints × ratio. Rates are
// shrunk toward a prior with PSEUDO_COUNT imaginary observations (a Bayesian average), so
// three ratings or two answered suggestions cannot swing a term; a term with fewer real
// observations than PSEUDO_COUNT says so in the report's notes. Behaviours (visits, answers,
// adoption, honors…) shrink toward zero: no credit before evidence. Opinions (ratings,
// complaint resolutions) shrink toward the middle of their scale.
import type { ScoreSignals } from "./signals";

export const PSEUDO_COUNT = 10;

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
  | "recommendation"
  | "participation"
  | "decisions"
  | "adoption"
  | "shipping"
  | "retention"
  | "honors"
  | "privileges"
  | "invitations";

export type Values = Record<string, number>;

export type Measure = {
  /** 0…1: the share of the term's points earned. */
  ratio: number;
  /** Real observations behind the ratio; fewer than PSEUDO_COUNT earns a note. */
  sample: number;
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

/** successes / population, with PSEUDO_COUNT imaginary observations at `prior`. */
export function shrunkRate(successes: number, population: number, prior = 0): number {
  return (nonNegative(successes) + prior * PSEUDO_COUNT) / (nonNegative(population) + PSEUDO_COUNT);
}

/** The ratio of a shrunk rate to the rate that earns full points. */
const toward = (rate: number, target: number) => clamp01(rate / target);

/**
 * How many more successes a shrunk rate needs to reach its target, but no more than `room`
 * (what can actually still improve). 0 when the target is met or nothing can improve.
 */
export function gapTo(target: number, successes: number, population: number, room: number): number {
  const needed = Math.ceil(target * (nonNegative(population) + PSEUDO_COUNT) - nonNegative(successes) - 1e-9);
  const cap = Number.isNaN(room) ? 0 : Math.floor(Math.max(0, room));
  return Math.max(0, Math.min(needed, cap));
}

const r2 = (x: number) => Math.round(x * 100) / 100;

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

// Targets: the rate at which a term gives all its points (see docs/scoring.md).
export const TARGETS = {
  activeShare: 0.6, // of members active in the last 30 days
  activeDaysPerMember: 6, // days a month, averaged over all members
  answeredInTime: 0.9, // of due suggestions answered within the response target
  wellReceived: 0.9, // of due suggestions answered without a complaint about the reply
  featureStars: 5, // average stars of shipped features (3, neutral, gives nothing)
  nps: 0.5, // Net Promoter Score of +50
  contributorShare: 0.3, // of members who posted, voted, commented or rated in 30 days
  decidedShare: 0.6, // of posted suggestions that got a decision
  adoptedShare: 0.3, // of posted suggestions planned, in progress or shipped
  shippedShare: 0.15, // of posted suggestions shipped
  retainedShare: 0.5, // of a 2–12-month-old signup cohort still active
  badgeHolderShare: 0.15, // of members holding a badge
  privilegedShare: 0.08, // of members at honor level 1 or more
  activeInviteeShare: 0.05, // active invited members per member
} as const;

const NEUTRAL_STARS = 3;
const LATE_ANSWER_CREDIT = 0.5;

function averageStars(stars: readonly number[]): { count: number; average: number } {
  const count = stars.reduce((a, n) => a + nonNegative(n), 0);
  const sum = stars.reduce((a, n, i) => a + nonNegative(n) * (i + 1), 0);
  return { count, average: (sum + NEUTRAL_STARS * PSEUDO_COUNT) / (count + PSEUDO_COUNT) };
}

export const TERMS: readonly TermDefinition[] = [
  // Satisfaction with the product itself: members keep using it and coming back.
  {
    id: "usage",
    dimension: "satisfaction",
    group: "product",
    maxPoints: 15,
    measure: ({ activity: a }) => {
      const rate = shrunkRate(a.activeMembers, a.members);
      return { ratio: toward(rate, TARGETS.activeShare), sample: a.members, detail: { active: a.activeMembers, members: a.members, ...percents(a.activeMembers, a.members, rate) } };
    },
    improve: (s) => {
      const a = s.activity;
      const count = gapTo(TARGETS.activeShare, a.activeMembers, a.members, a.members - a.activeMembers);
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
    maxPoints: 15,
    measure: ({ activity: a }) => {
      const perMember = shrunkRate(a.activeDays, a.members);
      return { ratio: toward(perMember, TARGETS.activeDaysPerMember), sample: a.members, detail: { daysPerMember: a.members > 0 ? r2(a.activeDays / a.members) : 0, counted: r2(perMember), activeDays: a.activeDays } };
    },
    improve: (s) => {
      const a = s.activity;
      const days = gapTo(TARGETS.activeDaysPerMember, a.activeDays, a.members, 30 * a.activeMembers - a.activeDays);
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
    maxPoints: 2.5,
    measure: ({ responses: r }) => {
      const rate = shrunkRate(r.withinTarget + LATE_ANSWER_CREDIT * r.late, r.due);
      return {
        ratio: toward(rate, TARGETS.answeredInTime),
        sample: r.due,
        detail: { due: r.due, withinTarget: r.withinTarget, late: r.late, overdue: r.overdue, hours: r.targetHours },
      };
    },
    improve: (s) => {
      const r = s.responses;
      // Waiting suggestions can still be answered (late); past answers cannot be made faster,
      // so with none waiting, the action is to answer the next ones within the target.
      if (r.overdue > 0) {
        return {
          values: { count: r.overdue, hours: r.targetHours },
          signals: with_(s, (c) => {
            c.responses.late += r.overdue;
            c.responses.wellReceived += r.overdue;
            c.responses.overdue = 0;
          }),
        };
      }
      const count = gapTo(TARGETS.answeredInTime, r.withinTarget + LATE_ANSWER_CREDIT * r.late, r.due, Infinity);
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
    measure: ({ responses: r }) => {
      const rate = shrunkRate(r.wellReceived, r.due);
      return { ratio: toward(rate, TARGETS.wellReceived), sample: r.due, detail: { wellReceived: r.wellReceived, answered: r.withinTarget + r.late, due: r.due } };
    },
    improve: (s) => {
      const r = s.responses;
      const badlyReceived = r.withinTarget + r.late - r.wellReceived;
      if (badlyReceived <= 0) return null;
      return {
        values: { count: badlyReceived },
        signals: with_(s, (c) => {
          c.responses.wellReceived += badlyReceived;
        }),
      };
    },
  },
  {
    id: "complaintHandling",
    dimension: "satisfaction",
    group: "team",
    maxPoints: 1,
    measure: ({ complaints: c }) => {
      // Half for resolving, half for how the filers rated the resolution (1–5, 3 neutral).
      const resolvedRate = shrunkRate(c.resolved, c.filed, 0.5);
      const rated = c.resolutionRatings;
      const averageRating = shrunkRate(rated.sum, rated.count, NEUTRAL_STARS);
      return {
        ratio: clamp01(0.5 * resolvedRate + 0.5 * clamp01((averageRating - 1) / 4)),
        sample: c.filed,
        detail: { filed: c.filed, resolved: c.resolved, averageRating: r2(averageRating) },
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

  // Delight: what shipped is rated excellent, members would strongly recommend the product.
  {
    id: "featureRatings",
    dimension: "satisfaction",
    group: "delight",
    maxPoints: 4,
    measure: ({ ratings }) => {
      const { count, average } = averageStars(ratings.stars);
      return {
        ratio: clamp01((average - NEUTRAL_STARS) / (TARGETS.featureStars - NEUTRAL_STARS)),
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
    dimension: "satisfaction",
    group: "delight",
    maxPoints: 3,
    measure: ({ survey: v }) => {
      const nps = (nonNegative(v.promoters) - nonNegative(v.detractors)) / (nonNegative(v.answers) + PSEUDO_COUNT);
      return {
        ratio: toward(nps, TARGETS.nps),
        sample: v.answers,
        detail: { answers: v.answers, promoters: v.promoters, detractors: v.detractors, nps: r2(nps * 100) },
      };
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

  // Achievement: members take part, and what they suggest is decided, adopted and shipped.
  {
    id: "participation",
    dimension: "achievement",
    group: "achievement",
    maxPoints: 15,
    measure: ({ activity: a, participation: p }) => {
      // Over all members, not active ones: a member who starts visiting must never lower it.
      const rate = shrunkRate(p.contributors, a.members);
      const detail = { contributors: p.contributors, members: a.members, ...percents(p.contributors, a.members, rate), campaigners: p.campaigners };
      return { ratio: toward(rate, TARGETS.contributorShare), sample: a.members, detail };
    },
    improve: (s) => {
      const { activity: a, participation: p } = s;
      const count = gapTo(TARGETS.contributorShare, p.contributors, a.members, a.activeMembers - p.contributors);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.participation.contributors += count;
        }),
      };
    },
  },
  {
    id: "decisions",
    dimension: "achievement",
    group: "achievement",
    maxPoints: 5,
    measure: ({ adoption: d }) => {
      const rate = shrunkRate(d.decided, d.posted);
      return { ratio: toward(rate, TARGETS.decidedShare), sample: d.posted, detail: { decided: d.decided, posted: d.posted, ...percents(d.decided, d.posted, rate) } };
    },
    improve: (s) => {
      const d = s.adoption;
      const count = gapTo(TARGETS.decidedShare, d.decided, d.posted, d.posted - d.decided);
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
    maxPoints: 15,
    measure: ({ adoption: d }) => {
      const rate = shrunkRate(d.adopted, d.posted);
      return { ratio: toward(rate, TARGETS.adoptedShare), sample: d.posted, detail: { adopted: d.adopted, posted: d.posted, ...percents(d.adopted, d.posted, rate) } };
    },
    improve: (s) => {
      const d = s.adoption;
      const count = gapTo(TARGETS.adoptedShare, d.adopted, d.posted, d.posted - d.adopted);
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
    maxPoints: 10,
    measure: ({ adoption: d }) => {
      const rate = shrunkRate(d.shipped, d.posted);
      return { ratio: toward(rate, TARGETS.shippedShare), sample: d.posted, detail: { shipped: d.shipped, adopted: d.adopted, posted: d.posted, ...percents(d.shipped, d.posted, rate) } };
    },
    improve: (s) => {
      const d = s.adoption;
      const count = gapTo(TARGETS.shippedShare, d.shipped, d.posted, d.adopted - d.shipped);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.adoption.shipped += count;
        }),
      };
    },
  },

  // Loyalty: members come back months later, and contributors hold honors and privileges.
  {
    id: "retention",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 4,
    measure: ({ retention: r }) => {
      const rate = shrunkRate(r.retained, r.cohortMembers);
      return { ratio: toward(rate, TARGETS.retainedShare), sample: r.cohortMembers, detail: { retained: r.retained, cohort: r.cohortMembers, ...percents(r.retained, r.cohortMembers, rate) } };
    },
    improve: (s) => {
      const r = s.retention;
      const room = Math.min(r.cohortMembers - r.retained, s.activity.members - s.activity.activeMembers);
      const count = gapTo(TARGETS.retainedShare, r.retained, r.cohortMembers, room);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.retention.retained += count;
          c.activity.activeMembers += count;
          c.activity.activeDays += count;
        }),
      };
    },
  },
  {
    id: "honors",
    dimension: "loyalty",
    group: "loyalty",
    maxPoints: 3,
    measure: ({ activity: a, honors: h }) => {
      const rate = shrunkRate(h.holdingBadges, a.members);
      return { ratio: toward(rate, TARGETS.badgeHolderShare), sample: a.members, detail: { holdingBadges: h.holdingBadges, members: a.members, ...percents(h.holdingBadges, a.members, rate) } };
    },
    improve: (s) => {
      const count = gapTo(TARGETS.badgeHolderShare, s.honors.holdingBadges, s.activity.members, s.participation.contributors - s.honors.holdingBadges);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
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
    measure: ({ activity: a, honors: h }) => {
      const rate = shrunkRate(h.withPrivileges, a.members);
      return { ratio: toward(rate, TARGETS.privilegedShare), sample: a.members, detail: { withPrivileges: h.withPrivileges, members: a.members, ...percents(h.withPrivileges, a.members, rate) } };
    },
    improve: (s) => {
      const count = gapTo(TARGETS.privilegedShare, s.honors.withPrivileges, s.activity.members, s.honors.holdingBadges - s.honors.withPrivileges);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.honors.withPrivileges += count;
        }),
      };
    },
  },
  {
    id: "invitations",
    dimension: "loyalty",
    group: "delight",
    maxPoints: 3,
    measure: ({ activity: a, invitations: i }) => {
      const rate = shrunkRate(i.activeInvitees, a.members);
      return { ratio: toward(rate, TARGETS.activeInviteeShare), sample: i.joined, detail: { activeInvitees: i.activeInvitees, joined: i.joined, sent: i.sent } };
    },
    improve: (s) => {
      // Welcome the invited members who joined but have not become active yet.
      const i = s.invitations;
      const count = gapTo(TARGETS.activeInviteeShare, i.activeInvitees, s.activity.members, i.joined - i.activeInvitees);
      if (count === 0) return null;
      return {
        values: { count },
        signals: with_(s, (c) => {
          c.invitations.activeInvitees += count;
        }),
      };
    },
  },
];
