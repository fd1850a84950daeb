// The sprout word-of-mouth score: a pure function from a scope's signals to a report with
// the total, the three dimensions, every term's points and the points it misses, notes on
// thin data, and the single action that would raise the total most. No database, no clock:
// the gatherer (app/scoring/gather.server.ts) measures the forum at a given `now`.
import { DIMENSIONS, PSEUDO_COUNT, TERMS, type Dimension, type TermDefinition, type TermGroup, type TermId, type Values } from "./terms";
import type { ScoreSignals } from "./signals";

export type { ScoreSignals } from "./signals";
export { emptySignals } from "./signals";
export { DIMENSIONS, PSEUDO_COUNT, TERMS, type Dimension, type TermGroup, type TermId } from "./terms";

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

export type ScoreReport = {
  /** 0…100, the sum of the terms' points. */
  total: number;
  /** Each dimension's points over its maximum, 0…100. */
  satisfaction: number;
  achievement: number;
  loyalty: number;
  terms: Term[];
  notes: Note[];
  /** null when no action would raise the total (everything at its target). */
  bestAction: BestAction | null;
};

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function scoreTerm(definition: TermDefinition, signals: ScoreSignals): Term {
  const { ratio, sample, detail } = definition.measure(signals);
  const points = round(definition.maxPoints * ratio, 2);
  return {
    id: definition.id,
    dimension: definition.dimension,
    group: definition.group,
    points,
    maxPoints: definition.maxPoints,
    missing: round(definition.maxPoints - points, 2),
    sample,
    enoughData: sample >= PSEUDO_COUNT,
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

/** The total and the three dimensions without the best action: what weekly snapshots of
 * every member store (searching the best action costs a full recomputation per term). */
export function sproutDimensions(signals: ScoreSignals): Pick<ScoreReport, "total" | "satisfaction" | "achievement" | "loyalty"> {
  const terms = TERMS.map((definition) => scoreTerm(definition, signals));
  const [satisfaction, achievement, loyalty] = DIMENSIONS.map((d) => dimensionScore(terms, d));
  return { total: totalOf(terms), satisfaction, achievement, loyalty };
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

export function sproutScore(signals: ScoreSignals): ScoreReport {
  const terms = TERMS.map((definition) => scoreTerm(definition, signals));
  const total = totalOf(terms);
  const notes: Note[] = [];
  if (signals.activity.members === 0) notes.push({ key: "notes.noMembers", values: {} });
  for (const term of terms) {
    if (!term.enoughData) {
      notes.push({ key: "notes.notEnoughData", values: { sample: term.sample, needed: PSEUDO_COUNT }, termId: term.id });
    }
  }
  const [satisfaction, achievement, loyalty] = DIMENSIONS.map((d) => dimensionScore(terms, d));
  return { total, satisfaction, achievement, loyalty, terms, notes, bestAction: findBestAction(signals, total) };
}
