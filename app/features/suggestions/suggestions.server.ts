// Suggestions: posting, editing with revision history, listing with sorts and filters, and
// everything one suggestion's page shows.
import { and, asc, count, desc, eq, getTableColumns, inArray, sql, type SQL } from "drizzle-orm";
import {
  boards,
  comments,
  statusChanges,
  suggestionRevisions,
  suggestions,
  suggestionTags,
  tags,
  users,
  votes,
  type SuggestionStatus,
} from "#db/schema";
import { notAnotherBoardsCampaignTag, preparedForViewer, visibilityKey, visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { cached } from "~/platform/cache.server";
import { attachmentsOf } from "~/features/uploads/attachments.server";
import { campaignTagIds } from "~/features/campaigns/campaigns.server";
import { getDb, idList, inIdList, preparedQuery } from "~/platform/db.server";
import { renderMarkdown } from "~/platform/markdown.server";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";
import type { Sort } from "~/features/suggestions/suggestion-sorts";

export const PAGE_SIZE = 20;
const TRENDING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export type ListQuery = {
  boardId?: number;
  sort: Sort;
  status?: SuggestionStatus;
  tagId?: number;
  page: number;
  pageSize?: number;
  now?: number;
  viewer?: Viewer;
  // Keyset pagination (the REST API): the page after this entry in the sort's order, so a
  // suggestion posted meanwhile neither repeats nor hides one. Not for trending, whose order
  // moves with the clock.
  after?: ListCursor;
};

export type ListCursor = { key: number; id: number };

// The value a sort orders by (before the id, which breaks ties), as stored in a cursor.
export function cursorKey(sort: Exclude<Sort, "trending">, row: { voteCount: number; createdAt: Date; hotScore: number | null }): number {
  if (sort === "top") return row.voteCount;
  if (sort === "new") return row.createdAt.getTime();
  return row.hotScore ?? 0;
}

function afterCursor(sort: Exclude<Sort, "trending">, after: ListCursor): SQL {
  const column = sort === "top" ? suggestions.voteCount : sort === "new" ? suggestions.createdAt : sql`coalesce(${suggestions.hotScore}, 0)`;
  return sql`(${column} < ${after.key} or (${column} = ${after.key} and ${suggestions.id} < ${after.id}))`;
}

function orderFor(sort: Sort, now: number): SQL[] {
  switch (sort) {
    case "hot":
      return [desc(suggestions.hotScore), desc(suggestions.id)];
    case "top":
      return [desc(suggestions.voteCount), desc(suggestions.id)];
    case "new":
      return [desc(suggestions.createdAt), desc(suggestions.id)];
    case "trending":
      return [desc(recentVotes(now)), desc(suggestions.hotScore), desc(suggestions.id)];
  }
}

const recentVotes = (now: number) =>
  sql<number>`(select count(*) from ${votes} where ${votes.suggestionId} = ${suggestions.id} and ${votes.createdAt} > ${now - TRENDING_WINDOW_MS})`;

// The ids on one page of trending (most votes in the last week). Counting every suggestion's
// recent votes would read the whole board; instead candidates come most voted first, and a
// suggestion's total votes bound its recent ones: once the page's last entry has more recent
// votes than the next candidate has votes at all, nobody further down can overtake it. Exact,
// and it reads a few hundred candidates instead of every suggestion on the board.
function trendingIds(where: SQL | undefined, page: number, pageSize: number, now: number): number[] {
  const wanted = page * pageSize;
  for (let batch = Math.max(4 * wanted, 200); ; batch *= 4) {
    const candidates = getDb()
      .select({ id: suggestions.id, voteCount: suggestions.voteCount, hotScore: suggestions.hotScore, recent: recentVotes(now) })
      .from(suggestions)
      .where(where)
      .orderBy(desc(suggestions.voteCount), desc(suggestions.id))
      .limit(batch)
      .all();
    const ranked = [...candidates].sort((a, b) => b.recent - a.recent || (b.hotScore ?? 0) - (a.hotScore ?? 0) || b.id - a.id);
    const settled = candidates.length < batch || ranked[wanted - 1].recent > candidates[candidates.length - 1].voteCount;
    if (settled) return ranked.slice((page - 1) * pageSize, wanted).map((c) => c.id);
  }
}

// Lists are what most pages show: served from memory until something changes (cache.server.ts).
// Trending also moves with the clock, so it is recounted at least every minute.
export function listSuggestions(query: ListQuery) {
  const { viewer, ...rest } = query;
  const key = `suggestions:${JSON.stringify(rest)}:${visibilityKey(viewer)}`;
  return cached(key, () => querySuggestions(query), { maxAgeMs: query.sort === "trending" ? 60_000 : undefined });
}

function querySuggestions(query: ListQuery) {
  const db = getDb();
  const pageSize = query.pageSize ?? PAGE_SIZE;
  const now = query.now ?? Date.now();
  const conditions: SQL[] = [visibleSuggestions(query.viewer)];
  if (query.boardId !== undefined) conditions.push(eq(suggestions.boardId, query.boardId));
  if (query.status) conditions.push(eq(suggestions.status, query.status));
  if (query.tagId !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${suggestionTags} where ${suggestionTags.suggestionId} = ${suggestions.id} and ${suggestionTags.tagId} = ${query.tagId})`,
    );
  }
  const where = and(...conditions);
  const total = db.select({ n: count() }).from(suggestions).where(where).get()?.n ?? 0;
  const keyset = query.after && query.sort !== "trending" ? afterCursor(query.sort, query.after) : undefined;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  const trending = query.sort === "trending" ? trendingIds(where, page, pageSize, now) : null;
  const rows = db
    .select({
      id: suggestions.id,
      title: suggestions.title,
      status: suggestions.status,
      voteCount: suggestions.voteCount,
      commentCount: suggestions.commentCount,
      answered: sql<boolean>`${suggestions.firstOfficialReplyAt} is not null`.mapWith(Boolean),
      createdAt: suggestions.createdAt,
      boardSlug: boards.slug,
      boardNameEn: boards.nameEn,
      boardNameZh: boards.nameZh,
      authorUsername: users.username,
      authorName: users.displayName,
      hotScore: suggestions.hotScore,
    })
    .from(suggestions)
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .innerJoin(users, eq(users.id, suggestions.authorId))
    .where(trending ? and(where, inArray(suggestions.id, trending)) : keyset ? and(where, keyset) : where)
    .orderBy(...orderFor(query.sort, now))
    .limit(pageSize)
    .offset(trending || keyset ? 0 : (page - 1) * pageSize)
    .all();
  const tagsById = tagsOf(rows.map((r) => r.id));
  return {
    items: rows.map((r) => ({ ...r, tags: tagsById.get(r.id) ?? [] })),
    total,
    page,
    pages,
  };
}

export type SuggestionListItem = ReturnType<typeof listSuggestions>["items"][number];

const tagsOfSuggestions = preparedQuery((db) =>
  db
    .select({ suggestionId: suggestionTags.suggestionId, slug: tags.slug, nameEn: tags.nameEn, nameZh: tags.nameZh })
    .from(suggestionTags)
    .innerJoin(tags, eq(tags.id, suggestionTags.tagId))
    .innerJoin(suggestions, eq(suggestions.id, suggestionTags.suggestionId))
    // A campaign tag put on another board's suggestion before that was refused stays unshown.
    .where(and(inIdList(suggestionTags.suggestionId), notAnotherBoardsCampaignTag(suggestions.boardId)))
    .orderBy(asc(tags.slug))
    .prepare(),
);

function tagsOf(suggestionIds: number[]) {
  const byId = new Map<number, { slug: string; nameEn: string; nameZh: string }[]>();
  if (suggestionIds.length === 0) return byId;
  const rows = tagsOfSuggestions().all({ ids: idList(suggestionIds) });
  for (const { suggestionId, ...tag } of rows) {
    const list = byId.get(suggestionId) ?? [];
    list.push(tag);
    byId.set(suggestionId, list);
  }
  return byId;
}

// Posting also casts the author's own vote: people vote for their own ideas anyway, and it
// keeps "votes" honest as "people who want this".
export function createSuggestion(input: {
  authorId: number;
  boardId: number;
  title: string;
  body: string;
  tagIds?: number[];
  now?: Date;
  // Runs in the suggestion's transaction, e.g. to record its attached images.
  whileCreating?: (tx: Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0], suggestionId: number) => void;
}) {
  const db = getDb();
  const createdAt = input.now ?? new Date();
  const created = db.transaction((tx) => {
    const suggestion = tx
      .insert(suggestions)
      .values({
        authorId: input.authorId,
        boardId: input.boardId,
        title: input.title,
        body: input.body,
        voteCount: 1,
        createdAt,
      })
      .returning({ id: suggestions.id })
      .get();
    // Posted on a board while a campaign runs there: it is one of the campaign's entries.
    const tagIds = [...(input.tagIds ?? []), ...campaignTagIds(input.boardId, createdAt, tx)];
    if (tagIds.length) {
      tx.insert(suggestionTags)
        .values([...new Set(tagIds)].map((tagId) => ({ suggestionId: suggestion.id, tagId })))
        .run();
    }
    tx.insert(votes).values({ suggestionId: suggestion.id, userId: input.authorId, createdAt }).run();
    input.whileCreating?.(tx, suggestion.id);
    recordEvent({ type: "suggestion_posted", suggestionId: suggestion.id, authorId: input.authorId, at: createdAt.getTime() });
    return suggestion;
  }, { behavior: "immediate" });
  deliverEvents();
  return created;
}

// Behind every action on a suggestion's page (every vote among them): prepared per kind of viewer.
const visibleSuggestion = preparedForViewer((db, visible) =>
  db
    .select({ ...getTableColumns(suggestions), boardSlug: boards.slug })
    .from(suggestions)
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .where(and(eq(suggestions.id, sql.placeholder("id")), visible.suggestions({ ownHidden: true })))
    .prepare(),
);

// A suggestion the viewer may see (its page's rules, see visibleSuggestions), or null: what
// actions on it start from, so nobody acts on what they cannot see.
export function findVisibleSuggestion(id: number, viewer: Viewer) {
  return visibleSuggestion(viewer).get({ id, viewerId: viewer?.id }) ?? null;
}

// The previous text is kept as a revision before the new one replaces it.
export function editSuggestion(input: { suggestionId: number; editorId: number; title: string; body: string; now?: Date }) {
  const now = input.now ?? new Date();
  getDb().transaction((tx) => {
    const current = tx
      .select({ title: suggestions.title, body: suggestions.body })
      .from(suggestions)
      .where(eq(suggestions.id, input.suggestionId))
      .get();
    if (!current) throw new Error(`suggestion ${input.suggestionId} does not exist`);
    if (current.title === input.title && current.body === input.body) return;
    tx.insert(suggestionRevisions)
      .values({ suggestionId: input.suggestionId, editorId: input.editorId, title: current.title, body: current.body, createdAt: now })
      .run();
    tx.update(suggestions)
      .set({ title: input.title, body: input.body, updatedAt: now })
      .where(eq(suggestions.id, input.suggestionId))
      .run();
  }, { behavior: "immediate" });
}

// What a suggestion's page shows, prepared once (per kind of viewer where visibility decides).
const pageSuggestion = preparedForViewer((db, visible) =>
  db
    .select({
      suggestion: suggestions,
      board: { slug: boards.slug, nameEn: boards.nameEn, nameZh: boards.nameZh },
      author: { username: users.username, displayName: users.displayName, role: users.role },
    })
    .from(suggestions)
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .innerJoin(users, eq(users.id, suggestions.authorId))
    .where(and(eq(suggestions.id, sql.placeholder("id")), visible.suggestions({ ownHidden: true })))
    .prepare(),
);

const commentsOf = preparedQuery((db) =>
  db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      body: comments.body,
      isOfficial: comments.isOfficial,
      isHelpful: comments.isHelpful,
      createdAt: comments.createdAt,
      authorUsername: users.username,
      authorName: users.displayName,
      authorRole: users.role,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.suggestionId, sql.placeholder("id")))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .prepare(),
);

const statusHistoryOf = preparedQuery((db) =>
  db
    .select({
      id: statusChanges.id,
      fromStatus: statusChanges.fromStatus,
      toStatus: statusChanges.toStatus,
      note: statusChanges.note,
      revertsId: statusChanges.revertsId,
      createdAt: statusChanges.createdAt,
      actorName: users.displayName,
      actorUsername: users.username,
    })
    .from(statusChanges)
    .innerJoin(users, eq(users.id, statusChanges.actorId))
    .where(eq(statusChanges.suggestionId, sql.placeholder("id")))
    .orderBy(asc(statusChanges.createdAt), asc(statusChanges.id))
    .prepare(),
);

const revisionsOf = preparedQuery((db) =>
  db
    .select({
      id: suggestionRevisions.id,
      title: suggestionRevisions.title,
      body: suggestionRevisions.body,
      createdAt: suggestionRevisions.createdAt,
      editorName: users.displayName,
    })
    .from(suggestionRevisions)
    .innerJoin(users, eq(users.id, suggestionRevisions.editorId))
    .where(eq(suggestionRevisions.suggestionId, sql.placeholder("id")))
    .orderBy(desc(suggestionRevisions.createdAt), desc(suggestionRevisions.id))
    .prepare(),
);

const voteOf = preparedQuery((db) =>
  db
    .select({ one: sql`1` })
    .from(votes)
    .where(and(eq(votes.suggestionId, sql.placeholder("id")), eq(votes.userId, sql.placeholder("viewerId"))))
    .prepare(),
);

const duplicateTarget = preparedForViewer((db, visible) =>
  db
    .select({ id: suggestions.id, title: suggestions.title })
    .from(suggestions)
    // A target the viewer cannot see (moved to early access since) is not named.
    .where(and(eq(suggestions.id, sql.placeholder("id")), visible.suggestions()))
    .prepare(),
);

export function getSuggestionPage(id: number, viewer: Viewer) {
  const viewerId = viewer?.id;
  const row = pageSuggestion(viewer).get({ id, viewerId });
  if (!row) return null;
  const shared = sharedRecord(id);
  const viewerVoted = viewerId !== undefined && !!voteOf().get({ id, viewerId });
  const duplicateOfId = row.suggestion.duplicateOfId;
  const duplicateOf = duplicateOfId ? (duplicateTarget(viewer).get({ id: duplicateOfId, viewerId }) ?? null) : null;

  const { body, ...suggestion } = row.suggestion;
  return {
    suggestion: { ...suggestion, body, html: renderMarkdown(body) },
    board: row.board,
    author: row.author,
    ...shared,
    viewerVoted,
    duplicateOf,
  };
}

// What a suggestion's page shows every reader who may see it alike, read in one go and kept
// until something changes (cache.server.ts): rendering a long thread's Markdown costs more than
// the rest of the page, and each of the other reads is a statement of its own on every view.
function sharedRecord(id: number) {
  return cached(`suggestion-page:${id}`, () => ({
    comments: commentsOf()
      .all({ id })
      .map(({ body, ...c }) => ({ ...c, html: renderMarkdown(body) })),
    history: statusHistoryOf().all({ id }),
    revisions: revisionsOf().all({ id }),
    tags: tagsOf([id]).get(id) ?? [],
    images: attachmentsOf(id),
  }));
}

// Replaces a suggestion's tags (callers check canTagSuggestion). Unknown tag ids are the
// caller's to refuse; the primary key makes a repeated id harmless.
export function setSuggestionTags(suggestionId: number, tagIds: readonly number[]) {
  getDb().transaction((tx) => {
    tx.delete(suggestionTags).where(eq(suggestionTags.suggestionId, suggestionId)).run();
    if (tagIds.length) {
      tx.insert(suggestionTags)
        .values([...new Set(tagIds)].map((tagId) => ({ suggestionId, tagId })))
        .run();
    }
  }, { behavior: "immediate" });
}
