// Comments and official replies. An official reply is a staff member's comment marked as
// the team's answer; the first one stamps the suggestion's response time.
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { comments, suggestions } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";

// `repeated`: the author had just posted these same words in the same place, so that comment
// is the answer instead of a copy (a double click, a resubmitted form).
export type AddCommentResult = { ok: true; id: number; repeated?: true } | { ok: false; reason: "not_found" | "bad_parent" };

// How long the same words from the same author in the same place count as one comment.
export const REPEATED_COMMENT_WINDOW_MS = 5 * 60_000;

// Callers check the right to post officially (permissions.canPostOfficialReply).
export function addComment(input: {
  suggestionId: number;
  authorId: number;
  body: string;
  parentId?: number;
  official?: boolean;
  now?: Date;
  // Runs in the comment's transaction, e.g. to record its attached images.
  whileCreating?: (tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0], commentId: number) => void;
}): AddCommentResult {
  const db = getDb();
  const now = input.now ?? new Date();
  const result = db.transaction((tx) => {
    const exists = tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.id, input.suggestionId)).get();
    if (!exists) return { ok: false, reason: "not_found" } as const;
    if (input.parentId !== undefined) {
      const parent = tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.id, input.parentId), eq(comments.suggestionId, input.suggestionId)))
        .get();
      if (!parent) return { ok: false, reason: "bad_parent" } as const;
    }
    const repeated = tx
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          eq(comments.suggestionId, input.suggestionId),
          eq(comments.authorId, input.authorId),
          input.parentId === undefined ? isNull(comments.parentId) : eq(comments.parentId, input.parentId),
          eq(comments.body, input.body),
          gt(comments.createdAt, new Date(now.getTime() - REPEATED_COMMENT_WINDOW_MS)),
        ),
      )
      .orderBy(desc(comments.id))
      .get();
    if (repeated) return { ok: true, id: repeated.id, repeated: true } as const;
    const { id } = tx
      .insert(comments)
      .values({
        suggestionId: input.suggestionId,
        authorId: input.authorId,
        parentId: input.parentId ?? null,
        body: input.body,
        isOfficial: input.official ?? false,
        createdAt: now,
      })
      .returning({ id: comments.id })
      .get();
    input.whileCreating?.(tx, id);
    tx.update(suggestions)
      .set({ commentCount: sql`${suggestions.commentCount} + 1` })
      .where(eq(suggestions.id, input.suggestionId))
      .run();
    if (input.official) {
      tx.update(suggestions)
        .set({ firstOfficialReplyAt: now })
        .where(and(eq(suggestions.id, input.suggestionId), isNull(suggestions.firstOfficialReplyAt)))
        .run();
    }
    const official = input.official ?? false;
    recordEvent({ type: "comment_posted", commentId: id, suggestionId: input.suggestionId, authorId: input.authorId, official, at: now.getTime() });
    return { ok: true, id } as const;
  }, { behavior: "immediate" });
  deliverEvents();
  return result;
}


// Staff mark a member's comment helpful (or take it back); it counts toward its author's
// honors. Callers check the right (permissions.isStaff).
export function markCommentHelpful(input: { suggestionId: number; commentId: number; helpful: boolean }): { ok: boolean } {
  const marked = getDb().transaction((tx) => {
    const comment = tx
      .update(comments)
      .set({ isHelpful: input.helpful })
      .where(and(eq(comments.id, input.commentId), eq(comments.suggestionId, input.suggestionId)))
      .returning({ authorId: comments.authorId })
      .get();
    if (!comment) return false;
    recordEvent({ type: "comment_marked_helpful", commentId: input.commentId, authorId: comment.authorId, helpful: input.helpful });
    return true;
  }, { behavior: "immediate" });
  deliverEvents();
  return { ok: marked };
}
