// The benchmark's data set (scripts/seed/seed-large.ts) at its small size: the same shapes as the large
// one, and the same invariants the app keeps (counters equal their rows, the search index is
// what its triggers would have built, and the triggers work again afterwards).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "../../db/client";
import { SUGGESTION_STATUSES } from "../../db/schema";
import { DEMO_ACCOUNTS } from "../../scripts/seed/seed";
import { seedLarge, type LargeSeedSummary } from "../../scripts/seed/seed-large";

const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-seed-large-"));

let db: Db;
let summary: LargeSeedSummary;
const value = (query: string, ...params: unknown[]) => db.$client.prepare(query).pluck().get(...params) as number;

beforeAll(async () => {
  db = openDatabase(path.join(tmpDir, "small.db"));
  migrateDatabase(db);
  summary = await seedLarge(db, { size: "small", now: NOW });
}, 60_000);

afterAll(() => {
  db.$client.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

describe("the small data set", () => {
  test("has 1/100 of the large forum, the demo logins, and every status", () => {
    expect(summary).toMatchObject({ members: 500, suggestions: 1_000, votes: 10_000, comments: 3_000, invitations: 200 });
    for (const account of DEMO_ACCOUNTS) expect(value("select count(*) from users where username = ? and role = ?", account.username, account.role)).toBe(1);
    for (const status of SUGGESTION_STATUSES) expect(value("select count(*) from suggestions where status = ?", status)).toBeGreaterThan(0);
    for (const table of ["releases", "ratings", "badge_grants", "activity_days", "status_changes"]) expect(value(`select count(*) from ${table}`)).toBeGreaterThan(0);
    expect(value("select count(*) from suggestions where title glob '*[一-龥]*'")).toBeGreaterThan(100);
  });

  test("popularity is skewed: a few suggestions get most votes, most stay quiet", () => {
    const counts = db.$client.prepare("select vote_count from suggestions order by vote_count").pluck().all() as number[];
    const median = counts[Math.floor(counts.length / 2)];
    expect(median).toBeLessThanOrEqual(5);
    expect(counts.at(-1)!).toBeGreaterThan(50 * median);
  });

  test("counters equal their rows, and votes fall within each suggestion's voting time", () => {
    expect(value("select count(*) from suggestions s where vote_count != (select count(*) from votes where suggestion_id = s.id)")).toBe(0);
    expect(value("select count(*) from suggestions s where comment_count != (select count(*) from comments where suggestion_id = s.id)")).toBe(0);
    const generated = summary.firstSuggestionId;
    const votesOutside = `
      select count(*) from votes v join suggestions s on s.id = v.suggestion_id join users u on u.id = v.user_id
      where s.id >= ? and (v.created_at < s.created_at or v.created_at < u.created_at
        or (s.status in ('shipped', 'declined', 'duplicate') and v.created_at > (select max(created_at) from status_changes c where c.suggestion_id = s.id)))`;
    expect(value(votesOutside, generated)).toBe(0);
  });

  test("the search index holds what its triggers would have written, and the triggers are back", () => {
    expect(value("select count(*) from suggestion_search")).toBe(value("select count(*) from suggestions"));
    const mismatched = value(`
      select count(*) from suggestions s join suggestion_search f on f.rowid = s.id
      where f.title != s.title or f.body != s.body
         or f.comments != coalesce((select char(10) || group_concat(body, char(10) order by id) from comments where suggestion_id = s.id), '')`);
    expect(mismatched).toBe(0);
    expect(value("select count(*) from suggestion_search where suggestion_search match '\"夜间模式\"'")).toBeGreaterThan(0);

    const id = value("select id from suggestions order by id desc limit 1");
    const author = value("select id from users where username = 'fan'");
    db.$client.prepare("insert into comments (suggestion_id, author_id, body) values (?, ?, 'xylophone fan club')").run(id, author);
    expect(value("select rowid from suggestion_search where suggestion_search match 'xylophone'")).toBe(id);
  });

  test("ends in WAL mode with statistics for the query planner", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(value("select count(*) from sqlite_stat1")).toBeGreaterThan(0);
  });
});
