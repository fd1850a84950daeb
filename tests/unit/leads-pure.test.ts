import { describe, expect, test } from "vitest";
import { toCsv } from "~/platform/csv";
import { isSurveyDue, netPromoterScore, SURVEY_INTERVAL_MS, SURVEY_SNOOZE_MS } from "~/features/scoring/recommendation-survey";
import { addWeeks, recentWeeks, weekStart } from "~/features/scoring/weeks";

describe("CSV", () => {
  const columns = [
    { header: "name", value: (r: { name: string; n: number | null }) => r.name },
    { header: "n", value: (r: { name: string; n: number | null }) => r.n },
  ];

  test("quotes commas, quotes and newlines, and ends lines with CRLF", () => {
    expect(toCsv(columns, [{ name: 'a, "b"\nc', n: 1 }])).toBe('name,n\r\n"a, ""b""\nc",1\r\n');
  });

  test("keeps spreadsheet formulas as text, but negative numbers as numbers", () => {
    const rows = ["=SUM(A1)", "+1", "-2", "@cmd", "\tx"].map((name) => ({ name, n: -3.5 }));
    expect(toCsv(columns, rows).split("\r\n").slice(1, -1)).toEqual(["'=SUM(A1),-3.5", "'+1,-3.5", "'-2,-3.5", "'@cmd,-3.5", "'\tx,-3.5"]);
  });

  test("writes empty cells for missing and non-finite values", () => {
    expect(toCsv(columns, [{ name: "x", n: null }, { name: "y", n: Number.NaN }])).toBe("name,n\r\nx,\r\ny,\r\n");
  });
});

describe("weeks", () => {
  test("start on Monday, UTC", () => {
    expect(weekStart(new Date("2026-03-09T00:00:00Z"))).toBe("2026-03-09"); // Monday
    expect(weekStart(new Date("2026-03-15T23:59:59Z"))).toBe("2026-03-09"); // Sunday
    expect(weekStart(new Date("2026-03-16T00:00:00Z"))).toBe("2026-03-16");
    expect(addWeeks("2026-03-09", -2)).toBe("2026-02-23");
    expect(recentWeeks(new Date("2026-03-11T12:00:00Z"), 3)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09"]);
  });
});

describe("the recommendation survey", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const base = { enabled: true, isMember: true, lastAnsweredAt: null, dismissedAt: null, now };
  const before = (ms: number) => new Date(now.getTime() - ms);

  test("asks members when enabled and never answered", () => {
    expect(isSurveyDue(base)).toBe(true);
    expect(isSurveyDue({ ...base, enabled: false })).toBe(false);
    expect(isSurveyDue({ ...base, isMember: false })).toBe(false);
  });

  test("asks at most once a quarter", () => {
    expect(isSurveyDue({ ...base, lastAnsweredAt: before(SURVEY_INTERVAL_MS - 1) })).toBe(false);
    expect(isSurveyDue({ ...base, lastAnsweredAt: before(SURVEY_INTERVAL_MS) })).toBe(true);
  });

  test("'not now' waits a month", () => {
    expect(isSurveyDue({ ...base, dismissedAt: before(SURVEY_SNOOZE_MS - 1) })).toBe(false);
    expect(isSurveyDue({ ...base, dismissedAt: before(SURVEY_SNOOZE_MS) })).toBe(true);
  });

  test("Net Promoter Score is promoters minus detractors, in percent", () => {
    expect(netPromoterScore({ answers: 0, promoters: 0, detractors: 0 }).score).toBeNull();
    expect(netPromoterScore({ answers: 10, promoters: 5, detractors: 2 }).score).toBe(30);
    expect(netPromoterScore({ answers: 3, promoters: 0, detractors: 3 }).score).toBe(-100);
    expect(netPromoterScore({ answers: 3, promoters: 1, detractors: 0 }).score).toBe(33.3);
  });
});
