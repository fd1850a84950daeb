// The member list's rules, without a server: status by last visit, loyalty bands, percentiles,
// the query string a lead's links and forms carry, and the funnel from the score's signals.
import { describe, expect, test } from "vitest";
import { suggestionFunnel } from "~/features/leads/suggestion-counts";
import { loyaltyBand, memberQueryString, parseMemberQuery } from "~/features/leads/member-list";
import { joinCohort, memberStatus, percentiles } from "~/features/scoring/member-facts";
import { emptySignals } from "~/features/scoring/index";

describe("member status", () => {
  test("active within the score's 30 days, at risk until 90, gone after or never", () => {
    expect(memberStatus("2026-12-05", "2026-12-05")).toBe("active");
    expect(memberStatus("2026-11-06", "2026-12-05")).toBe("active");
    expect(memberStatus("2026-11-05", "2026-12-05")).toBe("at_risk");
    expect(memberStatus("2026-09-07", "2026-12-05")).toBe("at_risk");
    expect(memberStatus("2026-09-06", "2026-12-05")).toBe("gone");
    expect(memberStatus(null, "2026-12-05")).toBe("gone");
  });

  test("cohorts are UTC months; bands cut at 40 and 70", () => {
    expect(joinCohort(Date.parse("2026-06-30T23:59:59Z"))).toBe("2026-06");
    expect(joinCohort(Date.parse("2026-07-01T00:00:00Z"))).toBe("2026-07");
    expect([0, 39.9, 40, 69.9, 70, 100].map(loyaltyBand)).toEqual(["low", "low", "middle", "middle", "high", "high"]);
  });
});

describe("percentiles", () => {
  test("share of members with lower loyalty, ties counted half", () => {
    expect(percentiles([10, 20, 30])).toEqual([0, 50, 100]);
    expect(percentiles([5, 5, 5])).toEqual([50, 50, 50]);
    expect(percentiles([1])).toEqual([0]);
    expect(percentiles([])).toEqual([]);
  });
});

describe("the list's query string", () => {
  test("ignores malformed values and keeps the rest", () => {
    const query = parseMemberQuery(new URLSearchParams("q=%20lin%20&cohort=2026-6&level=2&band=high&status=asleep&sort=loyalty&dir=up&page=0&honors=1"));
    expect(query).toEqual({ q: "lin", level: 2, band: "high", sort: "loyalty", honors: true });
    expect(memberQueryString(query, { page: 3 })).toBe("?q=lin&level=2&band=high&honors=1&sort=loyalty&page=3");
    expect(memberQueryString({})).toBe("");
  });
});

describe("the funnel", () => {
  test("is the score's suggestions: posted, answered however late, adopted, shipped", () => {
    const signals = emptySignals();
    signals.adoption = { posted: 57, decided: 31, adopted: 26, shipped: 11 };
    signals.responses = { ...signals.responses, due: 50, withinTarget: 30, fewDays: 8, week: 4, weeks: 3, overdue: 5 };
    const funnel = suggestionFunnel(signals);
    expect(funnel.map((s) => s.count)).toEqual([57, 45, 26, 11]);
    expect(funnel[3].rateFromPrevious).toBeCloseTo(11 / 26);
    expect(suggestionFunnel(emptySignals()).map((s) => s.rateFromPrevious)).toEqual([null, null, null, null]);
  });
});
