// Stores the sign-up window per address (rules in signup-throttle.ts) in login_throttles,
// under "signup:<address>", the table that already keeps the login counters.
import { eq } from "drizzle-orm";
import { loginThrottles } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { afterSignupAttempt, signupDecision, type SignupDecision } from "~/features/accounts/signup-throttle";

export class SignupThrottledError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-ups from this address; retry in ${retryAfterSeconds}s`);
  }
}

// Counts this attempt, or throws SignupThrottledError when the address has used its window.
export function countSignupAttempt(address: string | null | undefined, now = Date.now()) {
  const key = `signup:${address ?? "unknown"}`;
  getDb().transaction(
    (tx) => {
      const row = tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
      const window = row ? { attempts: row.failures, startedAt: row.firstFailureAt.getTime() } : undefined;
      const decision: SignupDecision = signupDecision(window, now, env().SIGNUP_LIMIT_PER_ADDRESS);
      if (!decision.allowed) throw new SignupThrottledError(Math.ceil(decision.retryAfterMs / 1000));
      const next = afterSignupAttempt(window, now);
      const values = { failures: next.attempts, firstFailureAt: new Date(next.startedAt), lockedUntil: null };
      tx.insert(loginThrottles).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottles.key, set: values }).run();
    },
    { behavior: "immediate" },
  );
}
