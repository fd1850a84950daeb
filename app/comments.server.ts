// Comments and official replies. An official reply is a staff member's comment marked as
// the team's answer; the first one stamps the suggestion's response time.
import { and, eq, isNull, sql } from "drizzle-orm";
import { comments, suggestions } from "#db/schema";
import { getDb } from "~/db.server";
import { evaluateHonors } from "~/honors.server";
import { activateInvitationFor } from "~/invitations.server";
import { notifySuggestionFollowers } from "~/notifications.server";

export type AddCommentResult = { ok: true; id: number } | { ok: false; reason: "not_found" | "bad_parent" };

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
    return { ok: true, id } as const;
  }, { behavior: "immediate" });
  // Followers hear about the team's answers, not about every comment.
  if (result.ok && input.official) {
    notifySuggestionFollowers({
      kind: "official_reply",
      suggestionId: input.suggestionId,
      eventKey: `official_reply:${result.id}`,
      actorId: input.authorId,
      payload: { commentId: result.id },
    });
  }
  // A newcomer's first comment can make their invitation active.
  if (result.ok) activateInvitationFor(input.authorId, now);
  return result;
}

// Staff mark a member's comment helpful (or take it back); it counts toward its author's
// honors. Callers check the right (permissions.isStaff).
export function markCommentHelpful(input: { suggestionId: number; commentId: number; helpful: boolean }): { ok: boolean } {
  const comment = getDb()
    .update(comments)
    .set({ isHelpful: input.helpful })
    .where(and(eq(comments.id, input.commentId), eq(comments.suggestionId, input.suggestionId)))
    .returning({ authorId: comments.authorId })
    .get();
  if (!comment) return { ok: false };
  evaluateHonors(comment.authorId, { events: ["comment_marked_helpful"] });
  return { ok: true };
}
