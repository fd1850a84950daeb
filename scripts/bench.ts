// `npm run bench`: how fast Sprout's pages are at a realistic size, on this machine, against
// a bare Remix app served the same way (issue 17).
//
// Builds the app and the baseline (scripts/bench/baseline: Remix's own minimal app, one page,
// no loader, built into data/bench-baseline/build), creates (or reuses) the data set of each
// size in data/bench-<size>.db (scripts/seed/seed-large.ts), and for each size measures with
// autocannon, for a bounded time at each connection count, four server starts in a row, each
// the production server exactly as `npm start` runs it (server/index.ts, node:cluster, a
// worker per core), on the same data set:
//   1. the baseline (PAGE_CACHE=off: Remix renders every request);
//   2. Sprout: the trivial page (/ping), the home page, a board, the suggestion with the most
//      comments, search in English and in Chinese, as a visitor and as a logged-in member; a
//      member's profile; /leads and the leads' member list as a product lead; and a
//      vote-toggle mix of logged-in members (writes);
//   3. Sprout with PAGE_CACHE=off: the visitors' pages again, each one rendered;
//   4. the baseline again.
// Each case's ratio is to the mean of the baseline's two measurements at the same connection
// count: the machine is shared, and bracketing the app's cases evens out its drift.
// Per case it prints requests/s, median and p99 latency, errors, that ratio, the server's
// peak RSS, its CPU per request and a verdict against issue 17's targets; with --size both,
// the large/small throughput ratio per case; at the end, one JSON line with everything. It is
// a script, not a test: nothing here fails on a timing. See docs/performance.md.
// With --cpu-prof DIR, Sprout's server processes (not the baseline's) write V8 CPU profiles
// there when they stop, one per process and server start: where a case's time goes under load.
//
//   npm run bench -- [--size small|large|both] [--duration 10] [--connections 10,50]
//                    [--cases home,vote] [--no-build] [--fresh] [--workers N] [--cpu-prof DIR]
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const { values: flags } = parseArgs({
  options: {
    size: { type: "string", default: "both" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10,50" },
    cases: { type: "string" },
    "no-build": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
    workers: { type: "string" },
    "cpu-prof": { type: "string" },
  },
});

const SIZES = flags.size === "both" ? (["small", "large"] as const) : ([flags.size] as ("small" | "large")[]);
if (!SIZES.every((s) => s === "small" || s === "large")) throw new Error("--size must be small, large or both");
const DURATION = Number(flags.duration);
const CONNECTIONS = flags.connections!.split(",").map(Number);
const ONLY = flags.cases?.split(",");
const DATA_DIR = path.resolve("data");
const BASELINE_CONFIG = "scripts/bench/baseline/vite.config.ts";
// Where that config builds to; the server runs from here, so its build/ is the baseline's.
const BASELINE_DIR = path.join(DATA_DIR, "bench-baseline");
const BENCH_MEMBERS = 200;
const VOTE_TARGETS_PER_MEMBER = 3;
// The rate limits protect a real site from scripts; this script is the load.
// LOG_LEVEL=warn: a request log line per request would fill the captured output (the log's
// cost is measured separately, in docs/decisions/010-typed-http-edge.md).
// DIGEST_SCHEDULE=off: on a data set whose week has no digest yet, the first server start
// would spend minutes writing 50,000 digest rows, and every write empties the caches the
// pages are measured with; the digest is timed by scripts/digest-benchmark.ts.
const SERVER_ENV = {
  WRITE_LIMIT_PER_MEMBER: "1000000",
  WRITE_LIMIT_PER_ADDRESS: "1000000",
  SIGNUP_LIMIT_PER_ADDRESS: "1000000",
  SECURE_COOKIES: "false",
  LOG_LEVEL: "warn",
  DIGEST_SCHEDULE: "off",
  // The bench times the recompute on its own: a run crossing Monday 00:00 UTC would otherwise
  // start the new week's recompute inside a server under load.
  SCORE_SCHEDULE: "off",
};

// Issue 17's targets: a page's throughput against the baseline's at the same connection
// count, its p99 at 10 connections (members' pages and the vote mix), how size slows it, and
// the largest server process.
const TARGET = { ratio: 0.5, memberP99Ms: 50, voteP99Ms: 100, largeOverSmall: 0.9, peakRssMb: 350 };

type Size = "small" | "large";
// A lead's pages are members' pages: logged in, rendered every time.
type Audience = "visitor" | "member";
type Case = { name: string; audience: Audience; path: string; cookie?: string; vote?: VoteMix };
type VoteMix = { members: { id: number; cookie: string }[]; targets: number[] };
type Server = { app: "baseline" | "sprout"; pageCache: boolean; label: string };
type Result = {
  size: Size;
  case: string;
  app: Server["app"];
  audience: Audience;
  pageCache: boolean;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statusCodes: Record<string, number>;
  ratioToBaseline: number | null;
  peakRssMb: number;
  // The server's CPU (primary and workers, user and system) per answered request.
  cpuMsPerRequest: number;
  // The baseline's CPU per request over this case's: what the ratio would be with every core
  // busy serving, which a shared machine's other load and a case's waits do not move.
  cpuRatioToBaseline: number | null;
  verdict: string | null;
};

const log = (message: string) => process.stderr.write(`${message}\n`);

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const done = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } as NodeJS.ProcessEnv });
  if (done.status !== 0) throw new Error(`${command} ${args.join(" ")} failed with ${done.status}`);
}

// ---- Data sets

function dataSet(size: Size): string {
  const file = path.join(DATA_DIR, `bench-${size}.db`);
  if (flags.fresh) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  if (!fs.existsSync(file)) {
    // Generated aside and moved in place when complete, so an interrupted run leaves nothing.
    const partial = `${file}.partial-${process.pid}`;
    log(`Generating the ${size} data set (${path.relative(process.cwd(), file)})…`);
    try {
      run(process.execPath, ["--import", "tsx", "scripts/seed/cli.ts", "--size", size], { DATABASE_URL: partial });
      fs.renameSync(partial, file);
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
    }
  }
  // Migrations added since the data set was made apply to it, as they would to a real forum.
  run(process.execPath, ["--import", "tsx", "scripts/prepare-database.ts", "--no-seed"], { DATABASE_URL: file });
  return file;
}

// Members with sessions made directly in the database, hashed as app/features/accounts/sessions.server.ts does
// (the row id is the SHA-256 of the cookie's token): logging 200 members in over HTTP would
// measure scrypt, not Sprout.
function createSession(db: Database.Database, userId: number): string {
  const token = randomBytes(20).toString("hex");
  const id = createHash("sha256").update(token).digest("hex");
  db.prepare(`insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)`).run(id, userId, Date.now() + 30 * 86_400_000, Date.now());
  return `sprout_session=${token}`;
}

function prepareCases(file: string): { cases: Case[]; notes: string[] } {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  const notes: string[] = [];
  const get = <T>(query: string, ...params: unknown[]) => db.prepare(query).get(...params) as T;
  const publicSuggestion = `s.hidden_at is null and s.board_id in (select id from boards where visibility = 'public')`;

  const board = get<{ slug: string }>(
    `select b.slug from boards b join suggestions s on s.board_id = b.id where b.visibility = 'public' group by b.id order by count(*) desc limit 1`,
  );
  const thread = get<{ id: number; comment_count: number }>(
    `select id, comment_count from suggestions s where ${publicSuggestion} order by comment_count desc, id limit 1`,
  );
  // The profile with the most to read: the author of the most voted suggestion.
  const author = get<{ username: string }>(
    `select u.username from users u join suggestions s on s.author_id = u.id where ${publicSuggestion} and u.deleted_at is null order by s.vote_count desc limit 1`,
  );
  notes.push(`suggestion page: /s/${thread.id} with ${thread.comment_count} comments; board: /b/${board.slug}; profile: /u/${author.username}`);

  // Vote targets: the most voted suggestions still open to votes (contention on hot rows)
  // and quiet ones, each member toggling a few of them.
  const open = `s.status in ('open', 'under_review', 'planned', 'in_progress') and ${publicSuggestion}`;
  const popular = db.prepare(`select id from suggestions s where ${open} order by vote_count desc limit 20`).pluck().all() as number[];
  const quiet = db.prepare(`select id from suggestions s where ${open} order by (id * 7919) % 10007 limit 180`).pluck().all() as number[];
  const targets = [...popular, ...quiet];

  const passwordHash = get<{ password_hash: string }>(`select password_hash from users order by id limit 1`).password_hash;
  const insertMember = db.prepare(
    `insert or ignore into users (username, display_name, email, password_hash, role, locale) values (?, ?, ?, ?, 'member', 'en')`,
  );
  const members = db.transaction(() => {
    const list: { id: number; cookie: string }[] = [];
    for (let i = 0; i < BENCH_MEMBERS; i++) {
      const username = `bench_member_${i}`;
      insertMember.run(username, `Bench member ${i}`, `${username}@example.com`, passwordHash);
      const { id } = get<{ id: number }>(`select id from users where username = ?`, username);
      db.prepare(`delete from sessions where user_id = ?`).run(id);
      list.push({ id, cookie: createSession(db, id) });
    }
    return list;
  })();
  const lead = get<{ id: number } | undefined>(`select id from users where username = 'lead' and role = 'lead'`);
  const leadCookie = lead ? createSession(db, lead.id) : undefined;
  if (!lead) notes.push("/leads: no demo lead account in this data set");
  db.close();

  const member = members[0].cookie;
  const cases: Case[] = [
    { name: "trivial /ping", audience: "visitor", path: "/ping" },
    { name: "trivial /ping (member)", audience: "member", path: "/ping", cookie: member },
    { name: "home", audience: "visitor", path: "/" },
    { name: "home (member)", audience: "member", path: "/", cookie: member },
    { name: "board hot", audience: "visitor", path: `/b/${board.slug}?sort=hot` },
    { name: "board top", audience: "visitor", path: `/b/${board.slug}?sort=top` },
    { name: "board hot (member)", audience: "member", path: `/b/${board.slug}?sort=hot`, cookie: member },
    { name: "suggestion page", audience: "visitor", path: `/s/${thread.id}` },
    { name: "suggestion page (member)", audience: "member", path: `/s/${thread.id}`, cookie: member },
    { name: "search en", audience: "visitor", path: `/search?q=${encodeURIComponent("dark mode")}` },
    { name: "search zh", audience: "visitor", path: `/search?q=${encodeURIComponent("夜间模式")}` },
    { name: "search en (member)", audience: "member", path: `/search?q=${encodeURIComponent("dark mode")}`, cookie: member },
    { name: "profile (member)", audience: "member", path: `/u/${author.username}`, cookie: member },
    ...(leadCookie
      ? ([
          { name: "leads", audience: "member", path: "/leads", cookie: leadCookie },
          // The leads' member list: a stored week's rows, filtered and sorted by index (issue #16).
          { name: "leads members", audience: "member", path: "/leads/members", cookie: leadCookie },
          { name: "leads members (cohort, by loyalty)", audience: "member", path: `/leads/members?cohort=${new Date().toISOString().slice(0, 7)}&sort=loyalty&dir=asc&page=2`, cookie: leadCookie },
        ] satisfies Case[])
      : []),
    { name: "vote mix", audience: "member", path: "/s/:id.data", vote: { members, targets } },
  ];
  return { cases: cases.filter((c) => !ONLY || c.name.startsWith("trivial") || ONLY.some((o) => c.name.includes(o))), notes };
}

// ---- The server and its memory

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once("error", reject);
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// Sprout runs from the repository, the baseline from its build's directory: server/index.ts
// serves the build/ of the directory it runs in.
async function startServer(file: string, server: Server) {
  const port = await freePort();
  const env = {
    ...process.env,
    ...SERVER_ENV,
    NODE_ENV: "production",
    DATABASE_URL: file,
    PORT: String(port),
    PAGE_CACHE: server.pageCache ? "on" : "off",
  } as NodeJS.ProcessEnv;
  if (flags.workers) env.WEB_CONCURRENCY = flags.workers;
  // node:cluster starts the workers with the primary's flags, so they are profiled too.
  const profile = flags["cpu-prof"] && server.app !== "baseline" ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(flags["cpu-prof"])}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", path.resolve("server/index.ts")], {
    cwd: server.app === "baseline" ? BASELINE_DIR : process.cwd(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const workers = Number(flags.workers ?? os.availableParallelism());
  const expectedProcesses = workers > 1 ? workers + 1 : 1;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`The server did not start:\n${output}`);
    const healthy = await fetch(base + trivialPath(server)).then((r) => r.ok, () => false);
    // Every worker must be up, or the first seconds measure a half-started server.
    if (healthy && serverPids(child).length >= expectedProcesses) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, base, output: () => output };
}

// A page that costs the server the least: the baseline's only page, Sprout's /ping.
const trivialPath = (server: Server) => (server.app === "baseline" ? "/" : "/ping");

// The primary and its workers (node:cluster forks them as children).
function serverPids(child: ChildProcess): number[] {
  const pid = child.pid!;
  try {
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [pid, ...children];
  } catch {
    return [pid];
  }
}

function rssKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

// CPU time of the server's processes so far, in ms (/proc's utime and stime, in clock ticks
// of 10 ms): over a case it tells whether a page got slower because it costs more CPU under
// load or because it waits.
function serverCpuMs(child: ChildProcess): number {
  let ticks = 0;
  for (const pid of serverPids(child)) {
    try {
      // The command name in parentheses may hold spaces: fields are counted after it.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // A process that exited in between has nothing left to count.
    }
  }
  return ticks * 10;
}

// The largest resident set of any one server process, sampled every 100 ms.
function sampleRss(child: ChildProcess) {
  let peak = 0;
  const timer = setInterval(() => {
    for (const pid of serverPids(child)) peak = Math.max(peak, rssKb(pid, "VmRSS"));
  }, 100);
  return () => {
    clearInterval(timer);
    return Math.round(peak / 1024);
  };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

// ---- Load

function voteRequests(mix: VoteMix) {
  // Member k toggles their own few targets; each visit asks for the opposite of the last.
  const wanted = new Map<string, boolean>();
  let next = 0;
  return [
    {
      method: "POST" as const,
      setupRequest: (request: autocannon.Request): autocannon.Request => {
        const n = next++;
        const member = mix.members[n % mix.members.length];
        const slot = Math.floor(n / mix.members.length) % VOTE_TARGETS_PER_MEMBER;
        const target = mix.targets[(member.id * VOTE_TARGETS_PER_MEMBER + slot) % mix.targets.length];
        const key = `${member.id}:${target}`;
        const voted = !(wanted.get(key) ?? false);
        wanted.set(key, voted);
        return {
          ...request,
          method: "POST" as const,
          path: `/s/${target}.data`,
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: member.cookie },
          body: `intent=vote&voted=${voted}`,
        };
      },
    },
  ];
}

async function load(base: string, c: Case, connections: number, duration: number, amount?: number) {
  const options: autocannon.Options = {
    url: base,
    connections,
    ...(amount ? { amount } : { duration }),
    headers: c.cookie ? { cookie: c.cookie } : {},
    requests: c.vote ? voteRequests(c.vote) : [{ method: "GET", path: c.path }],
  };
  return autocannon(options);
}

// autocannon stops sending when a case ends, but the server may still be working through
// what it accepted: the next case starts once a trivial page answers promptly again.
async function settle(base: string, server: Server) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    const ok = await fetch(base + trivialPath(server)).then((r) => r.ok, () => false);
    if (ok && performance.now() - started < 250) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  log("The server did not settle within 2 minutes; measuring anyway.");
}

function errorsOf(result: autocannon.Result): { errors: number; statusCodes: Record<string, number> } {
  const statusCodes: Record<string, number> = {};
  let failed = 0;
  const stats = (result as unknown as { statusCodeStats: Record<string, { count: number }> }).statusCodeStats ?? {};
  for (const [code, { count }] of Object.entries(stats)) {
    statusCodes[code] = count;
    if (Number(code) >= 400) failed += count;
  }
  // autocannon's errors include its timeouts (10 s without an answer).
  return { errors: failed + result.errors, statusCodes: { ...statusCodes, ...(result.timeouts ? { timeouts: result.timeouts } : {}) } };
}

// Every touched suggestion's vote_count equals its rows: the write path's promise.
function verifyVoteCounts(file: string, targets: number[]) {
  const db = new Database(file, { readonly: true });
  const wrong = db
    .prepare(
      `select id, vote_count as stored, (select count(*) from votes where suggestion_id = s.id) as counted
       from suggestions s where id in (${targets.map(() => "?").join(",")}) and vote_count != counted`,
    )
    .all(...targets) as { id: number; stored: number; counted: number }[];
  db.close();
  return { checked: targets.length, wrong };
}

// The score issue's full recompute, timed on the data set (and /leads reads its snapshots).
function scoreRecompute(file: string): { ms: number } | { skipped: string } {
  if (!fs.existsSync("app/features/scoring/snapshots.server.ts")) return { skipped: "no app/features/scoring/snapshots.server.ts" };
  // The connection is opened first, as a server has it open: opening runs `pragma optimize`,
  // which may analyze tables (0.3 s on a copied database), and that is not the recompute.
  const code = `const { recomputeScores } = await import("./app/features/scoring/snapshots.server.ts");
    const { getDb } = await import("./app/platform/db.server.ts"); getDb();
    const started = performance.now(); recomputeScores(); console.log(JSON.stringify({ ms: Math.round(performance.now() - started) }));`;
  const done = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], {
    env: { ...process.env, DATABASE_URL: file },
    encoding: "utf8",
  });
  if (done.status !== 0) return { skipped: `recompute failed: ${done.stderr.trim().split("\n").slice(-3).join(" ")}` };
  return JSON.parse(done.stdout.trim().split("\n").at(-1)!);
}

// ---- The run

const BASELINE: Server = { app: "baseline", pageCache: false, label: "the baseline" };
const SPROUT: Server = { app: "sprout", pageCache: true, label: "Sprout" };
const SPROUT_UNCACHED: Server = { app: "sprout", pageCache: false, label: "Sprout, page cache off" };
const baselineCase = (when: "before" | "after"): Case => ({ name: `baseline (${when})`, audience: "visitor", path: "/" });

type Measurement = Omit<Result, "ratioToBaseline" | "cpuRatioToBaseline" | "verdict">;

// One server start on the data set: each case probed, warmed, then measured at each
// connection count.
async function measure(size: Size, file: string, server: Server, cases: Case[], notes: string[]) {
  const { child, base } = await startServer(file, server);
  const measured: Measurement[] = [];
  const runnable: Case[] = [];
  const voteChecks: ReturnType<typeof verifyVoteCounts>[] = [];
  try {
    for (const c of cases) {
      if (c.vote) {
        runnable.push(c);
        continue;
      }
      const probe = await fetch(base + c.path, { headers: c.cookie ? { cookie: c.cookie } : {}, redirect: "manual" });
      if (probe.status === 404) {
        notes.push(`${c.name}: ${c.path} answers 404 (not built yet), skipped`);
        log(notes.at(-1)!);
        continue;
      }
      if (!probe.ok) throw new Error(`${c.path} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
      runnable.push(c);
    }
    log(`Warming ${server.label} (${base})…`);
    for (const c of runnable) if (!c.vote) await load(base, c, 10, 0, 300);

    for (const connections of CONNECTIONS) {
      for (const c of runnable) {
        await settle(base, server);
        const stopSampling = sampleRss(child);
        const cpuBefore = serverCpuMs(child);
        const result = await load(base, c, connections, DURATION);
        const cpuMs = serverCpuMs(child) - cpuBefore;
        const peakRssMb = stopSampling();
        const row: Measurement = {
          size,
          case: server.app === "sprout" && !server.pageCache ? `${c.name}, page cache off` : c.name,
          app: server.app,
          audience: c.audience,
          pageCache: server.pageCache,
          connections,
          requestsPerSecond: Math.round(result.requests.average),
          p50: result.latency.p50,
          p99: result.latency.p99,
          ...errorsOf(result),
          peakRssMb,
          cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.requests.total)) * 100) / 100,
        };
        if (c.vote) {
          const check = verifyVoteCounts(file, c.vote.targets);
          voteChecks.push(check);
          if (check.wrong.length > 0) log(`Vote counts WRONG after the mix: ${JSON.stringify(check.wrong)}`);
        }
        measured.push(row);
        log(formatRow({ ...row, ratioToBaseline: null, cpuRatioToBaseline: null, verdict: null }));
      }
    }
  } finally {
    await stopServer(child);
  }
  return { measured, runnable, voteChecks };
}

// Issue 17's targets for one measured case; null for the baseline itself.
function verdictOf(row: Measurement, ratio: number | null, voteCountsExact: boolean | null): string | null {
  if (row.app === "baseline") return null;
  const short: string[] = [];
  if (ratio !== null && ratio < TARGET.ratio) short.push(`×baseline < ${TARGET.ratio}`);
  if (row.errors > 0) short.push("errors");
  const vote = row.case === "vote mix";
  const p99Limit = vote ? TARGET.voteP99Ms : row.audience === "member" ? TARGET.memberP99Ms : null;
  if (p99Limit !== null && row.connections === 10 && row.p99 > p99Limit) short.push(`p99 > ${p99Limit} ms`);
  if (vote && voteCountsExact === false) short.push("vote counts wrong");
  return short.length === 0 ? "pass" : `short: ${short.join(", ")}`;
}

async function benchSize(size: Size) {
  const file = dataSet(size);
  const recompute = scoreRecompute(file);
  log(`Score recompute (${size}): ${"ms" in recompute ? `${recompute.ms} ms` : recompute.skipped}`);
  const { cases, notes } = prepareCases(file);
  for (const note of notes) log(note);

  // The baseline before and after Sprout's cases, which run with the page cache on, then
  // the visitors' pages again with it off.
  const before = await measure(size, file, BASELINE, [baselineCase("before")], notes);
  const sprout = await measure(size, file, SPROUT, cases, notes);
  const visitorPages = sprout.runnable.filter((c) => c.audience === "visitor");
  const uncached = await measure(size, file, SPROUT_UNCACHED, visitorPages, notes);
  const after = await measure(size, file, BASELINE, [baselineCase("after")], notes);

  const baselines = [...before.measured, ...after.measured];
  const baselineRequestsPerSecond: Record<number, number> = {};
  const baselineCpuMs: Record<number, number> = {};
  const mean = (figures: number[]) => figures.reduce((sum, x) => sum + x, 0) / figures.length;
  for (const connections of CONNECTIONS) {
    const atConnections = baselines.filter((b) => b.connections === connections);
    baselineRequestsPerSecond[connections] = Math.round(mean(atConnections.map((b) => b.requestsPerSecond)));
    baselineCpuMs[connections] = mean(atConnections.map((b) => b.cpuMsPerRequest));
  }
  const voteCountsExact = sprout.voteChecks.length > 0 ? sprout.voteChecks.every((check) => check.wrong.length === 0) : null;
  const results: Result[] = [...before.measured, ...sprout.measured, ...uncached.measured, ...after.measured].map((row) => {
    const baseline = baselineRequestsPerSecond[row.connections];
    const ratioToBaseline = baseline ? Math.round((row.requestsPerSecond / baseline) * 100) / 100 : null;
    const cpu = baselineCpuMs[row.connections];
    const cpuRatioToBaseline = cpu && row.cpuMsPerRequest > 0 ? Math.round((cpu / row.cpuMsPerRequest) * 100) / 100 : null;
    return { ...row, ratioToBaseline, cpuRatioToBaseline, verdict: verdictOf(row, ratioToBaseline, voteCountsExact) };
  });
  const peakOf = (rows: Result[]) => rows.reduce((max, r) => Math.max(max, r.peakRssMb), 0);
  return {
    size,
    results,
    notes,
    baselineRequestsPerSecond,
    peakRssMb: peakOf(results.filter((r) => r.app === "sprout")),
    baselinePeakRssMb: peakOf(results.filter((r) => r.app === "baseline")),
    voteCountsExact,
    votesChecked: sprout.voteChecks[0]?.checked ?? 0,
    scoreRecompute: recompute,
  };
}

const CASE_WIDTH = 40;

function formatRow(r: Result) {
  const ratio = r.ratioToBaseline === null ? "   -" : r.ratioToBaseline.toFixed(2);
  return [
    r.size.padEnd(6),
    r.case.padEnd(CASE_WIDTH),
    `c=${String(r.connections).padEnd(3)}`,
    `${String(r.requestsPerSecond).padStart(6)} req/s`,
    `p50 ${String(r.p50).padStart(4)} ms`,
    `p99 ${String(r.p99).padStart(5)} ms`,
    `errors ${String(r.errors).padStart(4)}`,
    `×baseline ${ratio}`,
    `rss ${String(r.peakRssMb).padStart(3)} MB`,
    `cpu ${r.cpuMsPerRequest.toFixed(2).padStart(5)} ms/req`,
    `cpu ×baseline ${r.cpuRatioToBaseline === null ? "   -" : r.cpuRatioToBaseline.toFixed(2)}`,
    r.verdict ?? "",
  ].join("  ").trimEnd();
}

const passOrShort = (ok: boolean) => (ok ? "pass" : "short");

async function main() {
  if (!flags["no-build"] || !fs.existsSync(path.join(BASELINE_DIR, "build/server/index.js"))) {
    log("Building the baseline…");
    run("npx", ["remix", "vite:build", "--config", BASELINE_CONFIG]);
  }
  if (!flags["no-build"]) {
    log("Building…");
    run("npm", ["run", "build", "--silent"]);
  }
  const runs = [];
  for (const size of SIZES) runs.push(await benchSize(size));

  const summary: Record<string, unknown> = {};
  log("");
  log(`Results (ratios to the mean of the baseline's two runs at the same connection count; targets: ×baseline ≥ ${TARGET.ratio}, members' p99 at c=10 ≤ ${TARGET.memberP99Ms} ms, the vote mix's ≤ ${TARGET.voteP99Ms} ms, no errors; cpu ×baseline, the baseline's CPU per request over the case's, is for reading, not a target)`);
  for (const r of runs.flatMap((run) => run.results)) console.log(formatRow(r));
  log("");
  for (const run of runs) {
    const baseline = CONNECTIONS.map((c) => `${run.baselineRequestsPerSecond[c]} req/s at c=${c}`).join(", ");
    console.log(`${run.size}: baseline (mean) ${baseline}; peak RSS ${run.peakRssMb} MB (${passOrShort(run.peakRssMb <= TARGET.peakRssMb)}, ≤ ${TARGET.peakRssMb}), the baseline's ${run.baselinePeakRssMb} MB`);
    if (run.voteCountsExact !== null) console.log(`${run.size}: vote counts after each mix ${run.voteCountsExact ? `exact for all ${run.votesChecked} touched suggestions` : "WRONG"}`);
    console.log(`${run.size}: score recompute ${"ms" in run.scoreRecompute ? `${run.scoreRecompute.ms} ms` : run.scoreRecompute.skipped}`);
  }
  const [small, large] = [runs.find((r) => r.size === "small"), runs.find((r) => r.size === "large")];
  if (small && large) {
    const growth: Record<string, number> = {};
    log("");
    log(`Large/small throughput ratio (target ≥ ${TARGET.largeOverSmall})`);
    for (const l of large.results) {
      const s = small.results.find((x) => x.case === l.case && x.connections === l.connections);
      if (!s || s.requestsPerSecond === 0) continue;
      const ratio = Math.round((l.requestsPerSecond / s.requestsPerSecond) * 100) / 100;
      growth[`${l.case} c=${l.connections}`] = ratio;
      const verdict = l.app === "baseline" ? "" : `  ${passOrShort(ratio >= TARGET.largeOverSmall)}`;
      console.log(`${l.case.padEnd(CASE_WIDTH)}  c=${String(l.connections).padEnd(3)}  ${ratio.toFixed(2)}${verdict}`);
    }
    summary.largeOverSmall = growth;
  }
  summary.runs = runs;
  summary.targets = TARGET;
  summary.duration = DURATION;
  summary.connections = CONNECTIONS;
  console.log(JSON.stringify({ bench: summary }));
}

await main();
