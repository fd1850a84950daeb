// Sign-ups per address: a fixed window that counts every attempt reaching the server's checks
// (made, or refused because the name or email is taken), so fifty fresh accounts cannot be
// made in seconds to stuff the votes that decide the roadmap, and the "email already
// registered" answer cannot be used to test a list of addresses.

export const SIGNUP_WINDOW_MS = 60 * 60 * 1000;

export type SignupWindow = { attempts: number; startedAt: number };

export type SignupDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export function signupDecision(window: SignupWindow | undefined, now: number, limit: number): SignupDecision {
  if (!window || now - window.startedAt >= SIGNUP_WINDOW_MS || window.attempts < limit) return { allowed: true };
  return { allowed: false, retryAfterMs: window.startedAt + SIGNUP_WINDOW_MS - now };
}

export function afterSignupAttempt(window: SignupWindow | undefined, now: number): SignupWindow {
  if (!window || now - window.startedAt >= SIGNUP_WINDOW_MS) return { attempts: 1, startedAt: now };
  return { attempts: window.attempts + 1, startedAt: window.startedAt };
}
