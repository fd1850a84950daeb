// Answering from the queue: what a staff member needs to decide (the suggestion's text, its
// similar suggestions, the saved replies filled in for it) and the answer itself, an official
// reply with an optional status change, after which the next waiting suggestion comes up.
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { boards, suggestions, users, type SuggestionStatus } from "#db/schema";
import type { Viewer } from "~/features/boards/boards.server";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { allowedTransitions, NOTE_MAX, transitionError, type LifecycleError } from "~/features/lifecycle/lifecycle";
import { changeStatus } from "~/features/lifecycle/lifecycle.server";
import { markdownToPlainText, renderMarkdown } from "~/platform/markdown.server";
import { findSimilarSuggestions } from "~/features/search/search.server";
import { ACTIVE_STATUSES } from "~/features/staff/staff-queue.server";
import { fillSavedReply, suggestionLanguage } from "./saved-replies";
import { countSavedReplyUse, listSavedReplies } from "./saved-replies.server";

// The next suggestion waiting for its first answer, in the queue's order (longest waiting
// first), other than the one just answered.
export function nextWaitingSuggestion(exceptId?: number): number | null {
  return (
    getDb()
      .select({ id: suggestions.id })
      .from(suggestions)
      .where(
        and(
          inArray(suggestions.status, ACTIVE_STATUSES),
          isNull(suggestions.firstOfficialReplyAt),
          exceptId === undefined ? undefined : ne(suggestions.id, exceptId),
        ),
      )
      .orderBy(asc(suggestions.createdAt), asc(suggestions.id))
      .limit(1)
      .get()?.id ?? null
  );
}

export function answerView(id: number, viewer: Viewer) {
  const row = getDb()
    .select({
      id: suggestions.id,
      title: suggestions.title,
      body: suggestions.body,
      status: suggestions.status,
      voteCount: suggestions.voteCount,
      createdAt: suggestions.createdAt,
      firstOfficialReplyAt: suggestions.firstOfficialReplyAt,
      authorName: users.displayName,
      boardSlug: boards.slug,
      boardNameEn: boards.nameEn,
      boardNameZh: boards.nameZh,
    })
    .from(suggestions)
    .innerJoin(users, eq(users.id, suggestions.authorId))
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .where(eq(suggestions.id, id))
    .get();
  if (!row) return null;
  const { body, ...suggestion } = row;
  const language = suggestionLanguage(`${row.title} ${body}`);
  const context = { author: row.authorName, title: row.title, board: language === "zh" ? row.boardNameZh : row.boardNameEn };
  return {
    suggestion: { ...suggestion, html: renderMarkdown(body) },
    language,
    allowed: allowedTransitions(row.status),
    similar: findSimilarSuggestions(row.title, { limit: 6, viewer }).filter((s) => s.id !== id).slice(0, 5),
    // Filled in here, so picking one needs no further request and works without JavaScript.
    savedReplies: listSavedReplies().map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      body: fillSavedReply(r, language, context),
    })),
  };
}

export type AnswerResult =
  | { ok: true; commentId: number; nextId: number | null }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; error: LifecycleError };

// The reply goes out as the team's official answer; a status change, if asked for, follows
// with the reply's text as its public note (a "no" always says why). The change is checked
// before anything is written, so a refused status posts no reply either.
export function answerSuggestion(input: {
  suggestionId: number;
  actorId: number;
  body: string;
  to?: SuggestionStatus;
  savedReplyId?: number;
  now?: Date;
}): AnswerResult {
  const current = getDb().select({ status: suggestions.status }).from(suggestions).where(eq(suggestions.id, input.suggestionId)).get();
  if (!current) return { ok: false, reason: "not_found" };
  const note = markdownToPlainText(input.body, NOTE_MAX);
  if (input.to !== undefined) {
    const error = transitionError(current.status, input.to, note);
    if (error) return { ok: false, reason: "invalid", error };
  }
  const added = addComment({ suggestionId: input.suggestionId, authorId: input.actorId, body: input.body, official: true, now: input.now });
  if (!added.ok) return { ok: false, reason: "not_found" };
  if (input.to !== undefined) {
    const changed = changeStatus({ suggestionId: input.suggestionId, actorId: input.actorId, to: input.to, note, now: input.now });
    // Another staff member moved it in the meantime: the reply stands, the change is refused.
    if (!changed.ok && changed.reason === "invalid") return { ok: false, reason: "invalid", error: changed.error };
  }
  if (input.savedReplyId !== undefined) countSavedReplyUse(input.savedReplyId, input.now);
  return { ok: true, commentId: added.id, nextId: nextWaitingSuggestion(input.suggestionId) };
}
