import { describe, expect, test } from "vitest";
import { clockState, median, responseTimes, roundDuration } from "~/features/lifecycle/response-times";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe("responseTimes", () => {
  test("measures each stamp from posting, null while it has not happened", () => {
    const createdAt = new Date(Date.UTC(2025, 0, 1));
    const at = (ms: number) => new Date(createdAt.getTime() + ms);
    expect(responseTimes({ createdAt, firstOfficialReplyAt: at(3 * HOUR), firstDecisionAt: at(DAY), shippedAt: null })).toEqual({
      firstReplyMs: 3 * HOUR,
      firstDecisionMs: DAY,
      shipMs: null,
    });
    // Loader data arrives as strings in the browser.
    expect(responseTimes({ createdAt: createdAt.toISOString(), firstOfficialReplyAt: null, firstDecisionAt: null, shippedAt: at(9 * DAY).toISOString() }))
      .toEqual({ firstReplyMs: null, firstDecisionMs: null, shipMs: 9 * DAY });
  });

  test("a stamp before posting (imported data, clock skew) counts as no time", () => {
    const createdAt = new Date(Date.UTC(2025, 0, 1));
    expect(responseTimes({ createdAt, firstOfficialReplyAt: new Date(createdAt.getTime() - 5000), firstDecisionAt: null, shippedAt: null }).firstReplyMs).toBe(0);
  });
});

describe("roundDuration", () => {
  test.each([
    [0, { unit: "minutes", count: 1 }],
    [20 * 1000, { unit: "minutes", count: 1 }],
    [17 * MINUTE, { unit: "minutes", count: 17 }],
    [59 * MINUTE + 20_000, { unit: "minutes", count: 59 }],
    [59 * MINUTE + 40_000, { unit: "hours", count: 1 }],
    [3 * HOUR + 10 * MINUTE, { unit: "hours", count: 3 }],
    [47 * HOUR, { unit: "hours", count: 47 }],
    [47 * HOUR + 40 * MINUTE, { unit: "days", count: 2 }],
    [9.4 * DAY, { unit: "days", count: 9 }],
  ])("%d ms reads as %o", (ms, expected) => {
    expect(roundDuration(ms)).toEqual(expected);
  });
});

describe("median", () => {
  test("of nothing is null, of an odd count the middle, of an even count the mean of the two middles", () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe("clockState against a 24 h target", () => {
  const target = 24 * HOUR;
  test.each([
    [0, "ok"],
    [12 * HOUR - 1, "ok"],
    [12 * HOUR, "amber"],
    [24 * HOUR - 1, "amber"],
    [24 * HOUR, "red"],
    [9 * DAY, "red"],
  ] as const)("%d ms waiting is %s", (ms, clock) => {
    expect(clockState(ms, target)).toBe(clock);
  });
});
