// Who hears about a new comment, each member once, the most personal reason first: the author
// of the comment it answers (reply), then everyone it names (mention), then the suggestion's
// followers, batched (notifications.server notifyFollowersOfComment). The commenter hears nothing.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { comments, users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { mentionedUsernames } from "~/platform/mentions";
import { notifyFollowersOfComment, notifySuggestionFollowers, notifyUser } from "~/features/notifications/notifications.server";
import { findVisibleSuggestion } from "~/features/suggestions/suggestions.server";

// The notifications subscriber calls it for each comment_posted event.
export function notifyCommentAudience(event: { commentId: number; suggestionId: number; authorId: number; official: boolean }) {
  const db = getDb();
  const posted = db.select({ parentId: comments.parentId, body: comments.body }).from(comments).where(eq(comments.id, event.commentId)).get();
  if (!posted) return; // deleted before its event was handled
  const comment = { id: event.commentId, suggestionId: event.suggestionId, authorId: event.authorId, ...posted };
  const author = db.select({ name: users.displayName }).from(users).where(eq(users.id, comment.authorId)).get();
  const payload = { commentId: comment.id, authorName: author?.name ?? "" };
  const told = new Set<number>([comment.authorId]);

  if (comment.parentId !== null) {
    const parent = db.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, comment.parentId)).get();
    if (parent && !told.has(parent.authorId)) {
      told.add(parent.authorId);
      notifyUser({ userId: parent.authorId, kind: "reply", eventKey: `reply:${comment.id}`, suggestionId: comment.suggestionId, payload });
    }
  }

  for (const member of mentionedMembers(comment.body)) {
    if (told.has(member.id)) continue;
    told.add(member.id);
    // Naming someone must not show them a suggestion they may not see (early access, hidden).
    if (!findVisibleSuggestion(comment.suggestionId, member)) continue;
    notifyUser({ userId: member.id, kind: "mention", eventKey: `mention:${comment.id}`, suggestionId: comment.suggestionId, payload });
  }

  // Followers hear of an official reply as such (comments.server), not as one more comment.
  if (!event.official) {
    notifyFollowersOfComment({ suggestionId: comment.suggestionId, commentId: comment.id, except: [...told] });
  }
}

// The members a comment names, by username regardless of case; unknown names are just text.
function mentionedMembers(body: string) {
  const names = mentionedUsernames(body).map((n) => n.toLowerCase()).slice(0, 20);
  if (names.length === 0) return [];
  return getDb()
    .select({ id: users.id, role: users.role, honorLevel: users.honorLevel })
    .from(users)
    .where(and(inArray(sql`lower(${users.username})`, names), isNull(users.deletedAt)))
    .all();
}

// Subscriber to comment_posted: followers hear about the team's answers, not about every comment.
export function notifyOfficialReply(event: { commentId: number; suggestionId: number; authorId: number; official: boolean }) {
  if (!event.official) return;
  notifySuggestionFollowers({
    kind: "official_reply",
    suggestionId: event.suggestionId,
    eventKey: `official_reply:${event.commentId}`,
    actorId: event.authorId,
    payload: { commentId: event.commentId },
  });
}
