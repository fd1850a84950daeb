// Walks the authorization matrix (tests/authorization/matrix.ts) over HTTP against the
// production server: every row as every actor, each on fresh fixtures. Allowed requests must
// succeed; refused ones must answer 403 (404 on rows that hide existence; a login redirect
// for visitors) and leave the database exactly as it was.
import { createHash, randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { insertTestSession } from "../sessions";
import { ACTORS, AUTHORIZATION_MATRIX, FIXTURE_BODY, type ActingUser, type ActorName, type Fixtures, type MatrixRequest, type MatrixRow } from "../authorization/matrix";

const baseUrl = inject("baseUrl");
const db = new Database(inject("databaseUrl"));
db.pragma("busy_timeout = 5000");

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => Date.now() - days * DAY;
// Tables the server writes on any request, allowed or not.
const BOOKKEEPING = new Set(["activity_days", "sessions", "login_throttles", "share_visits", "rate_limits"]);
const run = randomBytes(3).toString("hex");
let serial = 0;
const unique = (prefix: string) => `${prefix}_${run}_${++serial}`;

function insertUser(role: string, level: number): { id: number; username: string } {
  const username = unique(`authz_${role}${level}`);
  const { lastInsertRowid } = db
    .prepare(
      `insert into users (username, display_name, email, password_hash, role, honor_level, honor_level_manual, created_at)
       values (?, ?, ?, 'not-a-hash', ?, ?, ?, ?)`,
    )
    .run(username, username, `${username}@example.com`, role, level, level, daysAgo(5));
  return { id: Number(lastInsertRowid), username };
}

function sessionFor(userId: number): string {
  return insertTestSession(db, userId, { createdAt: daysAgo(1), expiresAt: Date.now() + 20 * DAY }).token;
}

// Row counts and a checksum of every table but the bookkeeping ones (and the full-text
// index, which mirrors suggestions).
function fingerprint(): Map<string, string> {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and name not like '__drizzle%'")
    .pluck()
    .all() as string[];
  const result = new Map<string, string>();
  for (const table of tables.filter((t) => !BOOKKEEPING.has(t))) {
    const hash = createHash("sha1");
    let count = 0;
    for (const row of db.prepare(`select * from "${table}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
      count += 1;
    }
    result.set(table, `${count}:${hash.digest("hex")}`);
  }
  return result;
}

const changedTables = (before: Map<string, string>, after: Map<string, string>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter((t) => before.get(t) !== after.get(t));

// Notification fan-out runs just after a response: let an earlier allowed request finish.
async function settledFingerprint(): Promise<Map<string, string>> {
  let previous = fingerprint();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const next = fingerprint();
    if (changedTables(previous, next).length === 0) return next;
    previous = next;
  }
  return previous;
}

// The fixtures, made in the database as the demo data would be.
const author = () => helper;
let helper: { id: number; username: string };
let flagger: { id: number; username: string };
let proposer: { id: number; username: string };
let adminCookie = "";

const pick = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T;

function insertSuggestion(input: { boardId: number; authorId: number; status?: string; voterId?: number }): number {
  const { lastInsertRowid } = db
    .prepare(
      `insert into suggestions (board_id, author_id, title, body, status, vote_count, shipped_at, created_at)
       values (?, ?, ?, ?, ?, 0, ?, ?)`,
    )
    .run(input.boardId, input.authorId, unique("Matrix fixture"), FIXTURE_BODY, input.status ?? "open", input.status === "shipped" ? daysAgo(1) : null, Date.now() - 60_000);
  const id = Number(lastInsertRowid);
  // Its author voted for it, as posting does; and a voter, if named.
  for (const voter of new Set([input.authorId, input.voterId ?? input.authorId])) {
    db.prepare("insert into votes (suggestion_id, user_id, created_at) values (?, ?, ?)").run(id, voter, daysAgo(2));
  }
  db.prepare("update suggestions set vote_count = (select count(*) from votes where suggestion_id = ?) where id = ?").run(id, id);
  return id;
}

async function send(request: MatrixRequest, cookie: string | null) {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = `sprout_session=${cookie}`;
  let body: URLSearchParams | undefined;
  if (request.form) {
    body = new URLSearchParams();
    for (const [key, value] of Object.entries(request.form)) for (const v of typeof value === "string" ? [value] : value) body.append(key, v);
  }
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers, body, redirect: "manual", signal: controller.signal });
  // /staff/events streams forever: the status is all we need.
  if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) controller.abort();
  else await response.arrayBuffer();
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

const toLogin = (r: { status: number; location: string }) => (r.status === 302 || r.status === 303) && new URL(r.location, baseUrl).pathname === "/login";
const succeeded = (r: { status: number; location: string }) => [200, 201, 204].includes(r.status) || ((r.status === 302 || r.status === 303) && !toLogin(r));

function refusedAsExpected(row: MatrixRow, actor: ActorName, r: { status: number; location: string }) {
  if (row.hidesExistence && r.status === 404) return true;
  if (row.refusedWith && r.status === row.refusedWith && actor !== "visitor") return true;
  if (actor === "visitor") return toLogin(r) || r.status === 403;
  return r.status === 403;
}

describe("authorization matrix", () => {
  const actors = new Map<ActorName, { user: ActingUser; cookie: string | null }>();
  let fixtures: Fixtures;

  beforeAll(async () => {
    helper = insertUser("member", 1);
    flagger = insertUser("member", 1);
    proposer = insertUser("member", 2);
    const roles: Record<ActorName, [string, number]> = {
      visitor: ["member", 0],
      level0: ["member", 0],
      level1: ["member", 1],
      level2: ["member", 2],
      level3: ["member", 3],
      level4: ["member", 4],
      staff: ["staff", 0],
      lead: ["lead", 0],
      admin: ["admin", 0],
    };
    for (const name of ACTORS) {
      if (name === "visitor") {
        actors.set(name, { user: null, cookie: null });
        continue;
      }
      const user = insertUser(...roles[name]);
      actors.set(name, { user, cookie: sessionFor(user.id) });
    }
    // A separate admin makes the fixtures that need the app's own logic (merges).
    adminCookie = sessionFor(insertUser("admin", 0).id);

    const publicBoard = db.prepare("select id, slug from boards where visibility = 'public' order by position, id limit 1").get() as { id: number; slug: string };
    const earlyBoard = db.prepare("select id from boards where visibility = 'early_access' limit 1").get() as { id: number } | undefined;
    expect(earlyBoard, "the demo data has an early-access board").toBeDefined();
    const open = (authorId = author().id) => insertSuggestion({ boardId: publicBoard.id, authorId });

    fixtures = {
      publicBoard: publicBoard.slug,
      // A plain tag: a campaign's tag belongs to its campaign's board.
      tagSlug: pick<string>("select slug from tags where id not in (select tag_id from campaigns where tag_id is not null) order by id limit 1"),
      earlyCampaignTag: () => {
        const slug = unique("early-campaign").toLowerCase().replace(/_/g, "-");
        const tagId = Number(db.prepare("insert into tags (slug, name_en, name_zh) values (?, 'Secret beta week', '秘密测试周')").run(slug).lastInsertRowid);
        db.prepare(
          "insert into campaigns (board_id, slug, title_en, title_zh, banner_en, banner_zh, starts_at, ends_at, tag_id, created_by_id, created_at) values (?, ?, 'Secret beta week', '秘密测试周', '', '', ?, ?, ?, ?, ?)",
        ).run(earlyBoard!.id, slug, daysAgo(1), Date.now() + 86_400_000, tagId, helper.id, daysAgo(1));
        return slug;
      },
      badgeId: "first_suggestion",
      openSuggestion: async (authorId) => open(authorId),
      shippedSuggestion: async (voterId) => insertSuggestion({ boardId: publicBoard.id, authorId: author().id, status: "shipped", voterId }),
      plannedSuggestion: async () => insertSuggestion({ boardId: publicBoard.id, authorId: author().id, status: "planned" }),
      earlyAccessSuggestion: async () => insertSuggestion({ boardId: earlyBoard!.id, authorId: insertUser("member", 4).id }),
      comment: async () => {
        const suggestionId = open();
        const { lastInsertRowid } = db
          .prepare("insert into comments (suggestion_id, author_id, body, created_at) values (?, ?, 'A useful remark.', ?)")
          .run(suggestionId, flagger.id, daysAgo(1));
        db.prepare("update suggestions set comment_count = 1 where id = ?").run(suggestionId);
        return { suggestionId, commentId: Number(lastInsertRowid) };
      },
      notification: async (userId = insertUser("member", 0).id) =>
        Number(
          db
            .prepare("insert into notifications (user_id, kind, event_key, payload, created_at) values (?, 'badge', ?, ?, ?)")
            .run(userId, unique("matrix-badge"), JSON.stringify({ badgeName: "Matrix", path: "/honors" }), daysAgo(1)).lastInsertRowid,
        ),
      flaggedSuggestion: async () => {
        const id = open();
        db.prepare("insert into flags (suggestion_id, user_id, reason, created_at) values (?, ?, 'Spam?', ?)").run(id, flagger.id, daysAgo(1));
        return id;
      },
      mergeProposal: async () => {
        const [sourceId, targetId] = [open(), open()];
        const { lastInsertRowid } = db
          .prepare("insert into merge_proposals (source_id, target_id, proposer_id, status, created_at) values (?, ?, ?, 'pending', ?)")
          .run(sourceId, targetId, proposer.id, daysAgo(1));
        return { sourceId, proposalId: Number(lastInsertRowid) };
      },
      merge: async () => {
        const [sourceId, targetId] = [open(), open()];
        const merged = await send({ method: "POST", path: `/s/${sourceId}`, form: { intent: "merge", targetId: String(targetId), note: "Same idea." } }, adminCookie);
        expect(succeeded(merged), `fixture merge answered ${merged.status}`).toBe(true);
        return { sourceId, mergeId: pick<number>("select id from merges where source_id = ? and undone_at is null", sourceId) };
      },
      statusChange: async () => {
        const suggestionId = open();
        const changed = await send({ method: "POST", path: `/s/${suggestionId}`, form: { intent: "status", to: "planned", note: "" } }, adminCookie);
        expect(succeeded(changed), `fixture status change answered ${changed.status}`).toBe(true);
        return { suggestionId, statusChangeId: pick<number>("select id from status_changes where suggestion_id = ? order by id desc limit 1", suggestionId) };
      },
      release: async () =>
        Number(db.prepare("insert into releases (name, notes, released_at, created_by_id, created_at) values (?, '', ?, ?, ?)").run(unique("Release"), daysAgo(1), helper.id, daysAgo(1)).lastInsertRowid),
      complaint: async () =>
        Number(
          db
            .prepare("insert into complaints (user_id, subject, title, body, status, created_at) values (?, 'product', 'Something is off', 'Details.', 'open', ?)")
            .run(insertUser("member", 0).id, daysAgo(1)).lastInsertRowid,
        ),
      member: async () => insertUser("member", 0).username,
      boardSlug: () => unique("matrix").toLowerCase().replace(/_/g, "-"),
      currentSettings: () => {
        const stored = Object.fromEntries((db.prepare("select key, value from settings").all() as { key: string; value: string }[]).map((s) => [s.key, JSON.parse(s.value)]));
        const form: Record<string, string> = { responseTargetHours: String(stored.responseTargetHours ?? 24) };
        for (const key of ["recommendationSurveyEnabled", "inviteOnly", "requireEmailVerification"]) if (stored[key] === true) form[key] = "on";
        return form;
      },
    };
  });

  afterAll(() => db.close());

  test("every action against every actor", async () => {
    const failures: string[] = [];
    let allowedChecked = 0;
    let refusedChecked = 0;
    for (const row of AUTHORIZATION_MATRIX) {
      for (const name of ACTORS) {
        const actor = actors.get(name)!;
        const request = await row.request(fixtures, actor.user);
        const allowed = row.allowed.includes(name);
        const before = allowed ? null : await settledFingerprint();
        const response = await send(request, actor.cookie);
        const what = `${row.id} as ${name}: ${request.method} ${request.path} → ${response.status} ${response.location}`;
        if (allowed) {
          allowedChecked += 1;
          if (!succeeded(response)) failures.push(`${what} (should be allowed)`);
          continue;
        }
        refusedChecked += 1;
        if (!refusedAsExpected(row, name, response)) failures.push(`${what} (should be refused)`);
        const changed = changedTables(before!, fingerprint());
        if (changed.length > 0) failures.push(`${what} changed ${changed.join(", ")}`);
      }
    }
    console.log(
      `authorization matrix: ${AUTHORIZATION_MATRIX.length} rows × ${ACTORS.length} actors = ${allowedChecked + refusedChecked} checks ` +
        `(${allowedChecked} allowed, ${refusedChecked} refused with the database unchanged)`,
    );
    expect(failures).toEqual([]);
    expect(allowedChecked + refusedChecked).toBe(AUTHORIZATION_MATRIX.length * ACTORS.length);
  }, 300_000);
});
