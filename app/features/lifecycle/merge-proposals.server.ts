// Merge proposals: trusted members point out that a suggestion duplicates another; staff
// accept (the ordinary merge, app/features/lifecycle/lifecycle.server.ts) or reject. Proposing never changes the
// suggestions themselves.
import { and, asc, eq, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client";
import { alias } from "drizzle-orm/sqlite-core";
import { boards, mergeProposals, suggestions, users } from "#db/schema";
import { visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { mergeError, type LifecycleError } from "~/features/lifecycle/lifecycle";
import { mergeSuggestion } from "~/features/lifecycle/lifecycle.server";

export type ProposeMergeResult =
  | { ok: true; id: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "target_not_found" }
  | { ok: false; reason: "invalid"; error: LifecycleError };

// Callers check canProposeMerge. The proposer must be able to see both suggestions; the
// same proposal twice is one proposal.
export function proposeMerge(input: { sourceId: number; targetId: number; proposer: NonNullable<Viewer>; now?: Date }): ProposeMergeResult {
  const db = getDb();
  const pick = (id: number) =>
    db
      .select({ id: suggestions.id, status: suggestions.status, visibility: boards.visibility })
      .from(suggestions)
      .innerJoin(boards, eq(boards.id, suggestions.boardId))
      .where(and(eq(suggestions.id, id), visibleSuggestions(input.proposer)))
      .get();
  const source = pick(input.sourceId);
  if (!source) return { ok: false, reason: "not_found" };
  const target = pick(input.targetId);
  if (!target) return { ok: false, reason: "target_not_found" };
  // Only the pair is checked here; the public note is staff's to write when they accept.
  const error = mergeError(source, target, "proposed");
  if (error) return { ok: false, reason: "invalid", error };
  db.insert(mergeProposals)
    .values({ sourceId: source.id, targetId: target.id, proposerId: input.proposer.id, createdAt: input.now ?? new Date() })
    .onConflictDoNothing()
    .run();
  const { id } = db
    .select({ id: mergeProposals.id })
    .from(mergeProposals)
    .where(and(eq(mergeProposals.sourceId, source.id), eq(mergeProposals.targetId, target.id), eq(mergeProposals.proposerId, input.proposer.id)))
    .get()!;
  return { ok: true, id };
}

const source = alias(suggestions, "source");
const target = alias(suggestions, "target");

// Pending proposals, oldest first, of those `involving` (all of them without it).
function pendingProposalsQuery(db: Db, involving?: SQL) {
  return db
    .select({
      id: mergeProposals.id,
      createdAt: mergeProposals.createdAt,
      source: { id: source.id, title: source.title },
      target: { id: target.id, title: target.title },
      proposer: { username: users.username, displayName: users.displayName },
    })
    .from(mergeProposals)
    .innerJoin(source, eq(source.id, mergeProposals.sourceId))
    .innerJoin(target, eq(target.id, mergeProposals.targetId))
    .innerJoin(users, eq(users.id, mergeProposals.proposerId))
    .where(and(eq(mergeProposals.status, "pending"), involving))
    .orderBy(asc(mergeProposals.createdAt), asc(mergeProposals.id))
    .prepare();
}

const allPending = preparedQuery((db) => pendingProposalsQuery(db));

const pendingInvolving = preparedQuery((db) =>
  pendingProposalsQuery(db, or(eq(mergeProposals.sourceId, sql.placeholder("suggestionId")), eq(mergeProposals.targetId, sql.placeholder("suggestionId")))),
);

// Pending proposals, oldest first: all of them (the staff list), or those involving one
// suggestion (its page).
export function pendingMergeProposals(suggestionId?: number) {
  return suggestionId === undefined ? allPending().all() : pendingInvolving().all({ suggestionId });
}

export type DecideResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "already_decided" }
  | { ok: false; reason: "invalid"; error: LifecycleError };

// Callers check that the actor is staff. Accepting merges with the staff member's public
// note; a merge the lifecycle refuses leaves the proposal pending.
export function decideMergeProposal(input: {
  proposalId: number;
  actorId: number;
  accept: boolean;
  note: string;
  now?: Date;
}): DecideResult {
  const db = getDb();
  const now = input.now ?? new Date();
  const proposal = db.select().from(mergeProposals).where(eq(mergeProposals.id, input.proposalId)).get();
  if (!proposal) return { ok: false, reason: "not_found" };
  if (proposal.status !== "pending") return { ok: false, reason: "already_decided" };
  if (input.accept) {
    const merged = mergeSuggestion({ sourceId: proposal.sourceId, targetId: proposal.targetId, actorId: input.actorId, note: input.note, now });
    if (!merged.ok) return merged.reason === "invalid" ? merged : { ok: false, reason: "not_found" };
  }
  // Other members' proposals of the same merge are settled by it too.
  db.update(mergeProposals)
    .set({ status: input.accept ? "accepted" : "rejected", decidedAt: now })
    .where(
      and(
        eq(mergeProposals.status, "pending"),
        input.accept
          ? and(eq(mergeProposals.sourceId, proposal.sourceId), eq(mergeProposals.targetId, proposal.targetId))
          : eq(mergeProposals.id, proposal.id),
      ),
    )
    .run();
  return { ok: true };
}
