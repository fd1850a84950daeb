// Votes: one per member and suggestion. The form says what the member wants (vote or not),
// so a double click or a retried request can never count twice.
import { and, count, eq, gte, ne, sql, type Placeholder } from "drizzle-orm";
import { writeWhenFree, type Db } from "#db/client";
import { suggestions, votes } from "#db/schema";
import { getDb, idList, inIdList, preparedQuery } from "~/platform/db.server";
import { mustVerifyEmail } from "~/features/accounts/email-verification.server";
import { isVotingOpen } from "~/features/roles/permissions";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";
import { canVote, dailyVoteBudget, type PrivilegeActor } from "~/features/honors/rules/privileges";

export type VoteResult =
  | { ok: true; voted: boolean; voteCount: number }
  | { ok: false; reason: "not_found" | "voting_closed" }
  | { ok: false; reason: "over_budget"; budget: number }
  | { ok: false; reason: "unverified" };

const startOfUtcDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

// Votes the member cast since a time (midnight UTC: today's, against their budget) and still
// holds, their own suggestions aside (posting one casts the author's vote for it).
function votesCastSince(db: Db, userId: Placeholder, since: Placeholder) {
  return db
    .select({ n: count() })
    .from(votes)
    .innerJoin(suggestions, eq(suggestions.id, votes.suggestionId))
    .where(and(eq(votes.userId, userId), gte(votes.createdAt, since), ne(suggestions.authorId, userId)));
}

// Read on every view of a suggestion's page and every vote: prepared once (a placeholder takes
// the time in ms, as stored).
const votesCastSinceQuery = preparedQuery((db) => votesCastSince(db, sql.placeholder("userId"), sql.placeholder("since")).prepare());

// What a vote runs inside its transaction, compiled once. The statements belong to the
// database handle and run inside whatever transaction is open on it.
const voteStatements = preparedQuery((db) => {
  const key = and(eq(votes.suggestionId, sql.placeholder("suggestionId")), eq(votes.userId, sql.placeholder("userId")));
  return {
    status: db.select({ status: suggestions.status }).from(suggestions).where(eq(suggestions.id, sql.placeholder("suggestionId"))).prepare(),
    hasVoted: db.select({ one: sql`1` }).from(votes).where(key).prepare(),
    // `at` is bound as a Date: the column stores it in ms.
    add: db
      .insert(votes)
      .values({ suggestionId: sql.placeholder("suggestionId"), userId: sql.placeholder("userId"), createdAt: sql.placeholder("at") })
      .onConflictDoNothing()
      .prepare(),
    remove: db.delete(votes).where(key).prepare(),
    count: db
      .update(suggestions)
      .set({ voteCount: sql`${suggestions.voteCount} + ${sql.placeholder("changed")}` })
      .where(eq(suggestions.id, sql.placeholder("suggestionId")))
      .returning({ voteCount: suggestions.voteCount })
      .prepare(),
  };
});

function votesCastToday(userId: number, now: Date): number {
  return votesCastSinceQuery().get({ userId, since: startOfUtcDay(now).getTime() })?.n ?? 0;
}

// For the page: how many of today's votes the member has left (Infinity when unlimited).
export function votesLeftToday(voter: NonNullable<PrivilegeActor>, now = new Date()): number {
  return Math.max(0, dailyVoteBudget(voter) - votesCastToday(voter.id, now));
}

// The unique (suggestion, member) key decides whether a row was really added or removed,
// and the count moves only by what changed, inside one transaction: exact under any
// concurrency, no read-modify-write. A member voting through the site is passed as `voter`,
// so their daily budget (app/features/honors/rules/privileges.ts) holds; the count is read in the same immediate
// transaction, so concurrent requests cannot overspend it. Taking a vote back is always free.
// A vote that changed something is recorded as an event: votes received count toward the
// author's honors, and a newcomer's first vote can make their invitation active.
type VoteInput = {
  suggestionId: number;
  userId: number;
  voted: boolean;
  voter?: NonNullable<PrivilegeActor>;
  now?: Date;
};

// A member's vote from a request (the vote button, the API): when another worker holds the
// write lock, this worker serves other requests while it waits (writeWhenFree in db/client.ts).
// A vote is the forum's most frequent write.
export function castVote(input: VoteInput): Promise<VoteResult> {
  return writeWhenFree(getDb().$client, () => setVote(input));
}

export function setVote(input: VoteInput): VoteResult {
  // Taking a vote back is always allowed; adding one waits for a confirmed email when the
  // admin requires it.
  if (input.voted && mustVerifyEmail(input.userId)) return { ok: false, reason: "unverified" };
  const db = getDb();
  const now = input.now ?? new Date();
  const q = voteStatements(db);
  const key = { suggestionId: input.suggestionId, userId: input.userId };
  const result = db.transaction(() => {
    const suggestion = q.status.get(key);
    if (!suggestion) return { ok: false, reason: "not_found" } as const;
    if (!isVotingOpen(suggestion.status)) return { ok: false, reason: "voting_closed" } as const;
    // Repeating a vote already cast changes nothing, so it never counts against the budget.
    if (input.voted && input.voter && !q.hasVoted.get(key) && !canVote(input.voter, votesCastToday(input.userId, now))) {
      return { ok: false, reason: "over_budget", budget: dailyVoteBudget(input.voter) } as const;
    }
    const changed = input.voted ? q.add.run({ ...key, at: now }).changes : -q.remove.run(key).changes;
    const { voteCount } = q.count.get({ ...key, changed })!;
    if (changed !== 0) {
      const type = changed > 0 ? "vote_cast" : "vote_removed";
      recordEvent({ type, suggestionId: input.suggestionId, userId: input.userId, at: now.getTime() });
    }
    return { ok: true, voted: input.voted, voteCount } as const;
  }, { behavior: "immediate" });
  deliverEvents();
  return result;
}

// What a list needs to draw its vote buttons: who is looking and which of the listed
// suggestions they already voted for. The budget and closed statuses are checked by setVote
// when they press one, exactly as on the suggestion page.
const votedAmong = preparedQuery((db) =>
  db
    .select({ id: votes.suggestionId })
    .from(votes)
    .where(and(eq(votes.userId, sql.placeholder("userId")), inIdList(votes.suggestionId)))
    .prepare(),
);

export function listVoting(viewer: { id: number } | null | undefined, suggestionIds: readonly number[]): { loggedIn: boolean; voted: number[] } {
  if (!viewer) return { loggedIn: false, voted: [] };
  if (suggestionIds.length === 0) return { loggedIn: true, voted: [] };
  const rows = votedAmong().all({ userId: viewer.id, ids: idList(suggestionIds) });
  return { loggedIn: true, voted: rows.map((r) => r.id) };
}
