// Full-text search over suggestions, their bodies and their comments (/search), and the
// "similar suggestions" shown while a member types a new title. Both read the FTS5 table of
// migration 0001, whose trigram tokenizer indexes every 3-character sequence: that is what
// finds Chinese, written without spaces, but it also means shorter terms cannot be MATCHed.
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { boards, suggestions, type SuggestionStatus } from "#db/schema";
import { visibilityKey, visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { parseSearchQuery } from "~/features/search/search-query";
import { cached } from "~/platform/cache.server";
import { getDb } from "~/platform/db.server";
import { markdownToPlainText } from "~/platform/markdown.server";
import { buildSnippet, type SnippetPart } from "~/features/search/search-snippet";

// drizzle-kit cannot describe virtual tables, so the FTS table is declared here, for
// queries only, rather than in db/schema.ts. Its rowid is the suggestion's id.
const suggestionSearch = sqliteTable("suggestion_search", {
  rowid: integer("rowid").notNull(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  comments: text("comments").notNull(),
});

export const MAX_QUERY_LENGTH = 100;
const MAX_QUERY_TERMS = 10;
export const SEARCH_PAGE_SIZE = 20;
const TRIGRAM_LENGTH = 3;
const MIN_SIMILAR_TITLE_LENGTH = 4;
// Titles are at most 140 characters; anything longer is cut rather than turned into
// hundreds of trigrams.
const MAX_SIMILAR_TITLE_LENGTH = 140;

// bm25 weights for title, body and comments (lower is better): a word in the title says the
// most about what a suggestion is about, one in a comment the least.
const relevance = sql`bm25(${suggestionSearch}, 10.0, 2.0, 1.0)`;

export type SearchResult = {
  id: number;
  title: string;
  status: SuggestionStatus;
  voteCount: number;
  boardSlug: string;
  boardNameEn: string;
  boardNameZh: string;
  createdAt: Date;
  snippet: SnippetPart[];
};

export type SearchPage = { results: SearchResult[]; total: number; page: number; pages: number };

/**
 * Suggestions containing every word of the query in their title, body or comments, the most
 * relevant first (or, when every word is too short to rank, the most voted and newest).
 */
export function searchSuggestions(search: { query: string; page?: number; pageSize?: number; viewer?: Viewer }): SearchPage {
  // Popular searches repeat: served from memory until something changes (cache.server.ts).
  const { viewer, ...rest } = search;
  return cached(`search:${JSON.stringify(rest)}:${visibilityKey(viewer)}`, () => runSearch(search));
}

function runSearch({
  query,
  page = 1,
  pageSize = SEARCH_PAGE_SIZE,
  viewer = null,
}: {
  query: string;
  page?: number;
  pageSize?: number;
  viewer?: Viewer;
}): SearchPage {
  page = Math.max(1, Math.floor(page) || 1);
  const { include: terms, exclude } = parseSearchQuery(query, { maxLength: MAX_QUERY_LENGTH, maxTerms: MAX_QUERY_TERMS });
  if (terms.length === 0) return { results: [], total: 0, page, pages: 0 };

  const indexed = terms.filter(isIndexable);
  const conditions = [
    ...terms.filter((term) => !isIndexable(term)).map(containsCondition),
    ...exclude.map((term) => sql`not ${containsCondition(term)}`),
  ];
  if (indexed.length > 0) conditions.unshift(matchCondition(indexed.map(ftsPhrase).join(" AND ")));
  const matching = sql.join(conditions, sql` and `);

  const { total } = getDb().select({ total: count() }).from(searchable(matching, viewer).as("matches")).get()!;
  const order = indexed.length > 0 ? [relevance, desc(suggestions.voteCount)] : [desc(suggestions.voteCount), desc(suggestions.createdAt)];
  const rows = searchable(matching, viewer)
    .orderBy(...order, desc(suggestions.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();

  const results = rows.map(({ body, comments, ...row }) => ({
    ...row,
    snippet: snippetFor({ title: row.title, body, comments }, terms),
  }));
  return { results, total, page, pages: Math.ceil(total / pageSize) };
}

export type SimilarSuggestion = { id: number; title: string; status: SuggestionStatus; voteCount: number };

/**
 * Existing suggestions that look like the title being typed, to head off duplicates: any of
 * its words (or, in Chinese, any of its 3-character sequences) in a title or body, the
 * suggestions sharing the most and rarest of them first.
 */
export function findSimilarSuggestions(
  title: string,
  { limit = 5, viewer = null }: { limit?: number; viewer?: Viewer } = {},
): SimilarSuggestion[] {
  const chars = Array.from(title.trim()).slice(0, MAX_SIMILAR_TITLE_LENGTH);
  if (chars.length < MIN_SIMILAR_TITLE_LENGTH) return [];
  const terms = similarityTerms(chars.join(""));
  if (terms.length === 0) return [];

  // Comments drift off topic, so only what the suggestions themselves say counts here.
  const matching = matchCondition(`{title body} : (${terms.map(ftsPhrase).join(" OR ")})`);
  return searchable(matching, viewer)
    .orderBy(relevance, desc(suggestions.voteCount), desc(suggestions.id))
    .limit(limit)
    .all()
    .map(({ id, title, status, voteCount }) => ({ id, title, status, voteCount }));
}

// Every search reads suggestions through this one query, so a rule about what a searcher
// may see (hidden boards, for instance) is written once here and holds for result pages,
// their counts and similar suggestions alike.
function searchable(matching: SQL, viewer: Viewer) {
  return getDb()
    .select({
      id: suggestions.id,
      title: suggestions.title,
      body: suggestions.body,
      comments: suggestionSearch.comments,
      status: suggestions.status,
      voteCount: suggestions.voteCount,
      createdAt: suggestions.createdAt,
      boardSlug: boards.slug,
      boardNameEn: boards.nameEn,
      boardNameZh: boards.nameZh,
    })
    .from(suggestionSearch)
    .innerJoin(suggestions, eq(suggestions.id, suggestionSearch.rowid))
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .where(and(matching, visibleSuggestions(viewer)));
}

const isIndexable = (term: string) => Array.from(term).length >= TRIGRAM_LENGTH;

function matchCondition(expression: string): SQL {
  return sql`${suggestionSearch} MATCH ${expression}`;
}

// A double-quoted FTS5 string is always a plain phrase: operators (OR, NEAR, -, :, *) in
// what people type are just text inside it. Quotes are escaped by doubling.
function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

// Terms too short for the trigram index ("相机", "夜间" or "UI") are found by scanning,
// which is fine at a forum's scale. LIKE is case-insensitive for ASCII, as MATCH is.
function containsCondition(term: string): SQL {
  const pattern = `%${term.replace(/[\\%_]/g, "\\$&")}%`;
  return sql`(${suggestionSearch.title} like ${pattern} escape '\\' or ${suggestionSearch.body} like ${pattern} escape '\\' or ${suggestionSearch.comments} like ${pattern} escape '\\')`;
}

// The body says most about a suggestion, so its snippet comes from there when the words are
// in it; else from the comments that matched; else from the title; else the body's start.
function snippetFor(texts: { title: string; body: string; comments: string }, terms: string[]): SnippetPart[] {
  const body = markdownToPlainText(texts.body);
  const candidates = [body, markdownToPlainText(texts.comments), texts.title];
  for (const text of candidates) {
    const snippet = buildSnippet(text, terms);
    if (snippet.some((part) => part.highlight)) return snippet;
  }
  return buildSnippet(body, terms);
}

// Words that appear in almost every English suggestion and would make any title look
// similar to all of them.
const STOP_WORDS = new Set(
  "about add all allow and any are but can could does for from get has have how into its make more not our please should some than that the their them then there this too use using was what when where which while who why will with would you your".split(
    " ",
  ),
);

const HAN = /\p{Script=Han}/u;

// Chinese is written without spaces, so its runs of characters are cut into overlapping
// 3-character sequences (夜间模式 → 夜间模, 间模式) that the trigram index can match; other
// text is cut into words.
function similarityTerms(title: string): string[] {
  const terms = new Set<string>();
  for (const [run] of title.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    const word = run.toLowerCase();
    const chars = Array.from(word);
    if (HAN.test(word)) {
      for (let i = 0; i + TRIGRAM_LENGTH <= chars.length; i++) terms.add(chars.slice(i, i + TRIGRAM_LENGTH).join(""));
    } else if (chars.length >= TRIGRAM_LENGTH && !STOP_WORDS.has(word)) {
      terms.add(word);
    }
  }
  return [...terms];
}
