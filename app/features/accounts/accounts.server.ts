// Members and their credentials: sign up, log in (with throttling), look up profiles.
import { randomBytes } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { loginThrottles, sessions, suggestions, comments, users, votes, type Role, type User } from "#db/schema";
import { preparedForViewer, visibilityKey, type Viewer } from "~/features/boards/boards.server";
import { cached } from "~/platform/cache.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { afterFailure, throttleDecision, type ThrottleState } from "~/features/accounts/login-throttle";
import { hashPassword, verifyPassword } from "~/features/accounts/passwords.server";

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

export class UsernameTakenError extends Error {}
export class EmailTakenError extends Error {}
export class DisplayNameReservedError extends Error {}

// The names the team speaks under (staff, leads, admins): sign-up does not give them out
// again as display names (app/features/accounts/reserved-names.ts).
export function staffNames(): string[] {
  return getDb()
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(sql`${users.role} != 'member'`, isNull(users.deletedAt)))
    .all()
    .flatMap((u) => [u.username, u.displayName]);
}

const userByUsername = preparedQuery((db) =>
  db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${sql.placeholder("username")})`)
    .prepare(),
);

export function findUserByUsername(username: string) {
  return userByUsername().get({ username });
}

// Members may log in with their username or their email address.
function findUserForLogin(identifier: string) {
  if (!identifier.includes("@")) return findUserByUsername(identifier);
  return getDb().select().from(users).where(sql`lower(${users.email}) = lower(${identifier})`).get();
}

export async function createUser(input: {
  username: string;
  email: string;
  password: string;
  displayName?: string;
  role?: Role;
  locale?: string | null;
  createdAt?: Date;
  // Who brought the member in and from where (app/features/invitations/invitations.server.ts).
  invitedById?: number | null;
  signupSource?: User["signupSource"];
  signupAddress?: string | null;
  // Runs in the account's transaction, e.g. to claim a single-use invite code: if it throws,
  // no account is made.
  whileCreating?: (tx: Tx, user: User) => void;
}) {
  const db = getDb();
  if (findUserByUsername(input.username)) throw new UsernameTakenError();
  if (db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${input.email})`).get()) {
    throw new EmailTakenError();
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return db.transaction((tx) => {
      const user = tx
        .insert(users)
        .values({
          username: input.username,
          email: input.email,
          displayName: input.displayName?.trim() || input.username,
          passwordHash,
          role: input.role ?? "member",
          locale: input.locale ?? null,
          invitedById: input.invitedById ?? null,
          signupSource: input.signupSource ?? "direct",
          signupAddress: input.signupAddress ?? null,
          ...(input.createdAt ? { createdAt: input.createdAt } : {}),
        })
        .returning()
        .get();
      input.whileCreating?.(tx, user);
      return user;
    }, { behavior: "immediate" });
  } catch (error) {
    // Two signups racing for one name: the unique index decides, the loser hears why.
    if (String(error).includes("users_username_unique")) throw new UsernameTakenError();
    if (String(error).includes("users_email_unique")) throw new EmailTakenError();
    throw error;
  }
}

function readThrottle(key: string): ThrottleState | undefined {
  const row = getDb().select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  return row
    ? { failures: row.failures, firstFailureAt: row.firstFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null }
    : undefined;
}

function recordFailure(key: string, now: number, locks: boolean, lockAfter?: number) {
  const next = afterFailure(readThrottle(key), now, { locks, lockAfter });
  const values = {
    failures: next.failures,
    firstFailureAt: new Date(next.firstFailureAt),
    lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil),
  };
  getDb()
    .insert(loginThrottles)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: loginThrottles.key, set: values })
    .run();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type LoginResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterSeconds: number };

// An unknown login runs scrypt too, against this hash of nothing anyone can type, so the
// answer takes as long as for an existing account and says nothing about who is a member.
let dummyHash: Promise<string> | undefined;

// Checks a password, slowing down and then refusing repeated failures. The counters are
// keyed by the account, whatever was typed (username or email), and by the address: the
// account alone only slows down (anyone could otherwise lock any member out), the address
// with the account locks, and so does an address spraying many accounts.
export async function logIn(
  identifier: string,
  password: string,
  address: string,
  { now = Date.now(), wait = sleep }: { now?: number; wait?: (ms: number) => Promise<unknown> } = {},
): Promise<LoginResult> {
  const user = findUserForLogin(identifier);
  const account = user ? `account:${user.id}` : `account:unknown:${identifier.toLowerCase()}`;
  const keys = [
    { key: account, locks: false },
    { key: `address-account:${address}:${account}`, locks: true },
    { key: `address:${address}`, locks: true, lockAfter: env().LOGIN_LOCK_PER_ADDRESS },
  ];
  let delayMs = 0;
  for (const { key } of keys) {
    const decision = throttleDecision(readThrottle(key), now);
    if (!decision.allowed) return { ok: false, reason: "locked", retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) };
    delayMs = Math.max(delayMs, decision.delayMs);
  }
  if (delayMs > 0) await wait(delayMs);
  const usable = user && user.deletedAt === null && user.passwordHash.startsWith("scrypt$");
  const hash = usable ? user.passwordHash : await (dummyHash ??= hashPassword(randomBytes(32).toString("hex")));
  const matches = await verifyPassword(password, hash);
  if (usable && matches) {
    getDb().delete(loginThrottles).where(inArray(loginThrottles.key, [keys[0].key, keys[1].key])).run();
    return { ok: true, userId: user.id };
  }
  for (const { key, locks, lockAfter } of keys) recordFailure(key, now, locks, lockAfter);
  return { ok: false, reason: "invalid" };
}

export function emailOf(userId: number): string | null {
  return getDb().select({ email: users.email }).from(users).where(eq(users.id, userId)).get()?.email ?? null;
}

// null: no choice of their own, the browser's language applies.
export function setUserLocale(userId: number, locale: string | null) {
  getDb().update(users).set({ locale }).where(eq(users.id, userId)).run();
}

// Counted over what the viewer may see, as the lists are: activity on the early-access board
// (or hidden by flags) would otherwise show through the numbers.
const profileQueries = preparedForViewer((db, visible) => {
  const userId = sql.placeholder("userId");
  return {
    suggestionCount: db.select({ n: count() }).from(suggestions).where(and(eq(suggestions.authorId, userId), visible.suggestions())).prepare(),
    commentCount: db
      .select({ n: count() })
      .from(comments)
      .innerJoin(suggestions, eq(suggestions.id, comments.suggestionId))
      .where(and(eq(comments.authorId, userId), visible.suggestions()))
      .prepare(),
    // From each suggestion's stored count (kept equal to its votes by every write), less the
    // author's own vote: counting the rows read all 31,000 votes of a popular author per view.
    votesReceived: db
      .select({
        n: sql<number>`coalesce(sum(${suggestions.voteCount} - exists (select 1 from ${votes} where ${votes.suggestionId} = ${suggestions.id} and ${votes.userId} = ${userId})), 0)`,
      })
      .from(suggestions)
      .where(and(eq(suggestions.authorId, userId), visible.suggestions()))
      .prepare(),
    recentSuggestions: db
      .select({ id: suggestions.id, title: suggestions.title, status: suggestions.status, voteCount: suggestions.voteCount, createdAt: suggestions.createdAt })
      .from(suggestions)
      .where(and(eq(suggestions.authorId, userId), visible.suggestions()))
      .orderBy(desc(suggestions.createdAt))
      .limit(20)
      .prepare(),
  };
});

export function getProfile(username: string, viewer: Viewer = null) {
  const user = findUserByUsername(username);
  if (!user) return null;
  // The same for every viewer who may see the same suggestions, until anything changes: a
  // popular author's figures took a third of their profile's loader.
  const { stats, recentSuggestions } = cached(`profile:${user.id}:${visibilityKey(viewer)}`, () => {
    const queries = profileQueries(viewer);
    const params = { userId: user.id, viewerId: viewer?.id };
    return {
      stats: {
        suggestionCount: queries.suggestionCount.get(params)?.n ?? 0,
        commentCount: queries.commentCount.get(params)?.n ?? 0,
        votesReceived: queries.votesReceived.get(params)?.n ?? 0,
      },
      recentSuggestions: queries.recentSuggestions.all(params),
    };
  });
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      bio: user.bio,
      avatar: user.avatar,
      createdAt: user.createdAt,
      honorLevel: user.honorLevel,
      honorPoints: user.honorPoints,
    },
    stats,
    recentSuggestions,
  };
}

// Checks the current password before a sensitive change (new password, deletion).
export async function checkPassword(userId: number, password: string): Promise<boolean> {
  const user = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  return !!user && (await verifyPassword(password, user.passwordHash));
}

export async function changePassword(userId: number, newPassword: string) {
  getDb().update(users).set({ passwordHash: await hashPassword(newPassword) }).where(eq(users.id, userId)).run();
}

export type SetRoleResult = { ok: true } | { ok: false; reason: "no_member" | "last_admin" };

// An admin changes a member's role. The member's sessions end, so their next request runs
// with the new rights under a new session (no session outlives a change of privilege); and
// the forum always keeps at least one admin.
export function setRole(username: string, role: Role): SetRoleResult {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const user = tx.select({ id: users.id, role: users.role }).from(users).where(sql`lower(${users.username}) = lower(${username}) and ${users.deletedAt} is null`).get();
      if (!user) return { ok: false, reason: "no_member" } as const;
      if (user.role === role) return { ok: true } as const;
      if (user.role === "admin") {
        const admins = tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.deletedAt))).get()?.n ?? 0;
        if (admins <= 1) return { ok: false, reason: "last_admin" } as const;
      }
      tx.update(users).set({ role }).where(eq(users.id, user.id)).run();
      tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
