import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { sessions } from "#db/schema";
import { openDatabase } from "#db/client";
import { getDb } from "~/platform/db.server";
import { SESSION_LIFETIME, createSession, invalidateAllSessions, invalidateSession, validateSessionToken } from "~/features/accounts/sessions.server";
import { createMember } from "../factories";

const NOW = Date.UTC(2025, 0, 1);

function storedSessions(userId: number) {
  return getDb().select().from(sessions).where(eq(sessions.userId, userId)).all();
}

describe("sessions", () => {
  test("a new session's token identifies its member", async () => {
    const member = await createMember();
    const { token, expiresAt } = createSession(member.id, NOW);
    expect(expiresAt.getTime()).toBe(NOW + SESSION_LIFETIME);
    const session = validateSessionToken(token, NOW + 1000);
    expect(session?.user).toMatchObject({ id: member.id, username: member.username, role: "member" });
    expect(session?.refreshed).toBe(false);
  });

  test("only a hash of the token is stored", async () => {
    const member = await createMember();
    const { token } = createSession(member.id, NOW);
    const [row] = storedSessions(member.id);
    expect(row.id).not.toBe(token);
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  test("an unknown token has no session", () => {
    expect(validateSessionToken("not-a-real-token", NOW)).toBeNull();
  });

  test("an expired session is refused and deleted", async () => {
    const member = await createMember();
    const { token, expiresAt } = createSession(member.id, NOW);
    expect(validateSessionToken(token, expiresAt.getTime())).toBeNull();
    expect(storedSessions(member.id)).toEqual([]);
  });

  test("a session used in the first half of its life keeps its expiry", async () => {
    const member = await createMember();
    const { token, expiresAt } = createSession(member.id, NOW);
    const session = validateSessionToken(token, NOW + SESSION_LIFETIME / 2 - 1000);
    expect(session?.expiresAt).toEqual(expiresAt);
    expect(session?.refreshed).toBe(false);
  });

  test("a session used in the second half of its life slides forward", async () => {
    const member = await createMember();
    const { token } = createSession(member.id, NOW);
    const usedAt = NOW + SESSION_LIFETIME / 2 + 1000;
    const session = validateSessionToken(token, usedAt);
    expect(session?.refreshed).toBe(true);
    expect(session?.expiresAt.getTime()).toBe(usedAt + SESSION_LIFETIME);
    expect(storedSessions(member.id)[0].expiresAt.getTime()).toBe(usedAt + SESSION_LIFETIME);
    // Still valid past the original expiry.
    expect(validateSessionToken(token, NOW + SESSION_LIFETIME + 1000)?.user.id).toBe(member.id);
  });

  test("an invalidated session no longer validates, and other sessions stay", async () => {
    const member = await createMember();
    const loggedOut = createSession(member.id, NOW);
    const elsewhere = createSession(member.id, NOW);
    invalidateSession(loggedOut.token);
    expect(validateSessionToken(loggedOut.token, NOW)).toBeNull();
    expect(validateSessionToken(elsewhere.token, NOW)?.user.id).toBe(member.id);
  });

  // Sessions are read from memory between writes (app/platform/cache.server.ts): a logout, a
  // change of role, in this worker or another, must count from the next request on.
  test("a session validated a moment ago is refused once logged out, here or in another worker", async () => {
    const member = await createMember();
    const here = createSession(member.id, NOW);
    const there = createSession(member.id, NOW);
    for (const { token } of [here, there]) expect(validateSessionToken(token, NOW)?.user.id).toBe(member.id);
    invalidateSession(here.token);
    expect(validateSessionToken(here.token, NOW)).toBeNull();
    const otherWorker = openDatabase(process.env.DATABASE_URL!).$client;
    try {
      expect(validateSessionToken(there.token, NOW)?.user.role).toBe("member");
      otherWorker.prepare("update users set role = 'staff' where id = ?").run(member.id);
      expect(validateSessionToken(there.token, NOW)?.user.role).toBe("staff");
      otherWorker.prepare("delete from sessions where user_id = ?").run(member.id);
      expect(validateSessionToken(there.token, NOW)).toBeNull();
    } finally {
      otherWorker.close();
    }
  });

  test("invalidating all of a member's sessions leaves other members logged in", async () => {
    const member = await createMember();
    const other = await createMember();
    const mine = [createSession(member.id, NOW), createSession(member.id, NOW)];
    const theirs = createSession(other.id, NOW);
    invalidateAllSessions(member.id);
    for (const { token } of mine) expect(validateSessionToken(token, NOW)).toBeNull();
    expect(validateSessionToken(theirs.token, NOW)?.user.id).toBe(other.id);
  });
});
