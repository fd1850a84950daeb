// The database counts the votes that earn honors (app/features/honors/received-votes.server.ts)
// so that the honors engine does not read every vote an author received. Its counts must be
// exactly those of the pure rules (countedVotes) applied to every vote, whoever voted and when.
import { inArray, sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { suggestions, users, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { countedVotesReceived } from "~/features/honors/received-votes.server";
import { countedVotes, SERIAL_VOTE_LIMIT, SERIAL_VOTE_WINDOW_MS, YOUNG_ACCOUNT_MS } from "~/features/honors/rules/anti-gaming";
import { createMember, createStaff, createSuggestion } from "../factories";

const T0 = Date.UTC(2025, 2, 1, 12);
const MINUTE = 60_000;

// Deterministic, so a failure can be replayed.
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

// Every vote the authors received, one row each, as the pure rules take them.
function readVotes(authorIds: readonly number[]) {
  return getDb()
    .select({ authorId: suggestions.authorId, suggestionId: votes.suggestionId, voterId: votes.userId, voterRole: users.role, voterJoinedAt: users.createdAt, createdAt: votes.createdAt })
    .from(votes)
    .innerJoin(suggestions, sql`${suggestions.id} = ${votes.suggestionId}`)
    .innerJoin(users, sql`${users.id} = ${votes.userId}`)
    .where(inArray(suggestions.authorId, [...authorIds]))
    .all();
}

// Every author's counts by the pure rules, over their votes since a time, read one by one.
function expected(authorIds: readonly number[], since = 0) {
  const rows = readVotes(authorIds).filter((v) => v.createdAt.getTime() >= since);
  const counts: Record<string, number> = {};
  for (const authorId of authorIds) {
    for (const vote of countedVotes(authorId, rows.filter((r) => r.authorId === authorId)).counted) {
      const key = `${authorId}:${vote.suggestionId}`;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

const asRecord = (rows: ReturnType<typeof countedVotesReceived>) =>
  Object.fromEntries(rows.map((r) => [`${r.authorId}:${r.suggestionId}`, r.counted]));

test("counts what the anti-gaming rules count, per author and suggestion, for every kind of voter", async () => {
  const next = random(17);
  const authors = await Promise.all([0, 1, 2].map(() => createMember({ createdAt: new Date(T0 - 90 * 24 * 60 * MINUTE) })));
  const ideas = [];
  // Authors of many ideas and of few (whose own votes stay under the serial limit).
  for (const [a, author] of authors.entries()) for (let i = 0; i < [8, 8, 2][a]; i++) ideas.push(await createSuggestion({ author, createdAt: new Date(T0) }));
  const voters = [
    ...(await Promise.all(Array.from({ length: 12 }, () => createMember({ createdAt: new Date(T0 - 30 * 24 * 60 * MINUTE) })))),
    // Joined just before the votes: their early votes come from a young account.
    ...(await Promise.all(Array.from({ length: 3 }, () => createMember({ createdAt: new Date(T0 - YOUNG_ACCOUNT_MS + 90 * MINUTE) })))),
    await createStaff({ createdAt: new Date(T0 - 30 * 24 * 60 * MINUTE) }),
    ...authors,
  ];
  // Each voter votes for a random share of the ideas (from a few to most), in bursts and
  // spread out, so that some voters pass the serial limit for one author inside the window,
  // some only across it and some never.
  const rows: (typeof votes.$inferInsert)[] = [];
  for (const voter of voters) {
    const burst = next() < 0.5;
    const share = next();
    let at = T0 + Math.floor(next() * 120) * MINUTE;
    for (const idea of ideas) {
      if (next() > share) continue;
      rows.push({ suggestionId: idea.id, userId: voter.id, createdAt: new Date(at) });
      at += burst ? Math.floor(next() * 5) * MINUTE : Math.floor(next() * 2 * SERIAL_VOTE_WINDOW_MS);
    }
  }
  getDb().insert(votes).values(rows).onConflictDoNothing().run();

  const authorIds = authors.map((a) => a.id);
  const want = expected(authorIds);
  // The data holds every kind of vote the rules exclude, or the comparison proves little.
  const reasons = new Set(
    authors.flatMap((author) =>
      countedVotes(author.id, readVotes([author.id]).filter((r) => r.authorId === author.id)).excluded.map((e) => e.reason),
    ),
  );
  expect([...reasons].sort()).toEqual(["self", "serial", "staff", "young_account"]);

  for (const author of authors) {
    const got = asRecord(countedVotesReceived(getDb(), { authorId: author.id }));
    const mine = Object.fromEntries(Object.entries(want).filter(([key]) => key.startsWith(`${author.id}:`)));
    expect(got).toEqual(mine);
  }

  // A period: only the votes cast since then, every author at once, the serial rule applied
  // within them.
  const since = T0 + 90 * MINUTE;
  const all = countedVotesReceived(getDb(), { since: new Date(since) }).filter((r) => authorIds.includes(r.authorId));
  expect(asRecord(all)).toEqual(expected(authorIds, since));
});

test("excludes self, staff, young-account and serial votes and keeps the rest", async () => {
  const author = await createMember({ createdAt: new Date(T0 - 90 * 24 * 60 * MINUTE) });
  const idea = await createSuggestion({ author, createdAt: new Date(T0) });
  const others = await Promise.all(Array.from({ length: SERIAL_VOTE_LIMIT + 1 }, () => createSuggestion({ author, createdAt: new Date(T0) })));
  const fan = await createMember({ createdAt: new Date(T0 - 30 * 24 * 60 * MINUTE) });
  const serial = await createMember({ createdAt: new Date(T0 - 30 * 24 * 60 * MINUTE) });
  const staff = await createStaff({ createdAt: new Date(T0 - 30 * 24 * 60 * MINUTE) });
  const young = await createMember({ createdAt: new Date(T0 - MINUTE) });
  getDb()
    .insert(votes)
    .values([
      { suggestionId: idea.id, userId: fan.id, createdAt: new Date(T0) },
      { suggestionId: idea.id, userId: staff.id, createdAt: new Date(T0) },
      { suggestionId: idea.id, userId: young.id, createdAt: new Date(T0) },
      // The serial voter's sixth vote within the hour is the one on `idea`.
      ...others.slice(0, SERIAL_VOTE_LIMIT).map((s, i) => ({ suggestionId: s.id, userId: serial.id, createdAt: new Date(T0 + i * MINUTE) })),
      { suggestionId: idea.id, userId: serial.id, createdAt: new Date(T0 + SERIAL_VOTE_LIMIT * MINUTE) },
    ])
    .onConflictDoNothing()
    .run();
  const counted = countedVotesReceived(getDb(), { authorId: author.id });
  // The author's own vote (cast on posting) and the staff, young and serial votes earn nothing.
  expect(counted.find((c) => c.suggestionId === idea.id)?.counted).toBe(1);
  expect(counted.filter((c) => c.suggestionId !== idea.id).map((c) => c.counted)).toEqual(Array(SERIAL_VOTE_LIMIT).fill(1));
});
