// Where a page's time goes, by phase: runs the production build in this process (no HTTP,
// no other load), sends each page sequentially as a member, a lead or a visitor, and splits
// each request's wall time into the root loader, the route's loaders, the render (React
// streaming the document, loader data serialised into it, until the last byte) and the rest
// (Remix matching and headers). Phases are measured in CPU time of this process, which other
// programs on the machine disturb far less than wall time; the wall time is printed too. It answers "what does
// a member's page cost before it does anything specific" without a load generator sharing
// the cores. See docs/performance.md.
//
//   DATABASE_URL=data/bench-large.db node --import tsx scripts/request-phases.ts [--requests 200] [--only home]
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import Database from "better-sqlite3";

const { values: flags } = parseArgs({ options: { requests: { type: "string", default: "200" }, only: { type: "string" } } });
const REQUESTS = Number(flags.requests);
// The build and this script's own queries read the same file.
const databaseUrl = (process.env.DATABASE_URL ??= "data/bench-large.db");
process.env.NODE_ENV = "production";
const { createSession } = await import("~/features/accounts/sessions.server");
const { SESSION_COOKIE } = await import("~/platform/cookies.server");

// A member and a lead, logged in by a session row of the app's own making (no password).
function session(db: Database.Database, username: string): string {
  const user = db.prepare(`select id from users where username = ?`).get(username) as { id: number } | undefined;
  if (!user) throw new Error(`No account ${username} in ${databaseUrl}`);
  return `${SESSION_COOKIE}=${createSession(user.id).token}`;
}
const db = new Database(databaseUrl);
const member = (db.prepare(`select username from users where role = 'member' and deleted_at is null order by id limit 1 offset 100`).get() as { username: string }).username;
const memberCookie = session(db, member);
const leadCookie = session(db, "lead");
const board = (db.prepare(`select b.slug from boards b where b.visibility = 'public' order by (select count(*) from suggestions s where s.board_id = b.id) desc limit 1`).get() as { slug: string }).slug;
const thread = (db.prepare(`select id from suggestions s where hidden_at is null and board_id in (select id from boards where visibility = 'public') order by comment_count desc limit 1`).get() as { id: number }).id;
// As scripts/bench.ts: the profile with the most to read, the author of the most voted suggestion.
const author = (db.prepare(`select u.username from users u join suggestions s on s.author_id = u.id where s.hidden_at is null and s.board_id in (select id from boards where visibility = 'public') and u.deleted_at is null order by s.vote_count desc limit 1`).get() as { username: string }).username;
db.close();

const pages: { name: string; path: string; cookie?: string }[] = [
  { name: "ping (visitor)", path: "/ping" },
  { name: "ping (member)", path: "/ping", cookie: memberCookie },
  { name: "home (member)", path: "/", cookie: memberCookie },
  { name: "board (member)", path: `/b/${board}`, cookie: memberCookie },
  { name: "thread (visitor)", path: `/s/${thread}` },
  { name: "thread (member)", path: `/s/${thread}`, cookie: memberCookie },
  { name: "search (member)", path: `/search?q=${encodeURIComponent("dark mode")}`, cookie: memberCookie },
  { name: "profile (member)", path: `/u/${author}`, cookie: memberCookie },
  { name: "leads (lead)", path: "/leads", cookie: leadCookie },
  { name: "leads members (lead)", path: "/leads/members", cookie: leadCookie },
];

// Phases are timed by wrapping the build's loaders and its document renderer.
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
type Phase = "root" | "route" | "render";
let current: Record<Phase, number> = { root: 0, route: 0, render: 0 };
const original = (await import(path.resolve("build/server/index.js"))) as ServerBuild;
const routes: ServerBuild["routes"] = {};
for (const [id, route] of Object.entries(original.routes)) {
  const loader = route.module.loader;
  const phase: Phase = id === "root" ? "root" : "route";
  routes[id] = {
    ...route,
    module: {
      ...route.module,
      loader: loader
        ? (args) => {
            // Sprout's loaders do their work synchronously (better-sqlite3); timing only the
            // call keeps the other loaders, run meanwhile by Remix, out of this one's phase.
            const started = cpuNow();
            try {
              return loader(args);
            } finally {
              current[phase] += cpuNow() - started;
            }
          }
        : undefined,
    },
  };
}
const renderDocument = original.entry.module.default;
const build: ServerBuild = {
  ...original,
  routes,
  entry: {
    module: {
      ...original.entry.module,
      // The render phase ends when the last byte of the document has been produced.
      default: async (...args: Parameters<typeof renderDocument>) => {
        const started = cpuNow();
        const response = (await renderDocument(...args)) as Response;
        // Bytes, not text: decoding a Chinese page (0.5 ms for 70 kB) is this script's cost,
        // not the server's, which writes the bytes to the socket.
        const html = await response.arrayBuffer();
        current.render += cpuNow() - started;
        return new Response(html, { status: response.status, headers: response.headers });
      },
    },
  },
};
const handle = createRequestHandler(build, "production");

async function once(page: (typeof pages)[number]) {
  current = { root: 0, route: 0, render: 0 };
  const cpu = cpuNow();
  const started = performance.now();
  const response = await handle(
    new Request(`http://localhost${page.path}`, { headers: page.cookie ? { cookie: page.cookie } : {} }),
    { clientAddress: "127.0.0.1", cspNonce: "bench" },
  );
  const body = await response.arrayBuffer();
  const wall = performance.now() - started;
  const used = cpuNow() - cpu;
  if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}`);
  return { wall, cpu: used, bytes: body.byteLength, ...current };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (n: number) => n.toFixed(2).padStart(7);
console.log(`${"page".padEnd(22)} ${"wall".padStart(7)} ${"cpu".padStart(7)} ${"root".padStart(7)} ${"route".padStart(7)} ${"render".padStart(7)} ${"rest".padStart(7)}   bytes   (medians, ms)`);
for (const page of pages.filter((p) => !flags.only || p.name.includes(flags.only))) {
  for (let i = 0; i < 30; i++) await once(page);
  const runs: Awaited<ReturnType<typeof once>>[] = [];
  for (let i = 0; i < REQUESTS; i++) runs.push(await once(page));
  const m = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
  const rest = median(runs.map((r) => r.cpu - r.root - r.route - r.render));
  console.log(`${page.name.padEnd(22)} ${fixed(m("wall"))} ${fixed(m("cpu"))} ${fixed(m("root"))} ${fixed(m("route"))} ${fixed(m("render"))} ${fixed(rest)} ${String(m("bytes")).padStart(7)}`);
}
process.exit(0);
