// Bulk actions on the staff queue: a status with one note, a tag, or a board for several
// suggestions at once. Each runs in one transaction (all or nothing: one refused suggestion
// refuses the batch, and says which), and a status change tells each follower once, however
// many of the batch they follow.
import { inArray, sql } from "drizzle-orm";
import { suggestions, suggestionTags, type SuggestionStatus } from "#db/schema";
import { findBoardBySlug, listTags, type Viewer } from "~/features/boards/boards.server";
import { getDb } from "~/platform/db.server";
import { evaluateSuggestionCreators } from "~/features/honors/honors.server";
import { transitionError, type LifecycleError } from "~/features/lifecycle/lifecycle";
import { recordStatusChange, type StatusChange } from "~/features/lifecycle/lifecycle.server";
import { notifyFollowersOfMany } from "~/features/notifications/notifications.server";

export type BulkRefusal = { id: number; title: string; error: LifecycleError | "staff.bulk.errors.notFound" };
export type BulkResult = { ok: true; changed: number; notified: number } | { ok: false; refused: BulkRefusal[] };

function pick(ids: readonly number[]) {
  return getDb()
    .select({ id: suggestions.id, title: suggestions.title, status: suggestions.status, boardId: suggestions.boardId })
    .from(suggestions)
    .where(inArray(suggestions.id, [...ids]))
    .all();
}

const missing = (ids: readonly number[], found: { id: number }[]): BulkRefusal[] =>
  ids.filter((id) => !found.some((s) => s.id === id)).map((id) => ({ id, title: `#${id}`, error: "staff.bulk.errors.notFound" }));

export function bulkChangeStatus(input: { ids: readonly number[]; to: SuggestionStatus; note: string; actorId: number; now?: Date }): BulkResult {
  const ids = [...new Set(input.ids)];
  const note = input.note.trim();
  const now = input.now ?? new Date();
  const result = getDb().transaction(
    (tx): { refused: BulkRefusal[] } | { changes: StatusChange[] } => {
      const found = pick(ids);
      const refused = [
        ...missing(ids, found),
        ...found.flatMap((s) => {
          const error = transitionError(s.status, input.to, note);
          return error ? [{ id: s.id, title: s.title, error }] : [];
        }),
      ];
      if (refused.length > 0) return { refused };
      return {
        changes: found.map((s) =>
          recordStatusChange(tx, { suggestionId: s.id, actorId: input.actorId, from: s.status, to: input.to, note, now }),
        ),
      };
    },
    { behavior: "immediate" },
  );
  if ("refused" in result) return { ok: false, refused: result.refused };
  const first = result.changes[0]!;
  const { notified } = notifyFollowersOfMany({
    kind: input.to === "shipped" ? "ship" : "status_change",
    suggestionIds: result.changes.map((c) => c.suggestionId),
    eventKey: `bulk_status:${first.id}`,
    actorId: input.actorId,
    payload: { to: input.to, note },
  });
  for (const change of result.changes) evaluateSuggestionCreators(change.suggestionId, [input.to === "shipped" ? "shipped" : "status_changed"]);
  return { ok: true, changed: result.changes.length, notified };
}

// Adds a tag (the suggestions keep the ones they have). No notification: tags are filing.
export function bulkTag(input: { ids: readonly number[]; tagId: number }): BulkResult {
  const ids = [...new Set(input.ids)];
  return getDb().transaction(
    (tx): BulkResult => {
      const found = pick(ids);
      const refused = missing(ids, found);
      if (refused.length > 0) return { ok: false, refused };
      const changed = ids.filter(
        (suggestionId) => tx.insert(suggestionTags).values({ suggestionId, tagId: input.tagId }).onConflictDoNothing().run().changes === 1,
      ).length;
      return { ok: true, changed, notified: 0 };
    },
    { behavior: "immediate" },
  );
}

// Moves suggestions to another board. Their people become the new board's participants too
// (the triggers of migration 0009 see only new posts, votes, comments and ratings); having
// taken part on the old board stays history there.
export function bulkMoveToBoard(input: { ids: readonly number[]; boardId: number }): BulkResult {
  const ids = [...new Set(input.ids)];
  return getDb().transaction(
    (tx): BulkResult => {
      const found = pick(ids);
      const refused = missing(ids, found);
      if (refused.length > 0) return { ok: false, refused };
      const moving = found.filter((s) => s.boardId !== input.boardId).map((s) => s.id);
      if (moving.length > 0) {
        tx.update(suggestions).set({ boardId: input.boardId }).where(inArray(suggestions.id, moving)).run();
        const list = sql.join(moving.map((id) => sql`${id}`), sql`, `);
        tx.run(sql`
          insert into board_participants (board_id, user_id, since)
          select ${input.boardId}, user_id, min(at) from (
            select author_id as user_id, created_at as at from suggestions where id in (${list})
            union all select user_id, created_at from votes where suggestion_id in (${list})
            union all select author_id, created_at from comments where suggestion_id in (${list}) and is_official = 0
            union all select user_id, created_at from ratings where suggestion_id in (${list})
          ) group by user_id
          on conflict (board_id, user_id) do update set since = min(since, excluded.since)`);
      }
      return { ok: true, changed: moving.length, notified: 0 };
    },
    { behavior: "immediate" },
  );
}


export type BulkAction =
  | { bulk: "status"; ids: number[]; to: SuggestionStatus; note: string }
  | { bulk: "tag"; ids: number[]; tag: string }
  | { bulk: "board"; ids: number[]; board: string };

// The queue's bulk form, by the slugs it names. An unknown tag or board refuses the batch.
export function runBulkAction(action: BulkAction, actor: NonNullable<Viewer> & { id: number }):
  | BulkResult
  | { ok: false; field: "tag" | "board"; error: string } {
  switch (action.bulk) {
    case "status":
      return bulkChangeStatus({ ids: action.ids, to: action.to, note: action.note, actorId: actor.id });
    case "tag": {
      const tag = listTags().find((t) => t.slug === action.tag);
      return tag ? bulkTag({ ids: action.ids, tagId: tag.id }) : { ok: false, field: "tag", error: "forms.unknownTag" };
    }
    case "board": {
      const board = findBoardBySlug(action.board, actor);
      return board ? bulkMoveToBoard({ ids: action.ids, boardId: board.id }) : { ok: false, field: "board", error: "forms.unknownBoard" };
    }
  }
}
