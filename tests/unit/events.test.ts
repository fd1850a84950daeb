// The outbox's retry schedule (app/platform/events/events.ts).
import { expect, test } from "vitest";
import { retryDelayMs } from "~/platform/events/events";

test("a failed delivery is retried after 2 s, then twice as long each time, at most hourly, never given up", () => {
  expect([1, 2, 3, 4, 5].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000]);
  expect(retryDelayMs(12)).toBe(60 * 60 * 1000);
  expect(retryDelayMs(1_000)).toBe(60 * 60 * 1000);
});
