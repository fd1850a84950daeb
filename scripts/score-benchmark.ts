// Measures `npm run score` at scale: builds a synthetic forum of 50,000 members and about a
// million events (votes, comments, ratings, active days, status changes) in a temporary
// database, then times the full weekly recomputation (community, boards, every member).
// Run: node --import tsx scripts/score-benchmark.ts [members]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const MEMBERS = Number(process.argv[2] ?? 50_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-score-bench-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");

const { getDb } = await import("../app/platform/db.server");
const { migrateDatabase } = await import("../db/client");
const { recomputeScores } = await import("../app/features/scoring/snapshots.server");

const DAY = 24 * 3_600_000;
const now = Date.now();
// mulberry32: a small, well-mixed deterministic generator.
let seed = 42;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = (n: number) => Math.floor(random() * n);

const db = getDb();
migrateDatabase(db);
const sqlite = db.$client;
const built = performance.now();
sqlite.transaction(() => {
  const boards = 8;
  for (let b = 1; b <= boards; b++) sqlite.prepare("insert into boards (slug, name_en, name_zh) values (?, ?, ?)").run(`b${b}`, `Board ${b}`, `版块 ${b}`);
  const user = sqlite.prepare("insert into users (username, display_name, email, password_hash, role, honor_level, created_at) values (?, ?, ?, 'x', ?, ?, ?)");
  user.run("staff", "Staff", "staff@example.com", "staff", 0, now - 400 * DAY);
  for (let i = 0; i < MEMBERS; i++) user.run(`m${i}`, `Member ${i}`, `m${i}@example.com`, "member", random() < 0.1 ? 1 : 0, now - pick(400) * DAY);
  const userId = () => 2 + pick(MEMBERS);
  const statuses = ["open", "open", "under_review", "planned", "in_progress", "shipped", "declined", "duplicate"];
  const suggestion = sqlite.prepare(
    "insert into suggestions (board_id, author_id, title, body, status, created_at, first_official_reply_at) values (?, ?, 't', 'b', ?, ?, ?)",
  );
  const change = sqlite.prepare("insert into status_changes (suggestion_id, actor_id, from_status, to_status, created_at) values (?, 1, 'open', ?, ?)");
  const SUGGESTIONS = MEMBERS * 2;
  for (let s = 1; s <= SUGGESTIONS; s++) {
    const created = now - pick(365) * DAY;
    const status = statuses[pick(statuses.length)];
    suggestion.run(1 + pick(boards), userId(), status, created, random() < 0.8 ? created + pick(72) * 3_600_000 : null);
    if (status !== "open") change.run(s, status, created + DAY);
  }
  const vote = sqlite.prepare("insert or ignore into votes (suggestion_id, user_id, created_at) values (?, ?, ?)");
  for (let i = 0; i < MEMBERS * 10; i++) vote.run(1 + pick(SUGGESTIONS), userId(), now - pick(365) * DAY);
  const comment = sqlite.prepare("insert into comments (suggestion_id, author_id, body, created_at) values (?, ?, 'c', ?)");
  for (let i = 0; i < MEMBERS * 2; i++) comment.run(1 + pick(SUGGESTIONS), userId(), now - pick(365) * DAY);
  const rating = sqlite.prepare("insert or ignore into ratings (suggestion_id, user_id, score, created_at) values (?, ?, ?, ?)");
  for (let i = 0; i < MEMBERS; i++) rating.run(1 + pick(SUGGESTIONS), userId(), 1 + pick(5), now - pick(365) * DAY);
  const day = sqlite.prepare("insert or ignore into activity_days (user_id, day) values (?, ?)");
  for (let i = 0; i < MEMBERS * 6; i++) day.run(userId(), new Date(now - pick(120) * DAY).toISOString().slice(0, 10));
})();
const events = ["suggestions", "votes", "comments", "ratings", "activity_days", "status_changes"]
  .map((t) => sqlite.prepare(`select count(*) from ${t}`).pluck().get() as number)
  .reduce((a, b) => a + b, 0);
console.log(`Built ${MEMBERS} members and ${events} events in ${Math.round(performance.now() - built)} ms.`);

const started = performance.now();
let last = started;
const { snapshots } = recomputeScores(new Date(now), {
  onProgress: ({ phase, done, total }) => {
    if (done !== total) return;
    console.log(`  ${phase}: ${total} in ${Math.round(performance.now() - last)} ms`);
    last = performance.now();
  },
});
console.log(`Recomputed and stored ${snapshots} snapshots in ${Math.round(performance.now() - started)} ms.`);
// How finely members' own loyalty separates them (issue #15: the first formula gave 11 values).
const spread = sqlite
  .prepare("select count(distinct loyalty) as distinctValues, min(loyalty) as low, max(loyalty) as high from score_snapshots where scope = 'member'")
  .get() as { distinctValues: number; low: number; high: number };
console.log(`Member loyalty: ${spread.distinctValues} distinct values, from ${spread.low} to ${spread.high}.`);
if (process.env.KEEP_BENCH_DB) console.log(`Kept ${process.env.DATABASE_URL}`);
else fs.rmSync(dir, { recursive: true, force: true });
