// What the domain-event flow costs per vote, in-process on a fresh database (no HTTP):
//   bare    the vote's transaction alone (no subscriber registered, so no event is stored)
//   direct  the vote, then honors and invitations called directly, as before the outbox
//   outbox  the vote recording vote_cast/vote_removed in its transaction, then the outbox
//           handling it for honors and invitations right after the commit
// Each mode casts (or takes back) every (member, suggestion) pair's vote in a pass, undone
// before the next mode's pass; the modes take turns, and the medians are printed. A script, not a test: it asserts nothing.
//
//   node --import tsx scripts/event-flow-cost.ts [--pairs 2500] [--rounds 3]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrateDatabase, openDatabase } from "../db/client";

const { values: flags } = parseArgs({ options: { pairs: { type: "string", default: "2500" }, rounds: { type: "string", default: "3" } } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sprout-events-"));
const file = path.join(dir, "cost.db");
const setup = openDatabase(file);
migrateDatabase(setup);

// 50 authors with a suggestion each and enough month-old voters for the pairs wanted.
const side = Math.ceil(Math.sqrt(Number(flags.pairs)));
const monthAgo = Date.now() - 30 * 24 * 60 * 60 * 1000;
const sqlite = setup.$client;
const { id: boardId } = sqlite.prepare("insert into boards (slug, name_en, name_zh) values ('bench', 'Bench', 'Bench') returning id").get() as { id: number };
const addUser = sqlite.prepare("insert into users (username, display_name, email, password_hash, created_at) values (?, ?, ?, '!', ?) returning id");
const addSuggestion = sqlite.prepare("insert into suggestions (board_id, author_id, title, body, created_at) values (?, ?, ?, '', ?) returning id");
const suggestionIds: number[] = [];
const voterIds: number[] = [];
sqlite.transaction(() => {
  for (let i = 0; i < side; i++) {
    const { id: author } = addUser.get(`author${i}`, `author${i}`, `author${i}@example.com`, monthAgo) as { id: number };
    suggestionIds.push((addSuggestion.get(boardId, author, `Idea ${i}`, monthAgo) as { id: number }).id);
    voterIds.push((addUser.get(`voter${i}`, `voter${i}`, `voter${i}@example.com`, monthAgo) as { id: number }).id);
  }
})();
sqlite.close();

process.env.DATABASE_URL = file;
const { setVote } = await import("../app/features/votes/votes.server");
const { evaluateSuggestionAuthor } = await import("../app/features/honors/honors.server");
const { activateInvitationFor } = await import("../app/features/invitations/invitations.server");
const { registerSubscribers } = await import("../app/platform/events/outbox.server");
const { SUBSCRIBERS } = await import("../app/subscribers.server");

type Mode = "bare" | "direct" | "outbox";

function pass(mode: Mode, voted: boolean): number {
  registerSubscribers(mode === "outbox" ? SUBSCRIBERS : []);
  let votes = 0;
  for (const suggestionId of suggestionIds) {
    for (const userId of voterIds) {
      const now = new Date();
      setVote({ suggestionId, userId, voted, now });
      if (mode === "direct") {
        evaluateSuggestionAuthor(suggestionId, ["vote_cast"]);
        if (voted) activateInvitationFor(userId, now);
      }
      votes++;
    }
  }
  return votes;
}

// Wall time per pass, and CPU time (less disturbed by other processes on a busy machine).
const samples: Record<Mode, { wall: number[]; cpu: number[] }> = { bare: { wall: [], cpu: [] }, direct: { wall: [], cpu: [] }, outbox: { wall: [], cpu: [] } };
pass("bare", true); // warm-up
pass("bare", false);
for (let round = 0; round < Number(flags.rounds); round++) {
  for (const voted of [true, false]) {
    for (const mode of ["bare", "direct", "outbox"] as const) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      const votes = pass(mode, voted);
      const used = process.cpuUsage(cpu);
      samples[mode].wall.push(Number(process.hrtime.bigint() - started) / 1e3 / votes);
      samples[mode].cpu.push((used.user + used.system) / votes);
      // Undo, so that the next mode starts from the same state.
      registerSubscribers([]);
      pass("bare", !voted);
    }
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figure = (mode: Mode) => ({ wall: median(samples[mode].wall), cpu: median(samples[mode].cpu) });
for (const mode of ["bare", "direct", "outbox"] as const) {
  const { wall, cpu } = figure(mode);
  console.log(`${mode.padEnd(7)} median ${wall.toFixed(0).padStart(5)} µs wall, ${cpu.toFixed(0).padStart(5)} µs CPU per vote (${samples[mode].wall.length} passes of ${suggestionIds.length * voterIds.length} votes)`);
}
const [direct, withOutbox] = [figure("direct"), figure("outbox")];
console.log(`outbox - direct: ${(withOutbox.wall - direct.wall).toFixed(0)} µs wall, ${(withOutbox.cpu - direct.cpu).toFixed(0)} µs CPU per vote`);
fs.rmSync(dir, { recursive: true, force: true });
