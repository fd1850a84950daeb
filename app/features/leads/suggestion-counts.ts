// One definition of "suggestions" and "shipped" for everything a leads' page shows: the
// score's. Suggestions are those posted in the score's rolling window (ACHIEVEMENT_WINDOW_DAYS,
// 180 days) up to the moment of the shown week's snapshot, not duplicates, not hidden; answered,
// planned and shipped are of those, as they stood at that moment. The funnel used to count every
// suggestion ever posted, as it stands now, so the page read 57 and 11 in the score beside 58
// and 12 in the funnel (an older shipped suggestion, and anything shipped since the snapshot).
// Pure: both read the same signals.
import type { ScoreSignals } from "~/features/scoring/index";

export type FunnelStep = { step: "posted" | "answered" | "planned" | "shipped"; count: number; rateFromPrevious: number | null };

export function suggestionFunnel(signals: ScoreSignals): FunnelStep[] {
  const { adoption, responses } = signals;
  const counts = {
    posted: adoption.posted,
    // Every suggestion of the window with a first official reply by then, however late.
    answered: responses.withinTarget + responses.fewDays + responses.week + responses.weeks,
    // Planned or further: the score's "adopted".
    planned: adoption.adopted,
    shipped: adoption.shipped,
  };
  const steps = ["posted", "answered", "planned", "shipped"] as const;
  return steps.map((step, i) => ({
    step,
    count: counts[step],
    rateFromPrevious: i === 0 ? null : counts[steps[i - 1]] === 0 ? null : counts[step] / counts[steps[i - 1]],
  }));
}
