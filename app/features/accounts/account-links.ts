// Pure rules for the one-time links Sprout emails about an account (password reset, new
// email address): how long they live, and how often they may be asked for.

export const ACCOUNT_LINKS = {
  resetLifetimeMs: 60 * 60 * 1000,
  emailChangeLifetimeMs: 24 * 60 * 60 * 1000,
  windowMs: 60 * 60 * 1000,
  // Reset emails one account may receive per window: enough for a lost message or two,
  // too few to flood someone's inbox by typing their name.
  perAccount: 3,
};

// A counter over a fixed window that starts with its first request.
export type RequestWindow = { count: number; startedAt: number };

export function currentWindow(state: RequestWindow | undefined, now: number): RequestWindow {
  if (!state || now - state.startedAt >= ACCOUNT_LINKS.windowMs) return { count: 0, startedAt: now };
  return state;
}

export function withinLimit(state: RequestWindow | undefined, now: number, limit: number): boolean {
  return currentWindow(state, now).count < limit;
}

export function afterRequest(state: RequestWindow | undefined, now: number): RequestWindow {
  const window = currentWindow(state, now);
  return { count: window.count + 1, startedAt: window.startedAt };
}

// A stored link is usable while unused, unexpired, and issued under the password the
// account still has.
export function linkUsable(
  link: { usedAt: Date | null; expiresAt: Date; passwordFingerprint: string },
  currentFingerprint: string,
  now: number,
): boolean {
  return link.usedAt === null && now < link.expiresAt.getTime() && link.passwordFingerprint === currentFingerprint;
}
