// Moving suggestions through the lifecycle: status changes, merges of duplicates and their
// undo. Each runs in one immediate transaction (the rules in ~/lifecycle decide, this module
// writes), records its status_changes row and its domain event; subscribers tell the
// suggestion's followers and re-check its creators' honors once the change is committed
// (event keys make a retried notification harmless).
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import {
  boards,
  merges,
  notifications,
  releases,
  statusChanges,
  suggestionCredits,
  suggestions,
  users,
  votes,
  type SuggestionStatus,
} from "#db/schema";
import { getDb } from "~/platform/db.server";
import { isDecision, mergeError, revertError, transitionError, type LifecycleError } from "~/features/lifecycle/lifecycle";
import { notifySuggestionFollowers, notifyUser } from "~/features/notifications/notifications.server";
import type { EventOf } from "~/platform/events/events";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";

export type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

export type StatusChange = {
  id: number;
  suggestionId: number;
  actorId: number;
  from: SuggestionStatus;
  to: SuggestionStatus;
  note: string;
};

// The one place a status change is written: the row in the history and the response-time
// stamps (first decision, ship) that the staff queue and the score read.
export function recordStatusChange(
  tx: Tx,
  change: Omit<StatusChange, "id"> & { now: Date; duplicateOfId?: number | null; releaseId?: number | null; revertsId?: number },
): StatusChange {
  const { now } = change;
  tx.update(suggestions)
    .set({
      status: change.to,
      ...(change.duplicateOfId !== undefined && { duplicateOfId: change.duplicateOfId }),
      ...(isDecision(change.to) && { firstDecisionAt: sql`coalesce(${suggestions.firstDecisionAt}, ${now.getTime()})` }),
      ...(change.to === "shipped" && { shippedAt: now, releaseId: change.releaseId ?? null }),
    })
    .where(eq(suggestions.id, change.suggestionId))
    .run();
  const { id } = tx
    .insert(statusChanges)
    .values({
      suggestionId: change.suggestionId,
      actorId: change.actorId,
      fromStatus: change.from,
      toStatus: change.to,
      note: change.note,
      revertsId: change.revertsId ?? null,
      createdAt: now,
    })
    .returning({ id: statusChanges.id })
    .get();
  return { id, suggestionId: change.suggestionId, actorId: change.actorId, from: change.from, to: change.to, note: change.note };
}

// The event of a status change, as the subscribers below read it.
function changeEvent(change: StatusChange) {
  return { statusChangeId: change.id, suggestionId: change.suggestionId, actorId: change.actorId, from: change.from, to: change.to, note: change.note };
}

type ChangeEvent = ReturnType<typeof changeEvent>;

// Subscriber to status_changed, shipped and merge_undone.
export function notifyStatusChange(change: ChangeEvent) {
  notifySuggestionFollowers({
    kind: change.to === "shipped" ? "ship" : "status_change",
    suggestionId: change.suggestionId,
    eventKey: `status_change:${change.statusChangeId}`,
    actorId: change.actorId,
    payload: { from: change.from, to: change.to, note: change.note },
  });
}

// Subscriber to merged: the source's followers hear where their votes went.
export function notifyMerge(merge: { mergeId: number; sourceId: number; targetId: number; targetTitle: string; actorId: number; note: string }) {
  notifySuggestionFollowers({
    kind: "merge",
    suggestionId: merge.sourceId,
    eventKey: `merge:${merge.mergeId}`,
    actorId: merge.actorId,
    payload: { targetId: merge.targetId, targetTitle: merge.targetTitle, note: merge.note },
  });
}

export type ChangeStatusResult =
  | { ok: true; statusChangeId: number }
  | { ok: false; reason: "not_found" | "release_not_found" }
  | { ok: false; reason: "invalid"; error: LifecycleError };

// Callers check the right to change statuses (permissions.isStaff). A release is named
// only when shipping, by the release pages grouping shipped suggestions.
export function changeStatus(input: {
  suggestionId: number;
  actorId: number;
  to: SuggestionStatus;
  note: string;
  releaseId?: number;
  now?: Date;
}): ChangeStatusResult {
  const db = getDb();
  const note = input.note.trim();
  const result = db.transaction(
    (tx): ChangeStatusResult | StatusChange => {
      const current = tx
        .select({ status: suggestions.status })
        .from(suggestions)
        .where(eq(suggestions.id, input.suggestionId))
        .get();
      if (!current) return { ok: false, reason: "not_found" };
      const error = transitionError(current.status, input.to, note);
      if (error) return { ok: false, reason: "invalid", error };
      if (input.releaseId !== undefined) {
        if (input.to !== "shipped") return { ok: false, reason: "invalid", error: "lifecycle.errors.notAllowed" };
        const release = tx.select({ id: releases.id }).from(releases).where(eq(releases.id, input.releaseId)).get();
        if (!release) return { ok: false, reason: "release_not_found" };
      }
      const change = recordStatusChange(tx, {
        suggestionId: input.suggestionId,
        actorId: input.actorId,
        from: current.status,
        to: input.to,
        note,
        releaseId: input.releaseId,
        now: input.now ?? new Date(),
      });
      recordEvent({ type: change.to === "shipped" ? "shipped" : "status_changed", ...changeEvent(change) });
      return change;
    },
    { behavior: "immediate" },
  );
  deliverEvents();
  if ("ok" in result) return result;
  return { ok: true, statusChangeId: result.id };
}

const ids = (json: string): number[] => JSON.parse(json) as number[];

export type MergeResult =
  | { ok: true; mergeId: number; movedVoterIds: number[]; creditedUserIds: number[] }
  | { ok: false; reason: "source_not_found" }
  | { ok: false; reason: "target_not_found" }
  | { ok: false; reason: "invalid"; error: LifecycleError };

// The source becomes a duplicate of the target. Its voters' votes are added to the target
// (someone who voted for both still counts once) and its author and co-authors are credited
// on the target. The merge row keeps exactly what was added, so undoMerge can take it back.
export function mergeSuggestion(input: { sourceId: number; targetId: number; actorId: number; note: string; now?: Date }): MergeResult {
  const db = getDb();
  const note = input.note.trim();
  const now = input.now ?? new Date();
  const result = db.transaction(
    (tx) => {
      const pick = (id: number) =>
        tx
          .select({ id: suggestions.id, status: suggestions.status, authorId: suggestions.authorId, title: suggestions.title, visibility: boards.visibility })
          .from(suggestions)
          .innerJoin(boards, eq(boards.id, suggestions.boardId))
          .where(eq(suggestions.id, id))
          .get();
      const source = pick(input.sourceId);
      const target = pick(input.targetId);
      if (!source) return { ok: false, reason: "source_not_found" } as const;
      if (!target) return { ok: false, reason: "target_not_found" } as const;
      const error = mergeError(source, target, note);
      if (error) return { ok: false, reason: "invalid", error } as const;

      // Votes keep the moment they were cast: they are the same people wanting the same thing.
      const sourceVotes = tx
        .select({ userId: votes.userId, createdAt: votes.createdAt })
        .from(votes)
        .where(eq(votes.suggestionId, source.id))
        .all();
      const movedVoterIds = sourceVotes
        .filter(
          (v) =>
            tx
              .insert(votes)
              .values({ suggestionId: target.id, userId: v.userId, createdAt: v.createdAt })
              .onConflictDoNothing()
              .run().changes === 1,
        )
        .map((v) => v.userId);
      tx.update(suggestions)
        .set({ voteCount: sql`${suggestions.voteCount} + ${movedVoterIds.length}` })
        .where(eq(suggestions.id, target.id))
        .run();

      const sourceCoAuthors = tx
        .select({ userId: suggestionCredits.userId })
        .from(suggestionCredits)
        .where(eq(suggestionCredits.suggestionId, source.id))
        .all()
        .map((c) => c.userId);
      const creditedUserIds = [...new Set([source.authorId, ...sourceCoAuthors])].filter(
        (userId) =>
          userId !== target.authorId &&
          tx
            .insert(suggestionCredits)
            .values({ suggestionId: target.id, userId, fromSuggestionId: source.id, createdAt: now })
            .onConflictDoNothing()
            .run().changes === 1,
      );

      const change = recordStatusChange(tx, {
        suggestionId: source.id,
        actorId: input.actorId,
        from: source.status,
        to: "duplicate",
        note,
        duplicateOfId: target.id,
        now,
      });
      const { mergeId } = tx
        .insert(merges)
        .values({
          sourceId: source.id,
          targetId: target.id,
          actorId: input.actorId,
          sourceStatusBefore: source.status,
          movedVoterIds: JSON.stringify(movedVoterIds),
          creditedUserIds: JSON.stringify(creditedUserIds),
          note,
          createdAt: now,
        })
        .returning({ mergeId: merges.id })
        .get();
      recordEvent({ type: "merged", mergeId, sourceId: source.id, targetId: target.id, targetTitle: target.title, actorId: change.actorId, note });
      return { ok: true, mergeId, movedVoterIds, creditedUserIds } as const;
    },
    { behavior: "immediate" },
  );
  deliverEvents();
  return result;
}

export type UndoMergeResult = { ok: true } | { ok: false; reason: "not_found" | "already_undone" };

// Takes back exactly what the merge added. A vote or credit that another merge into the same
// target (still in force) would also have added stays, and that merge takes it over, so the
// target always counts the union of its own voters and those of its merged sources.
export function undoMerge(input: { mergeId: number; actorId: number; now?: Date }): UndoMergeResult {
  const db = getDb();
  const now = input.now ?? new Date();
  const result = db.transaction(
    (tx) => {
      const merge = tx.select().from(merges).where(eq(merges.id, input.mergeId)).get();
      if (!merge) return { ok: false, reason: "not_found" } as const;
      if (merge.undoneAt) return { ok: false, reason: "already_undone" } as const;

      const others = tx
        .select({ id: merges.id, sourceId: merges.sourceId, authorId: suggestions.authorId })
        .from(merges)
        .innerJoin(suggestions, eq(suggestions.id, merges.sourceId))
        .where(and(eq(merges.targetId, merge.targetId), isNull(merges.undoneAt), ne(merges.id, merge.id)))
        .all();
      const takeOver = (mergeId: number, column: "movedVoterIds" | "creditedUserIds", userId: number) => {
        const row = tx.select({ list: merges[column] }).from(merges).where(eq(merges.id, mergeId)).get()!;
        tx.update(merges)
          .set({ [column]: JSON.stringify([...ids(row.list), userId]) })
          .where(eq(merges.id, mergeId))
          .run();
      };

      let removedVotes = 0;
      for (const userId of ids(merge.movedVoterIds)) {
        const heir = others.find(
          (o) => !!tx.select({ one: sql`1` }).from(votes).where(and(eq(votes.suggestionId, o.sourceId), eq(votes.userId, userId))).get(),
        );
        if (heir) takeOver(heir.id, "movedVoterIds", userId);
        else
          removedVotes += tx
            .delete(votes)
            .where(and(eq(votes.suggestionId, merge.targetId), eq(votes.userId, userId)))
            .run().changes;
      }
      tx.update(suggestions)
        .set({ voteCount: sql`${suggestions.voteCount} - ${removedVotes}` })
        .where(eq(suggestions.id, merge.targetId))
        .run();

      for (const userId of ids(merge.creditedUserIds)) {
        const heir = others.find(
          (o) =>
            o.authorId === userId ||
            !!tx
              .select({ one: sql`1` })
              .from(suggestionCredits)
              .where(and(eq(suggestionCredits.suggestionId, o.sourceId), eq(suggestionCredits.userId, userId)))
              .get(),
        );
        const credit = and(eq(suggestionCredits.suggestionId, merge.targetId), eq(suggestionCredits.userId, userId));
        if (heir) {
          takeOver(heir.id, "creditedUserIds", userId);
          tx.update(suggestionCredits).set({ fromSuggestionId: heir.sourceId }).where(credit).run();
        } else tx.delete(suggestionCredits).where(credit).run();
      }

      const change = recordStatusChange(tx, {
        suggestionId: merge.sourceId,
        actorId: input.actorId,
        from: "duplicate",
        to: merge.sourceStatusBefore,
        note: "",
        duplicateOfId: null,
        now,
      });
      tx.update(merges).set({ undoneAt: now }).where(eq(merges.id, merge.id)).run();
      recordEvent({ type: "merge_undone", mergeId: merge.id, targetId: merge.targetId, change: changeEvent(change) });
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
  deliverEvents();
  return result;
}

// Merges that concern one suggestion's page: those merged into it, and the one (if any)
// that merged it away. Only merges still in force; undone ones live on in the history.
export function listMerges(suggestionId: number) {
  const db = getDb();
  const rows = db
    .select({
      id: merges.id,
      sourceId: merges.sourceId,
      targetId: merges.targetId,
      movedVoterIds: merges.movedVoterIds,
      creditedUserIds: merges.creditedUserIds,
      createdAt: merges.createdAt,
      actorName: users.displayName,
      sourceTitle: suggestions.title,
    })
    .from(merges)
    .innerJoin(users, eq(users.id, merges.actorId))
    .innerJoin(suggestions, eq(suggestions.id, merges.sourceId))
    .where(and(isNull(merges.undoneAt), sql`(${merges.targetId} = ${suggestionId} or ${merges.sourceId} = ${suggestionId})`))
    .orderBy(merges.createdAt, merges.id)
    .all();
  return rows.map(({ movedVoterIds, creditedUserIds, ...m }) => ({
    ...m,
    movedVotes: ids(movedVoterIds).length,
    credited: ids(creditedUserIds).length,
  }));
}

// The latest status change of a suggestion: the only one a correction may take back.
export function latestStatusChange(suggestionId: number) {
  return (
    getDb()
      .select({ id: statusChanges.id, fromStatus: statusChanges.fromStatus, toStatus: statusChanges.toStatus, revertsId: statusChanges.revertsId })
      .from(statusChanges)
      .where(eq(statusChanges.suggestionId, suggestionId))
      .orderBy(desc(statusChanges.createdAt), desc(statusChanges.id))
      .limit(1)
      .get() ?? null
  );
}

export type RevertResult =
  | { ok: true; statusChangeId: number }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; error: LifecycleError };

// Takes back a wrong status change (shipped included) with a public note: the suggestion
// returns to the status it had, the history keeps both rows (the correction names the change
// it reverts), everyone told of the change gets a short correction, and badges the change
// granted its creators are withdrawn with the note as the reason.
export function revertStatusChange(input: { suggestionId: number; statusChangeId: number; actorId: number; note: string; now?: Date }): RevertResult {
  const db = getDb();
  const note = input.note.trim();
  const now = input.now ?? new Date();
  const result = db.transaction(
    (tx) => {
      const change = tx
        .select()
        .from(statusChanges)
        .where(and(eq(statusChanges.id, input.statusChangeId), eq(statusChanges.suggestionId, input.suggestionId)))
        .get();
      const suggestion = tx
        .select({ status: suggestions.status, firstDecisionAt: suggestions.firstDecisionAt })
        .from(suggestions)
        .where(eq(suggestions.id, input.suggestionId))
        .get();
      if (!change || !suggestion) return { ok: false, reason: "not_found" } as const;
      const latest = tx
        .select({ id: statusChanges.id })
        .from(statusChanges)
        .where(eq(statusChanges.suggestionId, input.suggestionId))
        .orderBy(desc(statusChanges.createdAt), desc(statusChanges.id))
        .limit(1)
        .get();
      const error = revertError(change, { status: suggestion.status, latestChangeId: latest?.id ?? null }, note);
      if (error) return { ok: false, reason: "invalid", error } as const;
      const correction = recordStatusChange(tx, {
        suggestionId: input.suggestionId,
        actorId: input.actorId,
        from: change.toStatus,
        to: change.fromStatus,
        note,
        revertsId: change.id,
        now,
      });
      // The stamps the mistaken change set go with it.
      tx.update(suggestions)
        .set({
          ...(change.toStatus === "shipped" && { shippedAt: null, releaseId: null }),
          ...(suggestion.firstDecisionAt?.getTime() === change.createdAt.getTime() && !isDecision(change.fromStatus) && { firstDecisionAt: null }),
        })
        .where(eq(suggestions.id, input.suggestionId))
        .run();
      // Those told of the mistaken change; they alone hear of its correction.
      const told = tx
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(eq(notifications.eventKey, `status_change:${change.id}`))
        .all()
        .map((n) => n.userId);
      const creators = tx.all<{ userId: number }>(sql`
        select author_id as userId from suggestions where id = ${input.suggestionId}
        union select user_id from suggestion_credits where suggestion_id = ${input.suggestionId}`);
      recordEvent({
        type: "status_reverted",
        suggestionId: input.suggestionId,
        correctionId: correction.id,
        from: correction.from,
        to: correction.to,
        note,
        told,
        creators: creators.map((c) => c.userId),
        since: change.createdAt.getTime(),
        at: now.getTime(),
      });
      return { ok: true, statusChangeId: correction.id } as const;
    },
    { behavior: "immediate" },
  );
  if (result.ok) deliverEvents();
  return result;
}

// The notifications subscriber: a short correction for each member told of the mistake.
export function notifyCorrection(event: EventOf<"status_reverted">) {
  for (const userId of event.told) {
    notifyUser({
      userId,
      kind: "status_change",
      eventKey: `status_change:${event.correctionId}`,
      suggestionId: event.suggestionId,
      payload: { from: event.from, to: event.to, note: event.note, correction: true },
    });
  }
}
