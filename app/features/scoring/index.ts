// The sprout word-of-mouth score: a pure function from a scope's signals to a report with
// the total, the three dimensions, every term's points and the points it misses, notes on
// confidence, and the single action that would raise the total most. No database, no clock:
// the gatherer (app/features/scoring/gather.server.ts) measures the forum at a given `now`.
import { DIMENSIONS, PSEUDO_COUNT, TERMS, type Dimension, type TermDefinition, type TermGroup, type TermId, type Values } from "./terms";
import type { ScoreSignals } from "./signals";

export type { ScoreSignals } from "./signals";
export { emptySignals } from "./signals";
export { DIMENSIONS, PSEUDO_COUNT, REFERENCE, TERMS, type Dimension, type TermGroup, type TermId } from "./terms";

export type Term = {
  id: TermId;
  dimension: Dimension;
  group: TermGroup;
  /** Points earned, 0…maxPoints (two decimals). */
  points: number;
  maxPoints: number;
  /** maxPoints − points: what this term still leaves on the table. */
  missing: number;
  /** Real observations behind the term, and whether they are enough to trust it alone. */
  sample: number;
  enoughData: boolean;
  /** 0…1: how much of the term is the neutral reference rather than data. */
  priorWeight: number;
  /** The measured figures: i18n values for `scoring:terms.<id>.detail`. */
  detail: Values;
};

/** An i18n key in the "scoring" namespace with its interpolation values. */
export type Message = { key: string; values: Values };

/** A note on the score; termId names the term it is about (its name is `terms.<id>.name`). */
export type Note = Message & { termId?: TermId };

export type BestAction = {
  termId: TermId;
  /** `scoring:actions.<termId>` with its values ("answer the {{count}} suggestions …"). */
  action: Message;
  /** Points the total would gain, one decimal. */
  gain: number;
};

// One flag for the whole score instead of a note per thin term: a lead reads "low
// confidence" next to the number. Low when the scope has few members, or when the neutral
// reference (not data) carries much of the points.
export const CONFIDENT_MEMBERS = 30;
export const CONFIDENT_PRIOR_SHARE = 0.3;

export type Confidence = {
  low: boolean;
  members: number;
  /** 0…1: the share of the total that is the neutral reference rather than data. */
  priorShare: number;
};

export type ScoreReport = {
  /** 0…100, the sum of the terms' points. */
  total: number;
  /** Each dimension's points over its maximum, 0…100. */
  satisfaction: number;
  achievement: number;
  loyalty: number;
  terms: Term[];
  /** One note at most: the low-confidence flag, with why. */
  notes: Note[];
  confidence: Confidence;
  /** null when no action would raise the total (everything at its target). */
  bestAction: BestAction | null;
};

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function scoreTerm(definition: TermDefinition, signals: ScoreSignals): Term {
  const { ratio, sample, detail, priorWeight } = definition.measure(signals);
  const points = round(definition.maxPoints * ratio, 2);
  return {
    id: definition.id,
    dimension: definition.dimension,
    group: definition.group,
    points,
    maxPoints: definition.maxPoints,
    missing: round(definition.maxPoints - points, 2),
    sample,
    enoughData: signals.scope === "member" || sample >= PSEUDO_COUNT,
    priorWeight: round(priorWeight, 3),
    detail,
  };
}

const totalOf = (terms: readonly Term[]) => round(terms.reduce((sum, t) => sum + t.points, 0), 2);

function dimensionScore(terms: readonly Term[], dimension: Dimension): number {
  const own = terms.filter((t) => t.dimension === dimension);
  const max = own.reduce((sum, t) => sum + t.maxPoints, 0);
  return round((100 * own.reduce((sum, t) => sum + t.points, 0)) / max, 1);
}

/** The total alone: what bestAction compares. */
export function sproutTotal(signals: ScoreSignals): number {
  return totalOf(TERMS.map((definition) => scoreTerm(definition, signals)));
}

export type Dimensions = Pick<ScoreReport, "total" | "satisfaction" | "achievement" | "loyalty">;

/** The total and the three dimensions without the best action: what weekly snapshots of
 * every member store (searching the best action costs a full recomputation per term). */
export function sproutDimensions(signals: ScoreSignals): Dimensions {
  return dimensionsOf(sproutTerms(signals));
}

/** The total and the three dimensions of terms already scored (sproutTerms), so that a caller
 * needing both scores the terms once. */
export function dimensionsOf(terms: readonly Term[]): Dimensions {
  const [satisfaction, achievement, loyalty] = DIMENSIONS.map((d) => dimensionScore(terms, d));
  return { total: totalOf(terms), satisfaction, achievement, loyalty };
}

/** Every term's points without the best action: what the weekly member rows store. */
export function sproutTerms(signals: ScoreSignals): Term[] {
  return TERMS.map((definition) => scoreTerm(definition, signals));
}

// Each term proposes one concrete improvement of its own signals; the whole score is
// recomputed on the improved signals, so an action that helps several terms (answering
// overdue suggestions helps both reply terms) is credited with all of it.
function findBestAction(signals: ScoreSignals, total: number): BestAction | null {
  let best: BestAction | null = null;
  for (const definition of TERMS) {
    const improvement = definition.improve(signals);
    if (!improvement) continue;
    const gain = round(sproutTotal(improvement.signals) - total, 1);
    if (gain > 0 && (!best || gain > best.gain)) {
      best = { termId: definition.id, action: { key: `actions.${definition.id}`, values: improvement.values }, gain };
    }
  }
  return best;
}

function confidenceOf(signals: ScoreSignals, terms: readonly Term[], total: number): Confidence {
  const members = Number.isFinite(signals.activity.members) ? Math.max(0, signals.activity.members) : 0;
  const fromPrior = terms.reduce((sum, t) => sum + t.points * t.priorWeight, 0);
  const priorShare = total > 0 ? round(fromPrior / total, 3) : 1;
  // One person is not a sample: a member's score is exact about them.
  const low = signals.scope !== "member" && (members < CONFIDENT_MEMBERS || priorShare > CONFIDENT_PRIOR_SHARE);
  return { low, members, priorShare };
}

export function sproutScore(signals: ScoreSignals): ScoreReport {
  const terms = TERMS.map((definition) => scoreTerm(definition, signals));
  const total = totalOf(terms);
  const confidence = confidenceOf(signals, terms, total);
  const notes: Note[] = confidence.low
    ? [{ key: "notes.lowConfidence", values: { count: confidence.members, needed: CONFIDENT_MEMBERS, percent: Math.round(100 * confidence.priorShare) } }]
    : [];
  const [satisfaction, achievement, loyalty] = DIMENSIONS.map((d) => dimensionScore(terms, d));
  return { total, satisfaction, achievement, loyalty, terms, notes, confidence, bestAction: findBestAction(signals, total) };
}
