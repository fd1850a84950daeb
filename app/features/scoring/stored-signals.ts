// The report column of score_snapshots, written by the weekly recompute and read by every trend
// (snapshots.server.ts). Pure, so its format is tested without a database.
import { emptySignals, type ScoreScopeKind, type ScoreSignals } from "./signals";

// What a snapshot's report column holds: the signals it was computed from (the dashboard's
// NPS and participation come from here). The report is rebuilt from them when read: 50,000
// full reports a week would weigh hundreds of megabytes, and the pure core gives the same
// report from the same signals. (Rows written before: the community and boards also stored
// their report, which is ignored.)
//
// `formula` says which formula computed the row's columns. Rows without it were computed by
// the first formula (docs/scoring.md, "History"): their signals cannot be re-scored (they lack
// what the current formula reads), so they keep their stored figures and are marked on the
// trend as the previous formula's, and no week-over-week change is computed across formulas.
export const SCORE_FORMULA = 2;
type SignalGroup = Exclude<keyof ScoreSignals, "scope">;
type StoredSignals = { [G in SignalGroup]?: Partial<ScoreSignals[G]> };
export type StoredReport = { signals: StoredSignals; formula?: number };

const EMPTY = emptySignals();
const SIGNAL_GROUPS = (Object.keys(EMPTY) as (keyof ScoreSignals)[]).filter((g): g is SignalGroup => g !== "scope");

// A field missing from the stored signals reads as its empty value: signals stored before the
// field existed, and every field the writer left out for being empty.
export function storedSignals(stored: StoredReport, scope: ScoreScopeKind): ScoreSignals {
  const empty = emptySignals(stored.signals.responses?.targetHours ?? 24, scope);
  return { ...empty, ...Object.fromEntries(SIGNAL_GROUPS.map((group) => [group, { ...empty[group], ...stored.signals[group] }])), scope } as ScoreSignals;
}

// Only the fields that differ from the empty signals are stored (the scope is the row's own):
// most of a member's figures are zeros, and storing them all made 45 MB of JSON a week at
// 50,000 members, which the recompute wrote, logged and checkpointed. 18 MB now.
export function storedReport(signals: ScoreSignals): StoredReport {
  const stored: Record<string, Record<string, unknown>> = {};
  for (const group of SIGNAL_GROUPS) {
    const values = signals[group] as Record<string, unknown>;
    const empty = EMPTY[group] as Record<string, unknown>;
    for (const field in values) {
      if (sameValue(values[field], empty[field])) continue;
      (stored[group] ??= {})[field] = values[field];
    }
  }
  return { signals: stored, formula: SCORE_FORMULA };
}

// Signal fields are numbers, null, or flat arrays and objects of numbers.
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}
