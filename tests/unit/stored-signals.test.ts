// The score snapshots' report column (stored-signals.ts): only what differs from empty
// signals is written, and reading fills the rest back in.
import { describe, expect, test } from "vitest";
import { emptySignals, type ScoreSignals } from "~/features/scoring/signals";
import { SCORE_FORMULA, storedReport, storedSignals } from "~/features/scoring/stored-signals";

const roundTrip = (signals: ScoreSignals) => storedSignals(JSON.parse(JSON.stringify(storedReport(signals))), signals.scope);

describe("stored signals", () => {
  test("a member with nothing to show stores no field at all", () => {
    expect(storedReport(emptySignals(24, "member"))).toEqual({ signals: {}, formula: SCORE_FORMULA });
    expect(roundTrip(emptySignals(24, "member"))).toEqual(emptySignals(24, "member"));
  });

  test("a response target other than the default is kept when everything else is empty", () => {
    expect(storedReport(emptySignals(48, "board")).signals).toEqual({ responses: { targetHours: 48 } });
    expect(roundTrip(emptySignals(48, "board"))).toEqual(emptySignals(48, "board"));
  });

  test("every field that differs comes back, nested ones whole", () => {
    const signals = emptySignals(12, "community");
    signals.activity.members = 3;
    signals.responses.medianHours = 0.5;
    signals.complaints.medianResolutionHours = 0;
    signals.complaints.resolutionRatings = { count: 1, sum: 0 };
    signals.ratings.stars = [0, 0, 0, 0, 2];
    signals.survey.detractors = 1;
    const stored = storedReport(signals).signals;
    expect(stored).toEqual({
      activity: { members: 3 },
      responses: { targetHours: 12, medianHours: 0.5 },
      // 0 hours differs from "no resolution yet" (null).
      complaints: { medianResolutionHours: 0, resolutionRatings: { count: 1, sum: 0 } },
      ratings: { stars: [0, 0, 0, 0, 2] },
      survey: { detractors: 1 },
    });
    expect(roundTrip(signals)).toEqual(signals);
  });

  test("rows written whole before (every field, the scope included) read as they were", () => {
    const signals = emptySignals(24, "member");
    signals.participation.voters = 1;
    const whole = { signals: JSON.parse(JSON.stringify(signals)), formula: SCORE_FORMULA };
    expect(storedSignals(whole, "member")).toEqual(signals);
  });
});
