// The suggestions resources, read through the same domain functions as the pages (the
// boards' list with its visibility rules, a suggestion's page), shaped for JSON.
import type { z } from "zod";
import { findBoardBySlug, listTags } from "~/features/boards/boards.server";
import type { TokenActor } from "~/features/api/tokens.server";
import { cursorKey, getSuggestionPage, listSuggestions, type ListCursor } from "~/features/suggestions/suggestions.server";
import type { listQuerySchema, suggestionDetail, suggestionList } from "~/features/api/schemas";

export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string): ListCursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && Number.isFinite(parsed[0]) && Number.isSafeInteger(parsed[1])) {
      return { key: parsed[0] as number, id: parsed[1] as number };
    }
  } catch {
    // An altered cursor is the caller's error, answered below.
  }
  return null;
}

export type ListOutcome = { ok: true; list: z.infer<typeof suggestionList> } | { ok: false; field: "board" | "tag" | "cursor" };

export function listForApi(query: z.infer<typeof listQuerySchema>, actor: TokenActor, origin: string): ListOutcome {
  const viewer = actor.user;
  const board = query.board ? findBoardBySlug(query.board, viewer) : null;
  // An early-access board is as unknown to outsiders here as on its page.
  if (query.board && !board) return { ok: false, field: "board" };
  const tag = query.tag ? listTags(viewer).find((t) => t.slug === query.tag) : null;
  if (query.tag && !tag) return { ok: false, field: "tag" };
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after === null) return { ok: false, field: "cursor" };
  const { items } = listSuggestions({
    boardId: board?.id,
    tagId: tag?.id,
    status: query.status,
    sort: query.sort,
    page: 1,
    pageSize: query.limit,
    after,
    viewer,
  });
  const last = items.at(-1);
  return {
    ok: true,
    list: {
      items: items.map((s) => ({
        id: s.id,
        title: s.title,
        status: s.status,
        voteCount: s.voteCount,
        commentCount: s.commentCount,
        answered: s.answered,
        createdAt: new Date(s.createdAt).toISOString(),
        board: s.boardSlug,
        author: s.authorUsername,
        tags: s.tags,
        url: `${origin}/s/${s.id}`,
      })),
      nextCursor:
        last && items.length === query.limit
          ? encodeCursor({ key: cursorKey(query.sort, { ...last, createdAt: new Date(last.createdAt) }), id: last.id })
          : null,
    },
  };
}

export function detailForApi(id: number, actor: TokenActor, origin: string): z.infer<typeof suggestionDetail> | null {
  const page = getSuggestionPage(id, actor.user);
  if (!page) return null;
  const s = page.suggestion;
  return {
    id: s.id,
    title: s.title,
    body: s.body,
    status: s.status,
    voteCount: s.voteCount,
    commentCount: s.commentCount,
    createdAt: s.createdAt.toISOString(),
    board: page.board.slug,
    author: page.author.username,
    tags: page.tags,
    duplicateOf: page.duplicateOf?.id ?? null,
    viewerVoted: page.viewerVoted,
    officialReplies: page.comments
      .filter((c) => c.isOfficial)
      .map((c) => ({ id: c.id, author: c.authorUsername, html: c.html, createdAt: new Date(c.createdAt).toISOString() })),
    history: page.history.map((h) => ({ from: h.fromStatus, to: h.toStatus, note: h.note, by: h.actorUsername, at: h.createdAt.toISOString() })),
    url: `${origin}/s/${s.id}`,
  };
}
