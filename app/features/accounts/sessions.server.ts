// Database sessions as the Lucia guide describes them (the lucia package itself is
// deprecated): a random token lives in the cookie, only its SHA-256 is stored, sessions
// slide forward while used and can be revoked by deleting rows.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, ne, sql } from "drizzle-orm";
import { sessions, users, type User } from "#db/schema";
import { memoryCache } from "~/platform/cache.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { clearCookie, requestCookie, SESSION_COOKIE, setCookie } from "~/platform/cookies.server";

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 30 * DAY;

// honorLevel rides along because privileges (app/features/honors/rules/privileges.ts) are checked on most pages.
export type SessionUser = Pick<User, "id" | "username" | "displayName" | "role" | "locale" | "createdAt" | "honorLevel">;

// The member a session (or an API token) stands for, as a select of the users table.
export const sessionUserColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  locale: users.locale,
  createdAt: users.createdAt,
  honorLevel: users.honorLevel,
};

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

// Exported for tests that write sessions straight into a database (tests/sessions.ts).
export function sessionIdFor(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function createSession(userId: number, now = Date.now()) {
  const token = generateSessionToken();
  const expiresAt = new Date(now + SESSION_LIFETIME);
  getDb().insert(sessions).values({ id: sessionIdFor(token), userId, expiresAt, createdAt: new Date(now) }).run();
  return { token, expiresAt };
}

// Run for every page a member opens.
const sessionById = preparedQuery((db) =>
  db
    .select({ expiresAt: sessions.expiresAt, user: sessionUserColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .prepare(),
);

// Sessions read since the database last changed, apart from the lists: one per member.
const recentSessions = memoryCache(5_000);

// Returns the user of a valid token; expired sessions are deleted, and a session in the
// second half of its life is extended so that active members stay logged in.
export function validateSessionToken(token: string, now = Date.now()) {
  const db = getDb();
  const id = sessionIdFor(token);
  // Read again only once the database changed (a logout in any worker changes it): between
  // writes, a member's pages are read from memory like the lists they show.
  const row = recentSessions(id, () => sessionById().get({ id }) ?? null);
  if (!row) return null;
  if (now >= row.expiresAt.getTime()) {
    db.delete(sessions).where(eq(sessions.id, id)).run();
    return null;
  }
  let expiresAt = row.expiresAt;
  if (now >= expiresAt.getTime() - SESSION_LIFETIME / 2) {
    expiresAt = new Date(now + SESSION_LIFETIME);
    db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id)).run();
  }
  return { user: row.user as SessionUser, expiresAt, refreshed: expiresAt !== row.expiresAt };
}

export function invalidateSession(token: string) {
  getDb().delete(sessions).where(eq(sessions.id, sessionIdFor(token))).run();
}

// "Log out everywhere else": every session of the member but the one making the request.
export function invalidateOtherSessions(userId: number, keepToken: string) {
  getDb()
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, sessionIdFor(keepToken))))
    .run();
}

export function invalidateAllSessions(userId: number) {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function readSessionToken(request: Request): string | null {
  return requestCookie(request, SESSION_COOKIE);
}

export function sessionCookie(token: string, expiresAt: Date): string {
  return setCookie(SESSION_COOKIE, token, { expires: expiresAt });
}

export function blankSessionCookie(): string {
  return clearCookie(SESSION_COOKIE);
}
