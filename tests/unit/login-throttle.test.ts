import { describe, expect, test } from "vitest";
import { THROTTLE, afterFailure, throttleDecision, type ThrottleState } from "~/features/accounts/login-throttle";

const START = Date.UTC(2025, 0, 1);
const SECOND = 1000;

// Replays `count` failed logins one second apart, starting at `start`.
function failures(count: number, start = START, state?: ThrottleState): ThrottleState | undefined {
  for (let i = 0; i < count; i++) state = afterFailure(state, start + i * SECOND);
  return state;
}

describe("throttleDecision", () => {
  test("a key without failures is let through at once", () => {
    expect(throttleDecision(undefined, START)).toEqual({ allowed: true, delayMs: 0 });
  });

  test("the first failures are free", () => {
    expect(throttleDecision(failures(THROTTLE.freeFailures), START + 10 * SECOND)).toEqual({ allowed: true, delayMs: 0 });
  });

  test("each failure beyond the free ones slows the next answer by one step", () => {
    const now = START + 10 * SECOND;
    expect(throttleDecision(failures(THROTTLE.freeFailures + 1), now)).toEqual({ allowed: true, delayMs: THROTTLE.delayStepMs });
    expect(throttleDecision(failures(THROTTLE.freeFailures + 3), now)).toEqual({ allowed: true, delayMs: 3 * THROTTLE.delayStepMs });
  });

  test("the delay never exceeds its ceiling", () => {
    const state = { failures: 100, firstFailureAt: START, lockedUntil: null };
    expect(throttleDecision(state, START + SECOND)).toEqual({ allowed: true, delayMs: THROTTLE.maxDelayMs });
  });

  test("enough failures lock the key, and the answer says for how long", () => {
    const state = failures(THROTTLE.lockAfterFailures);
    const lastFailureAt = START + (THROTTLE.lockAfterFailures - 1) * SECOND;
    expect(state?.lockedUntil).toBe(lastFailureAt + THROTTLE.lockMs);
    expect(throttleDecision(state, lastFailureAt + 60 * SECOND)).toEqual({ allowed: false, retryAfterMs: THROTTLE.lockMs - 60 * SECOND });
  });

  test("failures older than the window no longer slow anything", () => {
    const state = failures(THROTTLE.lockAfterFailures - 1);
    expect(throttleDecision(state, START + THROTTLE.windowMs + 10 * SECOND)).toEqual({ allowed: true, delayMs: 0 });
  });

  test("a lock ends after its time", () => {
    const state = failures(THROTTLE.lockAfterFailures);
    expect(throttleDecision(state, state!.lockedUntil!)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe("afterFailure", () => {
  test("counts failures within the window from the first one", () => {
    expect(failures(3)).toEqual({ failures: 3, firstFailureAt: START, lockedUntil: null });
  });

  test("a failure after the window starts a new count", () => {
    const later = START + THROTTLE.windowMs + 10 * SECOND;
    expect(afterFailure(failures(5), later)).toEqual({ failures: 1, firstFailureAt: later, lockedUntil: null });
  });

  test("a failure after a lock ended starts a new count instead of locking again", () => {
    const locked = failures(THROTTLE.lockAfterFailures)!;
    const afterLock = locked.lockedUntil! + SECOND;
    expect(afterFailure(locked, afterLock)).toEqual({ failures: 1, firstFailureAt: afterLock, lockedUntil: null });
  });

  test("a key that only slows down is never locked, however many failures", () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < THROTTLE.lockAfterFailures * 3; i++) state = afterFailure(state, START + i * SECOND, { locks: false });
    expect(state?.lockedUntil).toBeNull();
    expect(throttleDecision(state, START + 60 * SECOND)).toEqual({ allowed: true, delayMs: THROTTLE.maxDelayMs });
  });
});
