import Database from "better-sqlite3";
const { createSession } = await import("~/features/accounts/sessions.server");
const db = new Database(process.env.DATABASE_URL!);
const u = db.prepare(`select id from users where role = 'member' and deleted_at is null order by id limit 1 offset 100`).get() as { id: number };
console.log(`sprout_session=${createSession(u.id).token}`);
