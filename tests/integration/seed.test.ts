// The demo data a newcomer sees on first start, and the scripts that create it: seeded into
// fresh temporary databases, migrated the way production is.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrateDatabase, openDatabase, type Db } from "../../db/client";
import { SUGGESTION_STATUSES, type SuggestionStatus } from "../../db/schema";
import { DEMO_ACCOUNTS, seedDemoData } from "../../scripts/seed/seed";
import { canMergeFrom, isDecision, transitionError } from "~/features/lifecycle/lifecycle";
import { verifyPassword } from "~/features/accounts/passwords.server";

const NOW = new Date(Date.UTC(2026, 0, 15, 12));
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-seed-"));

function freshDatabase(name: string): Db {
  const db = openDatabase(path.join(tmpDir, name));
  migrateDatabase(db);
  return db;
}

let db: Db;
const rows = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];
const value = (query: string) => db.$client.prepare(query).pluck().get() as number;

beforeAll(async () => {
  db = freshDatabase("demo.db");
  await seedDemoData(db, { now: NOW });
}, 30_000);

afterAll(() => {
  db.$client.close();
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

describe("demo data", () => {
  test("has one product's boards, tags and at least 40 suggestions in every status", () => {
    expect(value("select count(*) from boards")).toBeGreaterThanOrEqual(3);
    expect(value("select count(*) from boards where name_zh = '' or description_en = '' or description_zh = ''")).toBe(0);
    expect(value("select count(*) from tags")).toBeGreaterThanOrEqual(10);
    expect(value("select count(*) from suggestions")).toBeGreaterThanOrEqual(40);
    const statuses = rows<{ status: string }>("select distinct status from suggestions").map((r) => r.status);
    expect(statuses.sort()).toEqual([...SUGGESTION_STATUSES].sort());
    expect(value("select count(*) from suggestions where id = 1")).toBe(1);
  });

  test("titles fit the form's limits and roughly a third are in Chinese", () => {
    const titles = rows<{ title: string }>("select title from suggestions").map((r) => r.title);
    for (const title of titles) expect([...title].length).toBeGreaterThanOrEqual(8);
    for (const title of titles) expect([...title].length).toBeLessThanOrEqual(140);
    const chinese = titles.filter((title) => /\p{Script=Han}/u.test(title)).length;
    expect(chinese / titles.length).toBeGreaterThan(0.25);
    expect(chinese / titles.length).toBeLessThan(0.45);
  });

  test("vote and comment counters equal their rows, and every author votes for their own suggestion", () => {
    const mismatched = rows(`
      select s.id from suggestions s
      where s.vote_count <> (select count(*) from votes v where v.suggestion_id = s.id)
         or s.comment_count <> (select count(*) from comments c where c.suggestion_id = s.id)`);
    expect(mismatched).toEqual([]);
    expect(value("select count(*) from suggestions s where not exists (select 1 from votes v where v.suggestion_id = s.id and v.user_id = s.author_id)")).toBe(0);
    // Skewed like a real forum: a few favourites, many quiet ones.
    const counts = rows<{ vote_count: number }>("select vote_count from suggestions order by vote_count desc").map((r) => r.vote_count);
    expect(counts[0]).toBeGreaterThanOrEqual(20);
    expect(counts.filter((n) => n <= 5).length).toBeGreaterThanOrEqual(counts.length / 4);
  });

  test("no vote arrives after voting closed", () => {
    const late = rows(`
      select s.id from suggestions s join votes v on v.suggestion_id = s.id
      where s.status in ('shipped', 'declined', 'duplicate')
        and v.created_at > (select max(created_at) from status_changes c where c.suggestion_id = s.id)`);
    expect(late).toEqual([]);
  });

  test("official replies come from staff and first_official_reply_at is the first of them", () => {
    expect(value("select count(*) from comments where is_official")).toBeGreaterThan(20);
    expect(value("select count(*) from comments c join users u on u.id = c.author_id where c.is_official and u.role = 'member'")).toBe(0);
    expect(
      value(`select count(*) from suggestions s where first_official_reply_at is not
               (select min(created_at) from comments c where c.suggestion_id = s.id and c.is_official)`),
    ).toBe(0);
    expect(value("select count(*) from comments where parent_id is not null")).toBeGreaterThan(0);
    expect(value("select count(*) from comments c join comments p on p.id = c.parent_id where p.suggestion_id <> c.suggestion_id or p.created_at > c.created_at")).toBe(0);
  });

  test("every status change follows the app's lifecycle rules, after posting, by staff", () => {
    const suggestions = rows<{ id: number; status: SuggestionStatus; created_at: number; first_decision_at: number | null }>(
      "select id, status, created_at, first_decision_at from suggestions",
    );
    for (const suggestion of suggestions) {
      const changes = rows<{ from_status: SuggestionStatus; to_status: SuggestionStatus; created_at: number; note: string; role: string }>(
        `select c.from_status, c.to_status, c.created_at, c.note, u.role from status_changes c join users u on u.id = c.actor_id
         where suggestion_id = ? order by c.created_at, c.id`,
        suggestion.id,
      );
      let status: SuggestionStatus = "open";
      let time = suggestion.created_at;
      for (const change of changes) {
        expect(change.from_status).toBe(status);
        // Duplicates are entered only by a merge; everything else as staff would change it.
        if (change.to_status === "duplicate") expect(canMergeFrom(status)).toBe(true);
        else expect(transitionError(status, change.to_status, change.note)).toBeNull();
        expect(change.created_at).toBeGreaterThan(time);
        expect(change.role).toBe("staff");
        status = change.to_status;
        time = change.created_at;
      }
      expect(status).toBe(suggestion.status);
      expect(suggestion.first_decision_at).toBe(changes.find((c) => isDecision(c.to_status))?.created_at ?? null);
    }
  });

  test("duplicates are merged like the app merges: votes and credit move to an earlier target", () => {
    const duplicates = rows<{ id: number; author_id: number; duplicate_of_id: number; created_at: number; target_created_at: number; target_author_id: number }>(`
      select d.id, d.author_id, d.duplicate_of_id, d.created_at, t.created_at target_created_at, t.author_id target_author_id
      from suggestions d join suggestions t on t.id = d.duplicate_of_id where d.status = 'duplicate'`);
    expect(duplicates.length).toBe(value("select count(*) from suggestions where status = 'duplicate'"));
    for (const duplicate of duplicates) {
      expect(duplicate.target_created_at).toBeLessThan(duplicate.created_at);
      const merge = db.$client.prepare("select target_id, moved_voter_ids, credited_user_ids from merges where source_id = ?").get(duplicate.id) as {
        target_id: number;
        moved_voter_ids: string;
        credited_user_ids: string;
      };
      expect(merge.target_id).toBe(duplicate.duplicate_of_id);
      const voterIds = (id: number) => rows<{ user_id: number }>("select user_id from votes where suggestion_id = ?", id).map((r) => r.user_id);
      expect(voterIds(duplicate.duplicate_of_id)).toEqual(expect.arrayContaining(voterIds(duplicate.id)));
      for (const userId of JSON.parse(merge.moved_voter_ids) as number[]) expect(voterIds(duplicate.duplicate_of_id)).toContain(userId);
      if (duplicate.author_id !== duplicate.target_author_id) {
        expect(value(`select count(*) from suggestion_credits where suggestion_id = ${duplicate.duplicate_of_id} and user_id = ${duplicate.author_id}`)).toBe(1);
      }
    }
  });

  test("shipped suggestions carry their ship time and release, and are rated only by those who asked for them", () => {
    expect(value("select count(*) from releases")).toBeGreaterThan(0);
    const shipped = rows<{ id: number; shipped_at: number | null; shipped_change: number }>(`
      select s.id, s.shipped_at, (select created_at from status_changes c where c.suggestion_id = s.id and to_status = 'shipped') shipped_change
      from suggestions s where s.status = 'shipped'`);
    for (const suggestion of shipped) expect(suggestion.shipped_at).toBe(suggestion.shipped_change);
    expect(value("select count(*) from suggestions where status <> 'shipped' and (shipped_at is not null or release_id is not null)")).toBe(0);
    expect(value("select count(*) from ratings")).toBeGreaterThan(0);
    expect(value("select count(*) from ratings where score not between 1 and 5")).toBe(0);
    expect(
      value(`select count(*) from ratings r join suggestions s on s.id = r.suggestion_id
             where s.status <> 'shipped' or r.created_at < s.shipped_at
                or not (exists (select 1 from votes v where v.suggestion_id = r.suggestion_id and v.user_id = r.user_id)
                        or exists (select 1 from suggestion_credits c where c.suggestion_id = r.suggestion_id and c.user_id = r.user_id))`),
    ).toBe(0);
  });

  test("has a demo account for each role whose printed password works", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = db.$client.prepare("select role, password_hash from users where username = ?").get(account.username) as
        | { role: string; password_hash: string }
        | undefined;
      expect(user?.role).toBe(account.role);
      expect(await verifyPassword(account.password, user!.password_hash)).toBe(true);
    }
    expect(DEMO_ACCOUNTS.map((account) => account.role).sort()).toEqual(["admin", "lead", "member", "staff"]);
    expect(value("select count(*) from users where role = 'staff'")).toBeGreaterThanOrEqual(2);
    expect(value("select count(*) from users where role = 'member'")).toBeGreaterThanOrEqual(30);
  });

  test("full-text search finds English and Chinese suggestions", () => {
    const titleOf = (id: number) => db.$client.prepare("select title from suggestions where id = ?").pluck().get(id) as string;
    const dark = rows<{ rowid: number }>(`select rowid from suggestion_search where suggestion_search match '"dark"'`);
    expect(dark.length).toBeGreaterThan(0);
    expect(dark.some((r) => !/\p{Script=Han}/u.test(titleOf(r.rowid)))).toBe(true);
    const nightMode = rows<{ rowid: number }>(`select rowid from suggestion_search where suggestion_search match '"夜间模式"'`);
    expect(nightMode.length).toBeGreaterThan(0);
    // Two characters are shorter than a trigram, so MATCH can't find them; LIKE can.
    const camera = rows<{ rowid: number }>(`select rowid from suggestion_search where title like '%相机%' or body like '%相机%'`);
    expect(camera.length).toBeGreaterThan(0);
  });

  test("is deterministic: two fresh databases get the same community", async () => {
    const other = freshDatabase("again.db");
    try {
      await seedDemoData(other, { now: NOW });
      const snapshot = (database: Db) =>
        database.$client
          .prepare("select id, title, status, author_id, vote_count, comment_count, created_at from suggestions order by id")
          .all();
      expect(snapshot(other)).toEqual(snapshot(db));
    } finally {
      other.$client.close();
    }
  }, 30_000);
});

describe("scripts", () => {
  const run = (script: string, args: string[], databaseFile: string) =>
    spawnSync(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: path.resolve("."),
      env: { ...process.env, DATABASE_URL: databaseFile },
      encoding: "utf8",
    });

  test("prepare-database seeds an empty database once and prints the demo logins", () => {
    const file = path.join(tmpDir, "prepared.db");
    const first = run("scripts/prepare-database.ts", [], file);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("added demo data");
    for (const account of DEMO_ACCOUNTS) expect(first.stdout).toContain(account.password);
    expect(first.stdout).toContain("http://localhost:");

    const second = run("scripts/prepare-database.ts", [], file);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toContain("added demo data");
    const check = openDatabase(file);
    try {
      expect(check.$client.prepare("select count(*) from users where username = 'fan'").pluck().get()).toBe(1);
    } finally {
      check.$client.close();
    }
  }, 30_000);

  test("create-user creates an admin and refuses bad input or a taken name", () => {
    const file = path.join(tmpDir, "users.db");
    const created = run(
      "scripts/create-user.ts",
      ["--username", "root_admin", "--email", "root@example.com", "--password", "correct horse", "--role", "admin", "--display-name", "Root"],
      file,
    );
    expect(created.status, created.stderr).toBe(0);
    const check = openDatabase(file);
    try {
      expect(check.$client.prepare("select role, display_name from users where username = 'root_admin'").get()).toEqual({
        role: "admin",
        display_name: "Root",
      });
    } finally {
      check.$client.close();
    }

    const taken = run("scripts/create-user.ts", ["--username", "ROOT_admin", "--email", "other@example.com", "--password", "correct horse"], file);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain("already taken");

    const invalid = run("scripts/create-user.ts", ["--username", "x", "--email", "nope", "--password", "short", "--role", "king"], file);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("--username must be 3 to 30 characters");
    expect(invalid.stderr).toContain("--email is not a valid address");
    expect(invalid.stderr).toContain("--password must be 8 to 128 characters");
    expect(invalid.stderr).toContain("--role must be one of");
  }, 30_000);
});
