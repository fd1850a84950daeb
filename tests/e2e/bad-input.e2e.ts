// Bad input everywhere (issue 7, item 4): every action of the app and the query strings of
// the list pages get hostile values, one field at a time: missing, empty, oversized, wrong
// type, unicode edge cases, SQL- and FTS-looking text, path tricks, and malformed bodies.
// No answer may be a 5xx, every refusal is a 4xx that says something, and a refused
// request leaves the database exactly as it was.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { NOTIFICATION_KINDS } from "#db/schema";
import { insertTestSession } from "../sessions";

const base = () => inject("baseUrl");

// Raw urlencoded fragments, so that invalid UTF-8 and NUL bytes reach the server as sent.
const enc = (value: string) => encodeURIComponent(value);
type Hostile = { label: string; encode: (field: string) => string | null };
const plain = (label: string, value: string): Hostile => ({ label, encode: (f) => `${enc(f)}=${enc(value)}` });
const raw = (label: string, valueRaw: string): Hostile => ({ label, encode: (f) => `${enc(f)}=${valueRaw}` });

const HOSTILE: Hostile[] = [
  { label: "missing", encode: () => null },
  plain("empty", ""),
  plain("whitespace", " \t\n "),
  plain("100 KB", "a".repeat(100_000)),
  { label: "repeated key", encode: (f) => `${enc(f)}=1&${enc(f)}=two&${enc(f)}=` },
  { label: "object a[b]=c", encode: (f) => `${enc(`${f}[b]`)}=c` },
  { label: "nested a.b=c", encode: (f) => `${enc(`${f}.b`)}=c&${enc(`${f}[0]`)}=d` },
  plain("negative", "-1"),
  plain("fraction", "1.5"),
  plain("NaN", "NaN"),
  plain("1e309", "1e309"),
  plain("huge integer", "99999999999999999999999999"),
  plain("text where a number goes", "twelve"),
  plain("number where text goes", "42"),
  plain("true", "true"),
  plain("json", '{"a":1,"__proto__":{"x":1}}'),
  plain("RTL override", "abc\u202Edef.exe \u202Bعربى\u202C"),
  plain("zero-width", "a\u200B\u200C\u200Db\uFEFF"),
  plain("emoji", "👨‍👩‍👧‍👦 🏳️‍🌈 𝕳𝖊𝖑𝖑𝖔 🌱"),
  plain("combining marks", "Z\u0351\u0307\u0303a\u0301\u0301\u0301\u0301lgo"),
  raw("lone surrogate", "ab%ED%A0%80cd"),
  raw("NUL byte", "ab%00cd"),
  raw("invalid utf-8", "%C3%28%FF%FE"),
  plain("SQL or", "' OR 1=1 --"),
  plain("SQL drop", '"; DROP TABLE users; --'),
  plain("SQL union", "1 UNION SELECT password_hash FROM users"),
  plain("FTS quote", '"'),
  plain("FTS near", "NEAR( a b"),
  plain("FTS operators", "OR - AND NOT ^ :"),
  plain("path", "../../../etc/passwd"),
];

const MALFORMED: { label: string; contentType?: string; body: string | null }[] = [
  { label: "invalid urlencoding", body: "intent=%zz&x=%" },
  { label: "json", contentType: "application/json", body: '{"intent":"vote","title":"x"}' },
  { label: "broken json", contentType: "application/json", body: '{"intent":' },
  { label: "multipart garbage", contentType: "multipart/form-data; boundary=xyz", body: "--xyz\r\nContent-Disposition: garbage\r\n\r\n" },
  { label: "multipart no boundary", contentType: "multipart/form-data", body: "a=b" },
  { label: "text/plain", contentType: "text/plain", body: "intent=vote" },
  { label: "empty body", body: null },
  { label: "1 MB", body: `x=${"a".repeat(1_000_000)}` },
];

// ── Actors, created straight in the database ────────────────────────────────────────
type Actor = { id: number; username: string; cookie: string };

function openDb() {
  const db = new Database(inject("databaseUrl"));
  db.pragma("busy_timeout = 5000");
  return db;
}

async function signUp(username: string): Promise<Actor> {
  const response = await fetch(`${base()}/signup`, {
    method: "POST",
    headers: { Origin: base() },
    body: new URLSearchParams({ username, email: `${username}@example.com`, password: "a-long-enough-password" }),
    redirect: "manual",
  });
  expect(response.status, `signup ${username}`).toBe(302);
  const db = openDb();
  const { id } = db.prepare("select id from users where username = ?").get(username) as { id: number };
  // A second session of our own, for the cookie this test sends.
  const { cookie } = insertTestSession(db, id);
  db.close();
  return { id, username, cookie };
}

// ── Database fingerprint ───────────────────────────────────────────────────────────
// Tables whose rows change with reading and living rather than with what a request asked;
// emails are recorded after the answer, for notifications an earlier accepted request made, and
// the outbox drains in the background the events of earlier accepted requests (an event is
// recorded with its change, so a request that changed nothing recorded none).
const EXCLUDED_TABLES = new Set([
  "emails",
  "outbox",
  "outbox_deliveries",
  "activity_days",
  "sessions",
  "login_throttles",
  "share_visits",
  "rate_limits",
  "__drizzle_migrations",
]);
const EXCLUDED_COLUMNS: Record<string, string[]> = { notifications: ["read_at"] };

function fingerprinter(db: Database.Database) {
  const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !EXCLUDED_TABLES.has(name) && !/_fts|fts_/i.test(name));
  const statements = tables.map((table) => {
    const columns = (db.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => !(EXCLUDED_COLUMNS[table] ?? []).includes(c));
    const row = columns.map((c) => `quote("${c}")`).join(" || '|' || ");
    return { table, statement: db.prepare(`select count(*) as n, coalesce(sum(fnv(${row})), 0) as h from "${table}"`) };
  });
  return () => {
    const parts: Record<string, string> = {};
    for (const { table, statement } of statements) {
      const { n, h } = statement.get() as { n: number; h: number | bigint };
      parts[table] = `${n}:${h}`;
    }
    return parts;
  };
}

function registerFnv(db: Database.Database) {
  db.function("fnv", { deterministic: true }, (value: unknown) => {
    const text = String(value);
    let hash = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    return hash;
  });
}

function difference(before: Record<string, string>, after: Record<string, string>) {
  return Object.keys(after).filter((table) => before[table] !== after[table]);
}

// ── The actions ────────────────────────────────────────────────────────────────────
type Fields = Record<string, string | string[]>;
type ActionCase = {
  name: string;
  path: () => string;
  actor: () => Actor | null;
  // The other fields' reasonable values, so that each hostile one is judged on its own.
  base: () => Fields;
  fields: string[];
};

function encodeFields(fields: Fields, skip?: string) {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === skip) continue;
    for (const v of Array.isArray(value) ? value : [value]) parts.push(`${enc(key)}=${enc(v)}`);
  }
  return parts;
}

type Outcome = { status: number; contentType: string; body: string; location: string };
// What the current test's requests found; each test starts afresh and asserts on its own.
const newStats = () => ({ requests: 0, refusals: 0, accepted: 0, silentRefusals: [] as string[], serverErrors: [] as string[], dbChanged: [] as string[] });
let stats = newStats();
let requestsSent = 0; // across the file: unique names for what the tests create

async function send(actor: Actor | null, method: string, path: string, body: string | null, contentType = "application/x-www-form-urlencoded"): Promise<Outcome> {
  const headers: Record<string, string> = { Origin: base() };
  if (actor) headers.Cookie = actor.cookie;
  if (body !== null) headers["Content-Type"] = contentType;
  stats.requests++;
  requestsSent++;
  const response = await fetch(`${base()}${path}`, { method, headers, body: method === "GET" ? undefined : body ?? undefined, redirect: "manual" });
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: await response.text(), location: response.headers.get("location") ?? "" };
}

// A refusal says something a person can read: an HTML page with its alert or heading, or text.
function saysSomething(outcome: Outcome) {
  if (outcome.contentType.includes("text/html")) return /role="alert"|<h1[^>]*>[^<]+/.test(outcome.body);
  return outcome.body.trim().length > 0;
}

describe("bad input everywhere", () => {
  let db: Database.Database;
  let fingerprint: () => Record<string, string>;
  let admin: Actor;
  let member: Actor;
  let target: Actor;
  let boardSlug: string;
  const ids: Record<string, number> = {};
  let campaignSlug = "";
  let originalSettings: { key: string; value: string }[] = [];

  beforeAll(async () => {
    const stamp = Date.now().toString(36);
    admin = await signUp(`badin_admin_${stamp}`);
    member = await signUp(`badin_member_${stamp}`);
    target = await signUp(`badin_target_${stamp}`);
    db = openDb();
    registerFnv(db);
    db.prepare("update users set role = 'admin' where id = ?").run(admin.id);
    db.prepare("update users set honor_level = 4, honor_level_manual = 4 where id = ?").run(member.id);
    originalSettings = db.prepare("select * from settings").all() as { key: string; value: string }[];

    // Our own early-access board, so that what hostile-but-valid input creates stays out of the demo's sight.
    boardSlug = `badin-${stamp}`;
    const made = await send(admin, "POST", "/admin", new URLSearchParams({ intent: "board", formId: "new", slug: boardSlug, nameEn: "Bad input", nameZh: "错误输入", visibility: "early_access", position: "1000" }).toString());
    expect(made.status, made.body.slice(0, 500)).toBe(302);
    const board = db.prepare("select id from boards where slug = ?").get(boardSlug) as { id: number };
    ids.board = board.id;

    const newSuggestion = async (actor: Actor, title: string) => {
      const response = await send(actor, "POST", "/s/new", new URLSearchParams({ title, body: "A body.", board: boardSlug }).toString());
      expect(response.status, response.body.slice(0, 300)).toBe(302);
      return Number(response.location.split("/").pop());
    };
    ids.suggestion = await newSuggestion(admin, "Target of hostile input");
    ids.other = await newSuggestion(admin, "Merge target for hostile input");
    ids.memberSuggestion = await newSuggestion(admin, "Rated by hostile input");
    await send(admin, "POST", `/s/${ids.memberSuggestion}`, new URLSearchParams({ intent: "status", to: "shipped", note: "Shipped." }).toString());
    await send(member, "POST", `/s/${ids.memberSuggestion}`, new URLSearchParams({ intent: "vote", voted: "true" }).toString());
    const comment = await send(member, "POST", `/s/${ids.suggestion}`, new URLSearchParams({ intent: "comment", body: "A comment." }).toString());
    expect(comment.status).toBe(302);
    ids.comment = (db.prepare("select max(id) as id from comments").get() as { id: number }).id;
    const complaint = await send(member, "POST", "/complaints/new", new URLSearchParams({ subject: "product", title: "A complaint title", body: "Body." }).toString());
    expect(complaint.status, complaint.body.slice(0, 300)).toBe(302);
    ids.complaint = (db.prepare("select max(id) as id from complaints").get() as { id: number }).id;
    const campaign = await send(admin, "POST", "/staff/campaigns", new URLSearchParams({ board: boardSlug, titleEn: "Bad input week", titleZh: "错误输入周", startsAt: "2020-01-01T00:00", endsAt: "2020-01-08T00:00" }).toString());
    expect(campaign.status, campaign.body.slice(0, 300)).toBe(302);
    campaignSlug = (db.prepare("select slug from campaigns order by id desc limit 1").get() as { slug: string }).slug;
    ids.release = (db.prepare("select max(id) as id from releases").get() as { id: number | null }).id ?? 1;
    fingerprint = fingerprinter(db);
  });

  afterAll(async () => {
    // The settings as they were, for the files that run after this one.
    const restore = Object.fromEntries(originalSettings.map((s) => [s.key, s.value]));
    if (db) {
      const form = new URLSearchParams({ responseTargetHours: JSON.parse(restore.responseTargetHours ?? "24").toString() });
      if (restore.recommendationSurveyEnabled === "true") form.set("recommendationSurveyEnabled", "on");
      if (restore.inviteOnly === "true") form.set("inviteOnly", "on");
      if (restore.requireEmailVerification === "true") form.set("requireEmailVerification", "on");
      await send(admin, "POST", "/staff/settings", form.toString());
      db.close();
    }
  });

  const s = (intent: string, fields: Fields, actor: () => Actor = () => admin, id: () => number = () => ids.suggestion): ActionCase => ({
    name: `/s/:id ${intent}`,
    path: () => `/s/${id()}`,
    actor,
    base: () => ({ intent, ...fields }),
    fields: ["intent", ...Object.keys(fields)],
  });

  const actions = (): ActionCase[] => {
    const stamp = () => `u${(requestsSent + 1).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    return [
      { name: "/s/new", path: () => "/s/new", actor: () => admin, base: () => ({ title: "A title long enough", body: "Body", board: boardSlug, tags: [] }), fields: ["title", "body", "board", "tags"] },
      s("vote", { voted: "true" }),
      s("comment", { body: "A comment", parentId: String(ids.comment), official: "on" }),
      s("rate", { score: "4", comment: "ok" }, () => member, () => ids.memberSuggestion),
      s("status", { to: "planned", note: "A note" }),
      s("helpful", { commentId: String(ids.comment), helpful: "true" }),
      s("tags", { tags: [] }, () => member),
      s("flag", { reason: "spam" }, () => member, () => ids.other),
      s("review-flags", { decision: "restore" }, () => admin, () => ids.other),
      s("propose-merge", { target: String(ids.other) }, () => member),
      s("decide-merge", { proposalId: "999999", decision: "reject", note: "" }),
      s("undo-merge", { mergeId: "999999" }),
      s("merge", { targetId: String(ids.other), note: "Duplicate" }, () => admin, () => ids.memberSuggestion),
      s("revert", { statusChangeId: "999999", note: "Changed by mistake." }),
      { name: "/staff/answer/:id", path: () => `/staff/answer/${ids.other}`, actor: () => admin, base: () => ({ body: "Thanks!", to: "", savedReplyId: "999999", then: "queue" }), fields: ["body", "to", "savedReplyId"] },
      { name: "/staff bulk status", path: () => "/staff", actor: () => admin, base: () => ({ bulk: "status", ids: String(ids.other), to: "shipped", note: "" }), fields: ["ids", "to", "note"] },
      { name: "/staff bulk board", path: () => "/staff", actor: () => admin, base: () => ({ bulk: "board", ids: "999999", board: boardSlug }), fields: ["bulk", "board"] },
      { name: "/staff/replies save", path: () => "/staff/replies", actor: () => admin, base: () => ({ formId: "new", title: "", bodyEn: "Thanks {author}", bodyZh: "谢谢", status: "" }), fields: ["title", "bodyEn", "status"] },
      { name: "/staff/replies delete", path: () => "/staff/replies", actor: () => admin, base: () => ({ intent: "delete", formId: "x", id: "999999" }), fields: ["intent", "id"] },
      { name: "/s/:id/edit", path: () => `/s/${ids.suggestion}/edit`, actor: () => admin, base: () => ({ title: "An edited title", body: "Edited" }), fields: ["title", "body"] },
      { name: "/login", path: () => "/login", actor: () => null, base: () => ({ username: "nobody-here", password: "wrong-password", redirectTo: "/" }), fields: ["username", "password", "redirectTo"] },
      { name: "/signup", path: () => "/signup", actor: () => null, base: () => ({ username: stamp(), email: `${stamp()}@example.com`, password: "a-long-enough-password", displayName: "X", invite: "", website: "", redirectTo: "/" }), fields: ["username", "email", "password", "displayName", "invite", "website", "redirectTo"] },
      { name: "/logout", path: () => "/logout", actor: () => null, base: () => ({}), fields: ["intent"] },
      { name: "/set-language", path: () => "/set-language", actor: () => member, base: () => ({ language: "en", redirectTo: "/" }), fields: ["language", "redirectTo"] },
      { name: "/account password", path: () => "/account", actor: () => member, base: () => ({ intent: "password", currentPassword: "not-the-password", newPassword: "another-long-password" }), fields: ["intent", "currentPassword", "newPassword", "endOtherSessions"] },
      { name: "/account delete", path: () => "/account", actor: () => member, base: () => ({ intent: "delete", password: "not-the-password" }), fields: ["password"] },
      { name: "/complaints/new", path: () => "/complaints/new", actor: () => member, base: () => ({ subject: "product", suggestion: String(ids.suggestion), title: "A complaint title", body: "Body" }), fields: ["subject", "suggestion", "title", "body"] },
      { name: "/complaints/:id reply", path: () => `/complaints/${ids.complaint}`, actor: () => admin, base: () => ({ intent: "reply", body: "A reply" }), fields: ["intent", "body"] },
      { name: "/complaints/:id resolve", path: () => `/complaints/${ids.complaint}`, actor: () => admin, base: () => ({ intent: "resolve", note: "" }), fields: ["note"] },
      { name: "/complaints/:id rate", path: () => `/complaints/${ids.complaint}`, actor: () => member, base: () => ({ intent: "rate", rating: "4" }), fields: ["rating"] },
      { name: "/notifications", path: () => "/notifications", actor: () => member, base: () => ({ intent: "read", id: "1" }), fields: ["intent", "id"] },
      { name: "/notifications/settings", path: () => "/notifications/settings", actor: () => member, base: () => ({}), fields: NOTIFICATION_KINDS.flatMap((k) => [`${k}.inApp`, `${k}.email`]).slice(0, 4) },
      { name: "/notifications/unsubscribe", path: () => "/notifications/unsubscribe", actor: () => null, base: () => ({ token: "not-a-token" }), fields: ["token"] },
      { name: "/invite", path: () => "/invite", actor: () => member, base: () => ({ intent: "create" }), fields: ["intent"] },
      { name: "/recommend", path: () => "/recommend", actor: () => member, base: () => ({ intent: "answer", score: "8", comment: "ok", redirectTo: "/" }), fields: ["intent", "score", "comment", "redirectTo"] },
      { name: "/admin board", path: () => "/admin", actor: () => admin, base: () => ({ intent: "board", formId: "edit", boardId: String(ids.board), slug: boardSlug, nameEn: "Bad input", nameZh: "错误输入", descriptionEn: "", descriptionZh: "", visibility: "early_access", position: "1000" }), fields: ["intent", "formId", "boardId", "slug", "nameEn", "nameZh", "descriptionEn", "visibility", "position"] },
      { name: "/admin role", path: () => "/admin", actor: () => admin, base: () => ({ intent: "role", username: target.username, role: "member" }), fields: ["username", "role"] },
      { name: "/admin/honors grant-badge", path: () => "/admin/honors", actor: () => admin, base: () => ({ intent: "grant-badge", username: target.username, badgeId: "no-such-badge" }), fields: ["intent", "username", "badgeId", "suggestionId"] },
      { name: "/admin/honors set-level", path: () => "/admin/honors", actor: () => admin, base: () => ({ intent: "set-level", username: target.username, level: "auto" }), fields: ["username", "level"] },
      { name: "/staff/releases create", path: () => "/staff/releases", actor: () => admin, base: () => ({ intent: "create", name: "", notes: "", releasedAt: "2025-01-01" }), fields: ["intent", "name", "notes", "releasedAt"] },
      { name: "/staff/releases ship", path: () => "/staff/releases", actor: () => admin, base: () => ({ intent: "ship", suggestionId: String(ids.suggestion), releaseId: "999999", note: "" }), fields: ["suggestionId", "releaseId", "note"] },
      { name: "/staff/releases add", path: () => "/staff/releases", actor: () => admin, base: () => ({ intent: "add", suggestionId: String(ids.suggestion), releaseId: String(ids.release) }), fields: ["suggestionId", "releaseId"] },
      { name: "/staff/settings", path: () => "/staff/settings", actor: () => admin, base: () => ({ responseTargetHours: "24" }), fields: ["responseTargetHours", "recommendationSurveyEnabled", "inviteOnly"] },
      { name: "/staff/campaigns", path: () => "/staff/campaigns", actor: () => admin, base: () => ({ board: boardSlug, titleEn: "", titleZh: "t", bannerEn: "", bannerZh: "", startsAt: "2020-01-01T00:00", endsAt: "2020-01-02T00:00" }), fields: ["board", "titleEn", "titleZh", "bannerEn", "startsAt", "endsAt"] },
      { name: "/staff/campaigns/:slug pick", path: () => `/staff/campaigns/${campaignSlug}`, actor: () => admin, base: () => ({ intent: "pick", suggestionId: "999999", note: "" }), fields: ["intent", "suggestionId", "note"] },
      { name: "/staff/campaigns/:slug unpick", path: () => `/staff/campaigns/${campaignSlug}`, actor: () => admin, base: () => ({ intent: "unpick", suggestionId: "999999" }), fields: ["suggestionId"] },
      // Last: it may end the member's other sessions, never the one we use.
      { name: "/forgot-password", path: () => "/forgot-password", actor: () => null, base: () => ({ identifier: "nobody-here" }), fields: ["identifier"] },
      { name: "/account profile", path: () => "/account", actor: () => member, base: () => ({ intent: "profile", displayName: "Bad input", bio: "" }), fields: ["displayName", "bio"] },
      { name: "/account email", path: () => "/account", actor: () => member, base: () => ({ intent: "email", newEmail: "new@example.com", currentPassword: "not-the-password" }), fields: ["newEmail", "currentPassword"] },
      { name: "/markdown/render", path: () => "/markdown/render", actor: () => member, base: () => ({ text: "**x**" }), fields: ["text"] },
      { name: "/account sessions", path: () => "/account", actor: () => member, base: () => ({ intent: "sessions" }), fields: ["intent"] },
    ];
  };

  // Sends one request; if it was refused, the database must be as it was before it.
  // The fingerprint after one request is the one before the next: one reading per request.
  let last: Record<string, string> | null = null;
  async function probe(label: string, actor: Actor | null, method: string, path: string, body: string | null, contentType?: string) {
    const before = last ?? fingerprint();
    let outcome: Outcome;
    try {
      outcome = await send(actor, method, path, body, contentType);
    } catch (error) {
      // No answer at all (a reset connection) is worse than a 5xx.
      stats.serverErrors.push(`no answer: ${method} ${path} ${label} ${String((error as Error).cause ?? error)}`);
      last = null;
      return;
    }
    if (outcome.status >= 500) {
      stats.serverErrors.push(`${outcome.status} ${method} ${path} ${label}`);
      last = null;
      return;
    }
    if (outcome.status >= 400) {
      stats.refusals++;
      if (!saysSomething(outcome)) stats.silentRefusals.push(`${outcome.status} ${method} ${path} ${label}`);
      last = fingerprint();
      const changed = difference(before, last);
      if (changed.length) stats.dbChanged.push(`${outcome.status} ${method} ${path} ${label}: ${changed.join(", ")}`);
    } else {
      stats.accepted++;
      last = null;
    }
  }

  // The end of a probing test: no 5xx, every refusal says something, refused requests
  // changed nothing.
  function expectNothingWrong(what: string, maxRequests: number) {
    console.info(
      `${what}: ${stats.requests} requests sent, ${stats.refusals} refused (4xx), ${stats.accepted} accepted, ` +
        `${stats.serverErrors.length} server errors, ${stats.silentRefusals.length} silent refusals, ${stats.dbChanged.length} refusals that changed the database`,
    );
    expect(stats.serverErrors).toEqual([]);
    expect(stats.dbChanged).toEqual([]);
    expect(stats.silentRefusals).toEqual([]);
    expect(stats.refusals).toBeGreaterThan(0);
    expect(stats.requests).toBeLessThan(maxRequests);
  }

  test("every action survives hostile fields and malformed bodies", async () => {
    stats = newStats();
    for (const action of actions()) {
      const actor = action.actor();
      for (const [i, field] of action.fields.entries()) {
        for (const hostile of HOSTILE) {
          // One hostile field at a time; the others keep their reasonable values.
          const fields = action.base();
          const parts = encodeFields(fields, field);
          const own = hostile.encode(field);
          if (own !== null) parts.push(own);
          await probe(`${field}=${hostile.label}`, actor, "POST", action.path(), parts.join("&"));
        }
        // The whole form oversized once per action.
        if (i === 0) await probe(`${field}=1 MB`, actor, "POST", action.path(), [...encodeFields(action.base(), field), `${enc(field)}=${"b".repeat(1_000_000)}`].join("&"));
      }
      for (const malformed of MALFORMED) await probe(malformed.label, actor, "POST", action.path(), malformed.body, malformed.contentType);
    }
    expectNothingWrong("hostile forms", 5600);
  }, 480_000);

  test("list and search pages survive hostile query strings", async () => {
    stats = newStats();
    const { slug: publicBoard } = db.prepare("select slug from boards where visibility = 'public' order by id limit 1").get() as { slug: string };
    const pages: [string, string[]][] = [
      [`/b/${publicBoard}`, ["sort", "status", "tag", "page"]],
      ["/search", ["q", "page"]],
      ["/leads", ["board"]],
      ["/search/similar", ["title"]],
      ["/notifications", ["page"]],
      ["/roadmap", ["board"]],
      ["/changelog", ["page"]],
    ];
    for (const [path, params] of pages) {
      for (const param of params) {
        for (const hostile of HOSTILE.filter((h) => h.label !== "100 KB")) {
          const query = hostile.encode(param);
          await probe(`${param}=${hostile.label}`, admin, "GET", `${path}${query === null ? "" : `?${query}`}`, null);
        }
      }
      await probe("invalid urlencoding", admin, "GET", `${path}?${params[0]}=%zz&page=%`, null);
    }
    // Path tricks in the ids of the routes themselves.
    for (const path of ["/s/0", "/s/-1", "/s/1e309", "/s/99999999999999999999", "/s/%00", "/s/..%2F..%2Fetc", "/b/%ED%A0%80", "/complaints/abc", "/u/%00", "/campaigns/..%2Fx"]) {
      await probe("path", admin, "GET", path, null);
      await probe("path", admin, "POST", path, "intent=vote&voted=true");
    }
    expectNothingWrong("hostile queries and paths", 1500);
  }, 120_000);
});
