// What a vote costs, in process: runs the production build without HTTP, posts the bench's vote
// mix (200 members toggling their votes on 20 popular and 180 quiet suggestions, as
// scripts/bench.ts does) one vote after another, and reports per vote the CPU and wall time,
// the SQLite statements run, the write transactions and how long each held the write lock (a
// transaction's wall time from BEGIN to COMMIT), grouped by what ran in them. Work done
// between votes (the coalesced honors re-checks of popular authors, on their timers) is
// reported apart. See docs/performance.md.
//
//   DATABASE_URL=/tmp/copy-of-bench-large.db [BUILD=build/server/index.js] node --import tsx scripts/vote-phases.ts [--votes 2000] [--seconds 0]
//
// It writes to the database (members, sessions, votes): give it a copy.
import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import Database from "better-sqlite3";

const { values: flags } = parseArgs({ options: { votes: { type: "string", default: "2000" }, seconds: { type: "string", default: "0" } } });
const VOTES = Number(flags.votes);
// With --seconds, votes go on at least that long, so the once-a-minute re-checks show.
const SECONDS = Number(flags.seconds);
const databaseUrl = (process.env.DATABASE_URL ??= "data/bench-large.db");
process.env.NODE_ENV = "production";
process.env.DIGEST_SCHEDULE = "off";

// ---- Counting statements and transactions, on every connection of this process

type Transaction = { started: number; statements: number; writes: number; first: string };
type Tally = { statements: number; writes: number; autocommitWrites: number; transactions: Transaction[]; trace: string[] };
const fresh = (): Tally => ({ statements: 0, writes: 0, autocommitWrites: 0, transactions: [], trace: [] });
let tally = fresh();
let open: Transaction | null = null;
const autocommitSources = new Set<string>();
// Time inside SQLite (and better-sqlite3's rows) per statement text, votes and timers together.
const bySource = new Map<string, { calls: number; ms: number }>();

const probe = new Database(":memory:");
const Statement = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>;
for (const method of ["run", "get", "all", "iterate"] as const) {
  const original = Statement[method] as (...args: unknown[]) => unknown;
  Statement[method] = function (this: { reader: boolean; source: string }, ...args: unknown[]) {
    tally.statements++;
    tally.trace.push(`${open ? "  " : ""}${this.reader ? "read " : "WRITE"} ${this.source.replace(/\s+/g, " ").slice(0, 100)}`);
    if (!this.reader) {
      tally.writes++;
      if (!open) {
        tally.autocommitWrites++;
        autocommitSources.add(this.source.replace(/\s+/g, " ").slice(0, 70));
      }
    }
    if (open) {
      open.statements++;
      if (!this.reader) open.writes++;
      if (!/^(begin|commit|savepoint|release|rollback)/i.test(this.source)) open.first ||= this.source.replace(/\s+/g, " ").slice(0, 70);
    }
    const started = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const key = this.source.replace(/\s+/g, " ").slice(0, 90);
      const spent = bySource.get(key) ?? { calls: 0, ms: 0 };
      spent.calls++;
      spent.ms += performance.now() - started;
      bySource.set(key, spent);
    }
  };
}
const transaction = Database.prototype.transaction;
Database.prototype.transaction = function (this: Database.Database, fn: (...args: never[]) => unknown) {
  const wrapped = transaction.call(this, fn);
  const timed = (variant: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      // Nested calls are savepoints of the transaction already open.
      if (open) return variant.apply(this, args);
      const record: Transaction = { started: performance.now(), statements: 0, writes: 0, first: "" };
      open = record;
      try {
        return variant.apply(this, args);
      } finally {
        open = null;
        tally.transactions.push({ ...record, started: performance.now() - record.started });
      }
    };
  const result = timed(wrapped) as unknown as typeof wrapped;
  for (const variant of ["deferred", "immediate", "exclusive"] as const) result[variant] = timed(wrapped[variant]) as never;
  result.default = result;
  return result;
} as never;
probe.close();

// ---- Members and targets, as the bench makes them

const MEMBERS = 200;
const TARGETS_PER_MEMBER = 3;
const setup = new Database(databaseUrl);
setup.pragma("busy_timeout = 5000");
const publicSuggestion = `s.hidden_at is null and s.board_id in (select id from boards where visibility = 'public')`;
const openSuggestion = `s.status in ('open', 'under_review', 'planned', 'in_progress') and ${publicSuggestion}`;
const popular = setup.prepare(`select id from suggestions s where ${openSuggestion} order by vote_count desc limit 20`).pluck().all() as number[];
const quiet = setup.prepare(`select id from suggestions s where ${openSuggestion} order by (id * 7919) % 10007 limit 180`).pluck().all() as number[];
const targets = [...popular, ...quiet];
const passwordHash = setup.prepare(`select password_hash from users order by id limit 1`).pluck().get() as string;
const members = setup.transaction(() =>
  Array.from({ length: MEMBERS }, (_, i) => {
    const username = `bench_member_${i}`;
    setup
      .prepare(`insert or ignore into users (username, display_name, email, password_hash, role, locale) values (?, ?, ?, ?, 'member', 'en')`)
      .run(username, `Bench member ${i}`, `${username}@example.com`, passwordHash);
    const id = setup.prepare(`select id from users where username = ?`).pluck().get(username) as number;
    const token = randomBytes(20).toString("hex");
    setup
      .prepare(`insert into sessions (id, user_id, expires_at, created_at) values (?, ?, ?, ?)`)
      .run(createHash("sha256").update(token).digest("hex"), id, Date.now() + 86_400_000, Date.now());
    return { id, cookie: `sprout_session=${token}` };
  }),
)();
const held = new Set(
  (setup.prepare(`select user_id || ':' || suggestion_id from votes where user_id in (${members.map((m) => m.id).join(",")})`).pluck().all() as string[]),
);
setup.close();

// ---- Voting

// BUILD names another copy of the production build (to compare a change with what it replaces).
const build = (await import(path.resolve(process.env.BUILD ?? "build/server/index.js"))) as ServerBuild;
const handle = createRequestHandler(build, "production");
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

type Sample = Tally & { wall: number; cpu: number; voted: boolean };
const samples: Sample[] = [];
const between = fresh();
let n = 0;
async function vote() {
  const member = members[n % members.length];
  const slot = Math.floor(n / members.length) % TARGETS_PER_MEMBER;
  n++;
  const target = targets[(member.id * TARGETS_PER_MEMBER + slot) % targets.length];
  const key = `${member.id}:${target}`;
  const voted = !held.has(key);
  if (voted) held.add(key);
  else held.delete(key);
  // Whatever ran since the last vote (timers) is not this vote's.
  const idle = tally;
  between.statements += idle.statements;
  between.writes += idle.writes;
  between.autocommitWrites += idle.autocommitWrites;
  between.transactions.push(...idle.transactions);
  tally = fresh();
  const cpu = cpuNow();
  const started = performance.now();
  const response = await handle(
    new Request(`http://localhost/s/${target}.data`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: member.cookie },
      body: `intent=vote&voted=${voted}`,
    }),
    { clientAddress: "127.0.0.1", cspNonce: "bench" },
  );
  await response.text();
  // Deliveries a writer leaves to the next turn of the event loop belong to the vote.
  await new Promise((resolve) => setImmediate(resolve));
  const wall = performance.now() - started;
  if (response.status !== 200) throw new Error(`vote on ${target} answered ${response.status}`);
  samples.push({ wall, cpu: cpuNow() - cpu, voted, ...tally });
  tally = fresh();
}

const began = performance.now();
while (samples.length < VOTES || performance.now() - began < SECONDS * 1000) {
  await vote();
  // Timers get their turn, as between requests on a server.
  if (samples.length % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
}

// ---- Report

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];
const row = (label: string, values: number[]) =>
  console.log(
    `${label.padEnd(28)} ${[0.5, 0.9, 0.99, 1].map((q) => quantile(values, q).toFixed(2).padStart(8)).join(" ")}   mean ${(values.reduce((a, b) => a + b, 0) / values.length).toFixed(2)}`,
  );
console.log(`${samples.length} votes on ${databaseUrl}, ${((performance.now() - began) / 1000).toFixed(1)} s`);
console.log(`${"per vote".padEnd(28)} ${["p50", "p90", "p99", "max"].map((h) => h.padStart(8)).join(" ")}`);
row("wall ms", samples.map((s) => s.wall));
row("cpu ms", samples.map((s) => s.cpu));
row("statements", samples.map((s) => s.statements));
row("writing statements", samples.map((s) => s.writes));
row("autocommit writes", samples.map((s) => s.autocommitWrites));
row("transactions", samples.map((s) => s.transactions.length));
row("write lock held, ms", samples.map((s) => s.transactions.reduce((sum, t) => sum + t.started, 0)));
const groups = new Map<string, number[]>();
for (const t of samples.flatMap((s) => s.transactions)) groups.set(t.first, [...(groups.get(t.first) ?? []), t.started]);
console.log("\nTransactions in votes, by first statement: count, held ms p50 / p99 / max, statements p50");
for (const [first, held] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  const statements = samples.flatMap((s) => s.transactions).filter((t) => t.first === first).map((t) => t.statements);
  console.log(`  ${String(held.length).padStart(6)}  ${quantile(held, 0.5).toFixed(2)} / ${quantile(held, 0.99).toFixed(2)} / ${quantile(held, 1).toFixed(2)}  ${quantile(statements, 0.5)}  ${first}`);
}
const slowest = [...samples].sort((a, b) => b.wall - a.wall).slice(0, 5);
console.log("\nSlowest votes: wall, cpu, statements, transactions (held ms)");
for (const s of slowest) console.log(`  ${s.wall.toFixed(1)}  ${s.cpu.toFixed(1)}  ${s.statements}  ${s.transactions.map((t) => `${t.started.toFixed(1)} ${t.first}`).join(" | ")}`);
console.log(
  `\nBetween votes (timers): ${between.statements} statements, ${between.writes} writes (${between.autocommitWrites} autocommit), ${between.transactions.length} transactions, held ${between.transactions.reduce((sum, t) => sum + t.started, 0).toFixed(1)} ms`,
);
for (const t of between.transactions) console.log(`  ${t.started.toFixed(1)} ms, ${t.statements} statements: ${t.first}`);
for (const voted of [true, false]) {
  console.log(`\nThe statements of the last ${voted ? "vote" : "vote taken back"} (indented: inside a transaction):`);
  for (const line of samples.findLast((s) => s.voted === voted)?.trace ?? []) console.log(`  ${line}`);
}
console.log("\nStatements by total time (ms, calls):");
for (const [source, spent] of [...bySource].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(`  ${spent.ms.toFixed(0).padStart(6)} ${String(spent.calls).padStart(6)}  ${source}`);
console.log(`Autocommit writes seen: ${[...autocommitSources].join(" | ")}`);
process.exit(0);
