// Pure rules for slowing down and then refusing repeated failed logins. The state is stored
// by accounts.server.ts under three keys: the account (slowed, never locked, so nobody can
// lock a member out from elsewhere), the address and account together (locked: one place
// guessing one account), and the address alone (locked: one place spraying many accounts).

export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  freeFailures: 3, // failures before answers start to slow down
  delayStepMs: 500, // added per failure beyond the free ones
  maxDelayMs: 3000,
  lockAfterFailures: 8, // then refused outright
  lockMs: 15 * 60 * 1000,
};

export type ThrottleState = { failures: number; firstFailureAt: number; lockedUntil: number | null };

export type ThrottleDecision =
  | { allowed: true; delayMs: number }
  | { allowed: false; retryAfterMs: number };

export function throttleDecision(state: ThrottleState | undefined, now: number): ThrottleDecision {
  if (!state) return { allowed: true, delayMs: 0 };
  if (state.lockedUntil !== null && state.lockedUntil > now) {
    return { allowed: false, retryAfterMs: state.lockedUntil - now };
  }
  if (now - state.firstFailureAt > THROTTLE.windowMs) return { allowed: true, delayMs: 0 };
  const extra = state.failures - THROTTLE.freeFailures;
  return { allowed: true, delayMs: extra > 0 ? Math.min(extra * THROTTLE.delayStepMs, THROTTLE.maxDelayMs) : 0 };
}

// locks: false for a key that only slows down (the account's own); lockAfter: failures before
// the lock, when a key's own differs (an address many people share).
export function afterFailure(
  state: ThrottleState | undefined,
  now: number,
  { locks = true, lockAfter = THROTTLE.lockAfterFailures }: { locks?: boolean; lockAfter?: number } = {},
): ThrottleState {
  const fresh = !state || now - state.firstFailureAt > THROTTLE.windowMs || (state.lockedUntil !== null && state.lockedUntil <= now);
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailureAt = fresh ? now : state.firstFailureAt;
  return {
    failures,
    firstFailureAt,
    lockedUntil: locks && failures >= lockAfter ? now + THROTTLE.lockMs : null,
  };
}
