// Durability under load, against the real production server (its worker processes share
// the SQLite file): what was acknowledged is stored, a SIGKILL loses nothing acknowledged,
// and an online backup taken during load restores into a working forum. All traffic goes to
// loopback; every loop is bounded in time and count.
import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { insertTestSession } from "../sessions";
import { prepareDatabase, startServer, type RunningServer } from "./server";

const CLIENTS = 200;
const LOAD_MS = Number(process.env.STRESS_SECONDS ?? 10) * 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-stress-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Client = { userId: number; cookie: string };

// Members and their sessions written straight into the database (the Lucia-guide session
// id is the SHA-256 of the token), so the load starts at once instead of after 200 scrypts.
// At honor level 3, set by hand as an admin would so that no re-evaluation lowers it: 80 votes
// a day. A client can add up to 20 votes in a run, and a newcomer's budget of 10 is refused
// (429, rightly) once the server is fast enough for a client to get that far; budgets are
// tested elsewhere, durability here.
function createClients(databaseUrl: string, count: number, tag: string): Client[] {
  const db = new Database(databaseUrl);
  const insertUser = db.prepare(
    "insert into users (username, display_name, email, password_hash, created_at, honor_level, honor_level_manual) values (?, ?, ?, '!', ?, 3, 3) returning id",
  );
  const now = Date.now() - 2 * 24 * 60 * 60 * 1000;
  const clients = db.transaction(() =>
    Array.from({ length: count }, (_, i) => {
      const name = `load_${tag}_${i}`;
      const { id } = insertUser.get(name, name, `${name}@example.com`, now) as { id: number };
      return { userId: id, cookie: insertTestSession(db, id, { createdAt: now }).cookie };
    }),
  )();
  db.close();
  return clients;
}

function openSuggestionIds(databaseUrl: string): number[] {
  const db = new Database(databaseUrl, { readonly: true });
  const rows = db.prepare("select s.id from suggestions s join boards b on b.id = s.board_id where s.status in ('open','under_review','planned','in_progress') and b.visibility = 'public'").all() as { id: number }[];
  db.close();
  return rows.map((r) => r.id);
}

function boardSlug(databaseUrl: string): string {
  const db = new Database(databaseUrl, { readonly: true });
  const { slug } = db.prepare("select slug from boards where visibility = 'public' order by id limit 1").get() as { slug: string };
  db.close();
  return slug;
}

type Ledger = {
  votes: Map<string, boolean>; // "user:suggestion" -> last acknowledged state
  // Pairs whose latest request got no answer (a crash): stored or not, either is correct.
  uncertain: Set<string>;
  comments: Set<string>; // markers of acknowledged comments
  suggestions: Set<string>; // markers of acknowledged suggestions
  sent: number;
  acknowledged: number;
  errors: string[];
};

// Each client votes (toggling), comments and posts in a loop until the deadline or its quota.
async function runLoad(server: RunningServer, clients: Client[], targets: number[], slug: string, until: number, ledger: Ledger, expectErrors = false) {
  const send = async (client: Client, path: string, form: Record<string, string>) => {
    ledger.sent++;
    try {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { Cookie: client.cookie },
        body: new URLSearchParams(form),
        redirect: "manual",
        signal: AbortSignal.timeout(60_000),
      });
      const body = await response.text();
      if (response.status === 200 || response.status === 302) {
        ledger.acknowledged++;
        return true;
      }
      ledger.errors.push(`${path} ${response.status} ${body.slice(0, 200)}`);
    } catch (error) {
      if (!expectErrors) ledger.errors.push(`${path} ${String(error)}`);
    }
    return false;
  };
  await Promise.all(
    clients.map(async (client, c) => {
      for (let step = 0; step < 40 && Date.now() < until; step++) {
        const kind = step % 4;
        if (kind < 2) {
          const suggestionId = targets[(c * 7 + step) % targets.length];
          const key = `${client.userId}:${suggestionId}`;
          const want = !(ledger.votes.get(key) ?? false);
          if (await send(client, `/s/${suggestionId}`, { intent: "vote", voted: String(want) })) {
            ledger.votes.set(key, want);
            ledger.uncertain.delete(key);
          } else ledger.uncertain.add(key);
        } else if (kind === 2) {
          const marker = `stress-comment-${client.userId}-${step}-${randomBytes(3).toString("hex")}`;
          if (await send(client, `/s/${targets[c % targets.length]}`, { intent: "comment", body: marker })) ledger.comments.add(marker);
        } else {
          const marker = `Stress suggestion ${client.userId}-${step}-${randomBytes(3).toString("hex")}`;
          if (await send(client, "/s/new", { title: marker, body: "Written under load.", board: slug })) ledger.suggestions.add(marker);
        }
      }
    }),
  );
}

function verifyLedger(databaseUrl: string, ledger: Ledger) {
  const db = new Database(databaseUrl, { readonly: true });
  expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
  for (const [key, voted] of ledger.votes) {
    if (ledger.uncertain.has(key)) continue;
    const [userId, suggestionId] = key.split(":").map(Number);
    const row = db.prepare("select 1 from votes where user_id = ? and suggestion_id = ?").get(userId, suggestionId);
    expect(!!row, `vote ${key} should be ${voted}`).toBe(voted);
  }
  const mismatched = db
    .prepare("select s.id from suggestions s where s.vote_count <> (select count(*) from votes v where v.suggestion_id = s.id)")
    .all();
  expect(mismatched).toEqual([]);
  const comments = new Set((db.prepare("select body from comments where body like 'stress-comment-%'").all() as { body: string }[]).map((r) => r.body));
  for (const marker of ledger.comments) expect(comments.has(marker), marker).toBe(true);
  const titles = new Set((db.prepare("select title from suggestions where title like 'Stress suggestion %'").all() as { title: string }[]).map((r) => r.title));
  for (const marker of ledger.suggestions) expect(titles.has(marker), marker).toBe(true);
  db.close();
}

// Every event of a committed write was handled, however the process died: the outbox is
// empty once a server has run, each load member with a stored suggestion holds the badge for
// it, and each badge a load member holds came with its notification.
async function verifyEventsHandled(databaseUrl: string, tag: string) {
  const db = new Database(databaseUrl, { readonly: true });
  const left = () => (db.prepare("select count(*) as n from outbox").get() as { n: number }).n;
  // Start-up handles what the killed processes left; give it the time it needs, bounded.
  for (let i = 0; i < 600 && left() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(left()).toBe(0);
  expect(db.prepare("select count(*) as n from outbox_deliveries").get()).toEqual({ n: 0 });
  const authorsWithoutBadge = db
    .prepare(
      `select distinct u.username from users u join suggestions s on s.author_id = u.id
       where u.username like ? and not exists (select 1 from badge_grants g where g.user_id = u.id and g.badge_id = 'first_suggestion')`,
    )
    .all(`load_${tag}_%`);
  expect(authorsWithoutBadge).toEqual([]);
  const badgesWithoutNotice = db
    .prepare(
      `select u.username, g.badge_id from badge_grants g join users u on u.id = g.user_id
       where u.username like ? and not exists (
         select 1 from notifications n where n.user_id = g.user_id and n.event_key = 'badge:' || g.badge_id || ':' || g.suggestion_id)`,
    )
    .all(`load_${tag}_%`);
  expect(badgesWithoutNotice).toEqual([]);
  const granted = db.prepare("select count(*) as n from badge_grants g join users u on u.id = g.user_id where u.username like ?").get(`load_${tag}_%`) as { n: number };
  db.close();
  return granted.n;
}

const newLedger = (): Ledger => ({ votes: new Map(), uncertain: new Set(), comments: new Set(), suggestions: new Set(), sent: 0, acknowledged: 0, errors: [] });

describe("durability", () => {
  test(`${CLIENTS} concurrent clients: every acknowledged write is stored, no error responses`, async () => {
    const databaseUrl = path.join(dir, "load.db");
    prepareDatabase(databaseUrl);
    const clients = createClients(databaseUrl, CLIENTS, "a");
    const server = await startServer(databaseUrl);
    const ledger = newLedger();
    try {
      await runLoad(server, clients, openSuggestionIds(databaseUrl), boardSlug(databaseUrl), Date.now() + LOAD_MS, ledger);
    } finally {
      await server.stop();
    }
    console.log(`load: ${ledger.sent} requests sent, ${ledger.acknowledged} acknowledged, ${ledger.errors.length} errors`);
    if (ledger.errors.length) console.log(server.output().slice(-3000));
    expect(ledger.errors).toEqual([]);
    expect(ledger.acknowledged).toBe(ledger.sent);
    verifyLedger(databaseUrl, ledger);
  });

  test("SIGKILL in the middle of the load, then a restart: integrity ok, nothing acknowledged lost, every event handled", async () => {
    const databaseUrl = path.join(dir, "crash.db");
    prepareDatabase(databaseUrl);
    const clients = createClients(databaseUrl, CLIENTS, "b");
    const targets = openSuggestionIds(databaseUrl);
    const slug = boardSlug(databaseUrl);
    const ledger = newLedger();
    let kills = 0;
    for (let round = 0; round < 3; round++) {
      const server = await startServer(databaseUrl);
      const acknowledgedBefore = ledger.acknowledged;
      const load = runLoad(server, clients, targets, slug, Date.now() + LOAD_MS, ledger, true);
      // Kill it mid-load: once writes are being acknowledged, whatever the machine's speed.
      const killAt = Date.now() + 60_000;
      await new Promise((resolve) => setTimeout(resolve, LOAD_MS / 3));
      while (ledger.acknowledged < acknowledgedBefore + 20 && Date.now() < killAt) await new Promise((resolve) => setTimeout(resolve, 50));
      await server.crash();
      kills++;
      await load;
    }
    const restarted = await startServer(databaseUrl);
    expect((await fetch(`${restarted.url}/healthz`)).status).toBe(200);
    let badges = 0;
    try {
      badges = await verifyEventsHandled(databaseUrl, "b");
    } finally {
      await restarted.stop();
    }
    console.log(`crash: ${kills} SIGKILLs survived; ${ledger.sent} requests sent, ${ledger.acknowledged} acknowledged; ${badges} badges granted, each told`);
    expect(ledger.acknowledged).toBeGreaterThan(0);
    expect(badges).toBeGreaterThan(0);
    verifyLedger(databaseUrl, ledger);
  });

  test("an online backup taken during the load restores into a working forum", async () => {
    const databaseUrl = path.join(dir, "live.db");
    const backupFile = path.join(dir, "backup.db");
    prepareDatabase(databaseUrl);
    const clients = createClients(databaseUrl, 50, "c");
    const server = await startServer(databaseUrl);
    const ledger = newLedger();
    const load = runLoad(server, clients, openSuggestionIds(databaseUrl), boardSlug(databaseUrl), Date.now() + LOAD_MS, ledger);
    await new Promise((resolve) => setTimeout(resolve, LOAD_MS / 2));
    const backup = spawnSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", "--to", backupFile], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    expect(backup.status, backup.stderr).toBe(0);
    await load;
    await server.stop();

    // Everything in the copy is consistent, and the app starts on it and shows its data.
    const copy = new Database(backupFile, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const { id, title } = copy.prepare("select s.id, s.title from suggestions s join boards b on b.id = s.board_id where b.visibility = 'public' and s.hidden_at is null order by s.id desc limit 1").get() as { id: number; title: string };
    const counts = copy.prepare("select count(*) as n from suggestions s where s.vote_count <> (select count(*) from votes v where v.suggestion_id = s.id)").get() as { n: number };
    copy.close();
    expect(counts.n).toBe(0);
    const restored = await startServer(backupFile);
    try {
      const page = await fetch(`${restored.url}/s/${id}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(title.replace(/&/g, "&amp;"));
    } finally {
      await restored.stop();
    }
  });
});
