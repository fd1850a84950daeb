import { describe, expect, test } from "vitest";
import { afterSignupAttempt, SIGNUP_WINDOW_MS, signupDecision, type SignupWindow } from "~/features/accounts/signup-throttle";

const START = Date.UTC(2025, 0, 1);

function attempts(count: number): SignupWindow | undefined {
  let window: SignupWindow | undefined;
  for (let i = 0; i < count; i++) window = afterSignupAttempt(window, START + i * 1000);
  return window;
}

describe("sign-up window per address", () => {
  test("allows up to the limit within the window, then says how long to wait", () => {
    expect(signupDecision(attempts(4), START + 10_000, 5)).toEqual({ allowed: true });
    expect(signupDecision(attempts(5), START + 10_000, 5)).toEqual({ allowed: false, retryAfterMs: SIGNUP_WINDOW_MS - 10_000 });
  });

  test("a new window starts once the old one has passed", () => {
    expect(signupDecision(attempts(5), START + SIGNUP_WINDOW_MS, 5)).toEqual({ allowed: true });
    expect(afterSignupAttempt(attempts(5), START + SIGNUP_WINDOW_MS)).toEqual({ attempts: 1, startedAt: START + SIGNUP_WINDOW_MS });
  });
});
