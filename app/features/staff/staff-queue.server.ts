// The staff queue: suggestions waiting for the team, unanswered first and then the longest
// waiting, with the figures shown above it, and the live feed of newly posted ones. Clocks
// are drawn by the page (response-times.clockState), so they keep moving in the browser.
import { and, asc, count, eq, gt, gte, inArray, isNotNull, isNull, lte, max, sql, type SQL } from "drizzle-orm";
import { boards, suggestions, suggestionTags, users, type SuggestionStatus } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { median, WEEK_MS } from "~/features/lifecycle/response-times";

// Suggestions the team still has to act on. A status filter can show any other status.
export const ACTIVE_STATUSES: readonly SuggestionStatus[] = ["open", "under_review", "planned", "in_progress"];
export const QUEUE_PAGE_SIZE = 50;

export type QueueFilter = { boardId?: number; status?: SuggestionStatus; tagId?: number };

function boardAndTag(filter: QueueFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.boardId !== undefined) conditions.push(eq(suggestions.boardId, filter.boardId));
  if (filter.tagId !== undefined) {
    conditions.push(
      sql`exists (select 1 from ${suggestionTags} where ${suggestionTags.suggestionId} = ${suggestions.id} and ${suggestionTags.tagId} = ${filter.tagId})`,
    );
  }
  return conditions;
}

function queueWhere(filter: QueueFilter) {
  const status = filter.status ? eq(suggestions.status, filter.status) : inArray(suggestions.status, ACTIVE_STATUSES);
  return and(status, ...boardAndTag(filter));
}

export function staffQueue(filter: QueueFilter, options: { page: number }) {
  const db = getDb();
  const where = queueWhere(filter);
  const unansweredWhere = and(where, isNull(suggestions.firstOfficialReplyAt));
  const answeredWhere = and(where, isNotNull(suggestions.firstOfficialReplyAt));
  const countOf = (condition: SQL | undefined) => db.select({ n: count() }).from(suggestions).where(condition).get()?.n ?? 0;
  const unanswered = countOf(unansweredWhere);
  const total = unanswered + countOf(answeredWhere);
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.page), pages);
  const rows = (condition: SQL | undefined, offset: number, limit: number) =>
    limit <= 0
      ? []
      : db
          .select({
            id: suggestions.id,
            title: suggestions.title,
            status: suggestions.status,
            voteCount: suggestions.voteCount,
            commentCount: suggestions.commentCount,
            createdAt: suggestions.createdAt,
            firstOfficialReplyAt: suggestions.firstOfficialReplyAt,
            boardSlug: boards.slug,
            boardNameEn: boards.nameEn,
            boardNameZh: boards.nameZh,
            authorName: users.displayName,
          })
          .from(suggestions)
          .innerJoin(boards, eq(boards.id, suggestions.boardId))
          .innerJoin(users, eq(users.id, suggestions.authorId))
          .where(condition)
          .orderBy(asc(suggestions.createdAt), asc(suggestions.id))
          .limit(limit)
          .offset(offset)
          .all();
  // Unanswered first, then the answered, each longest waiting first: two ordered reads (the
  // waiting ones by their own index) instead of sorting every active suggestion per page.
  const offset = (page - 1) * QUEUE_PAGE_SIZE;
  const waiting = rows(unansweredWhere, Math.min(offset, unanswered), Math.min(QUEUE_PAGE_SIZE, unanswered - offset));
  const items = [...waiting, ...rows(answeredWhere, Math.max(0, offset - unanswered), QUEUE_PAGE_SIZE - waiting.length)];
  return { items, total, page, pages };
}

// The figures above the queue. Unanswered and over-target follow every filter; the median
// first response covers the suggestions of the filtered boards and tags answered this week.
export function queueCounts(filter: QueueFilter, options: { targetMs: number; now?: number }) {
  const db = getDb();
  const now = options.now ?? Date.now();
  const unanswered = and(queueWhere(filter), isNull(suggestions.firstOfficialReplyAt));
  const countWhere = (where: SQL | undefined) => db.select({ n: count() }).from(suggestions).where(where).get()?.n ?? 0;
  const answeredThisWeek = db
    .select({ ms: sql<number>`${suggestions.firstOfficialReplyAt} - ${suggestions.createdAt}` })
    .from(suggestions)
    .where(
      and(
        isNotNull(suggestions.firstOfficialReplyAt),
        gte(suggestions.firstOfficialReplyAt, new Date(now - WEEK_MS)),
        ...boardAndTag(filter),
      ),
    )
    .all()
    .map((r) => r.ms);
  return {
    unanswered: countWhere(unanswered),
    overTarget: countWhere(and(unanswered, lte(suggestions.createdAt, new Date(now - options.targetMs)))),
    medianFirstResponseMs: median(answeredThisWeek),
    answeredThisWeek: answeredThisWeek.length,
  };
}

export function latestSuggestionId(): number {
  return getDb().select({ id: max(suggestions.id) }).from(suggestions).get()?.id ?? 0;
}

function suggestionsAfter(id: number) {
  return getDb()
    .select({ id: suggestions.id, title: suggestions.title })
    .from(suggestions)
    .where(gt(suggestions.id, id))
    .orderBy(asc(suggestions.id))
    .limit(50)
    .all();
}

// Server-sent events announcing suggestions posted after `after`: one "suggestion" event
// each, with its id as the event id so a reconnecting browser resumes where it stopped.
// Polling the database keeps this correct across server processes; a comment line every
// so often keeps proxies from closing an idle stream. Ends when the request is aborted.
export function queueEvents(options: { after: number; signal: AbortSignal; intervalMs?: number; keepAliveMs?: number }) {
  const encoder = new TextEncoder();
  let lastId = options.after;
  let timer: ReturnType<typeof setInterval> | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(timer);
    clearInterval(keepAlive);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      if (options.signal.aborted) return close();
      options.signal.addEventListener("abort", close, { once: true });
      controller.enqueue(encoder.encode("retry: 5000\n\n"));
      timer = setInterval(() => {
        for (const s of suggestionsAfter(lastId)) {
          lastId = s.id;
          controller.enqueue(encoder.encode(`event: suggestion\nid: ${s.id}\ndata: ${JSON.stringify(s)}\n\n`));
        }
      }, options.intervalMs ?? 2000);
      keepAlive = setInterval(() => controller.enqueue(encoder.encode(": keep-alive\n\n")), options.keepAliveMs ?? 25_000);
    },
    cancel: stop,
  });
}
