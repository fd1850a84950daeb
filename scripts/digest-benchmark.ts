// How long one week's digest run takes for many members: a fresh database with MEMBERS
// members (default 50,000) who each voted for a few of the week's 200 new suggestions, 20
// shipped and 50 officially answered; then sendWeeklyDigests() without SMTP_URL (every
// email is composed and recorded as not_sent; delivery time is the mail server's).
// Usage: node --import tsx scripts/digest-benchmark.ts [members]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../db/client";

const members = Number(process.argv[2] ?? 50_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-digest-bench-"));
const file = path.join(dir, "bench.db");
process.env.DATABASE_URL = file;
delete process.env.SMTP_URL;

const NOW = new Date("2030-12-09T09:00:00Z");
const inWeek = Date.parse("2030-12-04T12:00:00Z");
const db = openDatabase(file);
migrateDatabase(db);
const sqlite = db.$client;
const built = performance.now();
sqlite.exec("insert into boards (slug, name_en, name_zh, visibility) values ('bench', 'Bench', '测试', 'public')");
const boardId = Number(sqlite.prepare("select id from boards where slug = 'bench'").pluck().get());
sqlite.transaction(() => {
  const user = sqlite.prepare("insert into users (username, display_name, email, password_hash, locale, honor_points) values (?, ?, ?, '!', ?, ?)");
  for (let i = 1; i <= members; i++) user.run(`m${i}`, `Member ${i}`, `m${i}@example.com`, i % 3 === 0 ? "zh" : "en", i % 300);
  const suggestion = sqlite.prepare("insert into suggestions (board_id, author_id, title, body, status, shipped_at, vote_count, created_at) values (?, ?, ?, 'Body', ?, ?, 0, ?)");
  for (let s = 1; s <= 200; s++) suggestion.run(boardId, s, `Idea number ${s}`, s <= 20 ? "shipped" : "open", s <= 20 ? inWeek : null, inWeek);
  const comment = sqlite.prepare("insert into comments (suggestion_id, author_id, body, is_official, created_at) values (?, 1, 'Official answer', 1, ?)");
  for (let s = 21; s <= 70; s++) comment.run(s, inWeek);
  const vote = sqlite.prepare("insert or ignore into votes (suggestion_id, user_id, created_at) values (?, ?, ?)");
  for (let i = 1; i <= members; i++) for (let k = 0; k < 3; k++) vote.run(1 + ((i * 7 + k * 13) % 200), i, inWeek);
  sqlite.exec("update suggestions set vote_count = (select count(*) from votes v where v.suggestion_id = suggestions.id)");
})();
sqlite.close();
console.log(`Built ${members} members, 200 suggestions, ~${members * 3} votes in ${Math.round(performance.now() - built)} ms.`);

const { sendWeeklyDigests } = await import("~/features/digest/digest.server");
const started = performance.now();
const run = await sendWeeklyDigests(NOW);
const ms = performance.now() - started;
console.log(`Digest for ${run.claimed} members: ${run.notSent} composed and recorded, ${run.nothingNew} with nothing new, in ${(ms / 1000).toFixed(1)} s (${(ms / Math.max(1, run.claimed)).toFixed(2)} ms per member).`);
fs.rmSync(dir, { recursive: true, force: true });
