// The merge picker on a suggestion's staff panel: candidates found by title (the site's
// search, Chinese included) or, before anything is typed, the similar suggestions; then the
// chosen one beside this one, to confirm. Nobody types an id.
import { eq } from "drizzle-orm";
import { suggestions, users } from "#db/schema";
import type { Viewer } from "~/features/boards/boards.server";
import { getDb } from "~/platform/db.server";
import { canMergeFrom } from "~/features/lifecycle/lifecycle";
import { markdownToPlainText } from "~/platform/markdown.server";
import { findSimilarSuggestions, searchSuggestions } from "~/features/search/search.server";

const CANDIDATES = 8;
const EXCERPT = 400;

export function mergeCandidates(source: { id: number; title: string }, query: string, viewer: Viewer) {
  const typed = query.trim().slice(0, 140);
  const found = typed
    ? searchSuggestions({ query: typed, pageSize: CANDIDATES + 1, viewer }).results
    : findSimilarSuggestions(source.title, { limit: CANDIDATES + 1, viewer });
  // A duplicate cannot take a merge (lifecycle.mergeError); neither can the suggestion itself.
  return {
    query: typed,
    similarFirst: !typed,
    candidates: found
      .filter((s) => s.id !== source.id && s.status !== "duplicate")
      .slice(0, CANDIDATES)
      .map(({ id, title, status, voteCount }) => ({ id, title, status, voteCount })),
  };
}

// One side of the side-by-side comparison.
export function mergePreview(id: number) {
  const row = getDb()
    .select({
      id: suggestions.id,
      title: suggestions.title,
      body: suggestions.body,
      status: suggestions.status,
      voteCount: suggestions.voteCount,
      createdAt: suggestions.createdAt,
      authorName: users.displayName,
    })
    .from(suggestions)
    .innerJoin(users, eq(users.id, suggestions.authorId))
    .where(eq(suggestions.id, id))
    .get();
  if (!row) return null;
  const { body, ...rest } = row;
  return { ...rest, excerpt: markdownToPlainText(body, EXCERPT) };
}

export function mergePicker(source: { id: number; title: string; status: Parameters<typeof canMergeFrom>[0] }, params: URLSearchParams, viewer: Viewer) {
  if (!canMergeFrom(source.status)) return null;
  const intoId = Number(params.get("mergeInto"));
  const target = Number.isInteger(intoId) && intoId > 0 && intoId !== source.id ? mergePreview(intoId) : null;
  return {
    ...mergeCandidates(source, params.get("mergeSearch") ?? "", viewer),
    compare: target && target.status !== "duplicate" ? { source: mergePreview(source.id)!, target } : null,
  };
}
