// The one way tests outside the app's process create a logged-in member: a session row
// written straight into the server's database, hashed exactly as app/features/accounts/sessions.server.ts
// hashes it, and the Cookie header that carries its token. Faster than logging in over
// HTTP (no scrypt), for the browser suite's fixtures and the stress test's 200 clients.
import type Database from "better-sqlite3";
import { generateSessionToken, sessionIdFor } from "~/features/accounts/sessions.server";

const DAY = 24 * 60 * 60 * 1000;

export type TestSession = { token: string; cookie: string };

export function insertTestSession(db: Database.Database, userId: number, options: { createdAt?: number; expiresAt?: number } = {}): TestSession {
  const token = generateSessionToken();
  const createdAt = options.createdAt ?? Date.now();
  db.prepare("insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)").run(
    sessionIdFor(token),
    userId,
    options.expiresAt ?? Date.now() + DAY,
    createdAt,
  );
  return { token, cookie: `sprout_session=${token}` };
}
