// How long the staff queue takes with 10,000 suggestions waiting for an answer. Builds the data
// set in a fresh database (or reuses it), then times the queue's loader (every query the page
// makes: counts, the page of rows, complaints, the staff member's alerts) in-process. It is a
// measurement, not a test: nothing asserts a timing.
//
//   node --import tsx scripts/staff-queue-timing.ts [--db /tmp/queue-10k.db] [--waiting 10000] [--runs 30]
import fs from "node:fs";
import { parseArgs } from "node:util";

const { values: flags } = parseArgs({
  options: { db: { type: "string", default: "/tmp/queue-10k.db" }, waiting: { type: "string", default: "10000" }, runs: { type: "string", default: "30" } },
});
const file = flags.db!;
const waiting = Number(flags.waiting);
const fresh = !fs.existsSync(file);
process.env.DATABASE_URL = file;

const { migrateDatabase, openDatabase } = await import("../db/client");
const db = openDatabase(file);
migrateDatabase(db);
const sqlite = db.$client;
if (fresh) {
  const now = Date.now();
  sqlite.transaction(() => {
    const user = sqlite.prepare("insert into users (username, display_name, email, password_hash, role, created_at) values (?, ?, ?, 'x', ?, ?)");
    user.run("queue_staff", "Queue Staff", "queue_staff@example.com", "staff", now);
    for (let i = 0; i < 2000; i++) user.run(`fan${i}`, `Fan ${i}`, `fan${i}@example.com`, "member", now);
    const board = sqlite.prepare("insert into boards (slug, name_en, name_zh, position, created_at) values (?, ?, ?, ?, ?)");
    for (let b = 0; b < 8; b++) board.run(`board-${b}`, `Board ${b}`, `版块 ${b}`, b, now);
    const post = sqlite.prepare(
      "insert into suggestions (board_id, author_id, title, body, status, vote_count, first_official_reply_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    // The waiting ones, spread over the last 60 days, and as many already answered.
    for (let i = 0; i < waiting * 2; i++) {
      const createdAt = now - Math.floor((i / (waiting * 2)) * 60 * 86_400_000);
      const answered = i % 2 === 1;
      post.run(1 + (i % 8), 2 + (i % 2000), `Suggestion number ${i} about the camera and 相机 ${i}`, "Some words about it.", answered ? "planned" : "open", i % 50, answered ? createdAt + 3_600_000 : null, createdAt);
    }
  })();
}
const counts = sqlite.prepare("select count(*) as n from suggestions where first_official_reply_at is null and status = 'open'").get() as { n: number };

const { createSession } = await import("../app/features/accounts/sessions.server");
const { loader } = await import("../app/routes/staff");
const staff = sqlite.prepare("select id from users where username = 'queue_staff'").get() as { id: number };
const cookie = `sprout_session=${createSession(staff.id).token}`;
const time = (path: string) => {
  const started = performance.now();
  loader({ request: new Request(`http://localhost${path}`, { headers: { Cookie: cookie } }), params: {}, context: {} } as never);
  return performance.now() - started;
};
const runs = Number(flags.runs);
const measure = (path: string) => {
  time(path); // warm the statement cache
  const all = Array.from({ length: runs }, () => time(path)).sort((a, b) => a - b);
  return { path, medianMs: Number(all[Math.floor(runs / 2)]!.toFixed(1)), p90Ms: Number(all[Math.floor(runs * 0.9)]!.toFixed(1)), maxMs: Number(all.at(-1)!.toFixed(1)) };
};
const results = ["/staff", "/staff?page=100", "/staff?board=board-3", "/staff?status=open&page=50"].map(measure);
console.log(`staff queue loader with ${counts.n} suggestions waiting (${runs} runs each):`);
for (const r of results) console.log(`  ${r.path.padEnd(28)} median ${r.medianMs} ms, p90 ${r.p90Ms} ms, max ${r.maxMs} ms`);
console.log(JSON.stringify({ waiting: counts.n, results }));
