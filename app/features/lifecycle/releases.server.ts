// Releases: staff group shipped suggestions into named, dated releases. The changelog and its
// Atom feed read them from here, each feature with its credits and its experience report.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { boards, releases, suggestionCredits, suggestions, users } from "#db/schema";
import { visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { cached } from "~/platform/cache.server";
import { getDb, idList, inIdList, preparedQuery } from "~/platform/db.server";
import { bestRatedId } from "~/features/ratings/experience-report";
import { renderMarkdown } from "~/platform/markdown.server";
import { ratingSummaries } from "~/features/ratings/ratings.server";

export function createRelease(input: { name: string; notes: string; releasedAt: Date; createdById: number; now?: Date }) {
  return getDb()
    .insert(releases)
    .values({
      name: input.name,
      notes: input.notes,
      releasedAt: input.releasedAt,
      createdById: input.createdById,
      createdAt: input.now ?? new Date(),
    })
    .returning()
    .get();
}

const releaseById = preparedQuery((db) => db.select().from(releases).where(eq(releases.id, sql.placeholder("id"))).prepare());

export function findRelease(id: number) {
  return releaseById().get({ id }) ?? null;
}

export type Credit = { username: string; displayName: string; role: "author" | "co_author" };

const authorsOf = preparedQuery((db) =>
  db
    .select({ suggestionId: suggestions.id, username: users.username, displayName: users.displayName })
    .from(suggestions)
    .innerJoin(users, eq(users.id, suggestions.authorId))
    .where(inIdList(suggestions.id))
    .prepare(),
);

const coAuthorsOf = preparedQuery((db) =>
  db
    .select({ suggestionId: suggestionCredits.suggestionId, username: users.username, displayName: users.displayName })
    .from(suggestionCredits)
    .innerJoin(users, eq(users.id, suggestionCredits.userId))
    .innerJoin(suggestions, eq(suggestions.id, suggestionCredits.suggestionId))
    // The author may also have been credited through a merge of their own duplicate.
    .where(and(inIdList(suggestionCredits.suggestionId), sql`${suggestionCredits.userId} <> ${suggestions.authorId}`))
    .orderBy(asc(suggestionCredits.createdAt), asc(users.id))
    .prepare(),
);

// Everyone credited on each suggestion: its author first, then its co-authors in the order
// they were credited.
export function creditsFor(suggestionIds: readonly number[]): Map<number, Credit[]> {
  const byId = new Map<number, Credit[]>(suggestionIds.map((id) => [id, []]));
  if (suggestionIds.length === 0) return byId;
  const ids = idList(suggestionIds);
  for (const { suggestionId, ...person } of authorsOf().all({ ids })) byId.get(suggestionId)?.push({ ...person, role: "author" });
  for (const { suggestionId, ...person } of coAuthorsOf().all({ ids })) byId.get(suggestionId)?.push({ ...person, role: "co_author" });
  return byId;
}

// One suggestion's credits, read on every view of its page and kept until something changes.
export function creditsOf(suggestionId: number): Credit[] {
  return cached(`credits:${suggestionId}`, () => creditsFor([suggestionId]).get(suggestionId)!);
}

// Shipped suggestions matching `where` that the viewer may see, with what the changelog
// shows about each.
function shippedFeatures(where: SQL | undefined, viewer: Viewer) {
  const rows = getDb()
    .select({
      id: suggestions.id,
      releaseId: suggestions.releaseId,
      title: suggestions.title,
      voteCount: suggestions.voteCount,
      shippedAt: suggestions.shippedAt,
      boardSlug: boards.slug,
      boardNameEn: boards.nameEn,
      boardNameZh: boards.nameZh,
    })
    .from(suggestions)
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .where(and(eq(suggestions.status, "shipped"), where, visibleSuggestions(viewer)))
    .orderBy(desc(suggestions.voteCount), asc(suggestions.id))
    .all();
  const ids = rows.map((r) => r.id);
  const credits = creditsFor(ids);
  const ratings = ratingSummaries(ids);
  return rows.map((r) => ({ ...r, credits: credits.get(r.id)!, rating: ratings.get(r.id)! }));
}

export type ChangelogFeature = ReturnType<typeof shippedFeatures>[number] & { bestRated: boolean };

// Releases newest first, each with its features and the best-rated one flagged (see
// bestRatedId for what "best" means with few ratings).
export function listReleases({ limit = 50, viewer = null }: { limit?: number; viewer?: Viewer } = {}) {
  const rows = getDb()
    .select()
    .from(releases)
    .orderBy(desc(releases.releasedAt), desc(releases.id))
    .limit(limit)
    .all();
  const features = shippedFeatures(
    inArray(
      suggestions.releaseId,
      rows.map((r) => r.id),
    ),
    viewer,
  );
  return rows.map((release) => {
    const own = features.filter((f) => f.releaseId === release.id);
    const best = bestRatedId(own);
    const lastShipped = Math.max(0, ...own.map((f) => f.shippedAt?.getTime() ?? 0));
    return {
      id: release.id,
      name: release.name,
      notesHtml: renderMarkdown(release.notes),
      releasedAt: release.releasedAt,
      // When its entry last changed: it was published, or a feature joined it.
      updatedAt: new Date(Math.max(release.releasedAt.getTime(), release.createdAt.getTime(), lastShipped)),
      features: own.map((f): ChangelogFeature => ({ ...f, bestRated: f.id === best })),
    };
  });
}

export type ChangelogRelease = ReturnType<typeof listReleases>[number];

// Shipped but not (yet) part of any release: the changelog's "Shipped recently".
export function shippedWithoutRelease(viewer: Viewer = null) {
  return shippedFeatures(isNull(suggestions.releaseId), viewer).sort(
    (a, b) => (b.shippedAt?.getTime() ?? 0) - (a.shippedAt?.getTime() ?? 0) || a.id - b.id,
  );
}

export type AddToReleaseResult = { ok: true } | { ok: false; reason: "not_found" | "release_not_found" | "not_shipped" | "already_released" };

// A suggestion shipped without a release (e.g. from its own page) joins one later. Its
// status does not change, so this is not a lifecycle event.
export function addToRelease(input: { suggestionId: number; releaseId: number }): AddToReleaseResult {
  return getDb().transaction(
    (tx) => {
      const suggestion = tx
        .select({ status: suggestions.status, releaseId: suggestions.releaseId })
        .from(suggestions)
        .where(eq(suggestions.id, input.suggestionId))
        .get();
      if (!suggestion) return { ok: false, reason: "not_found" } as const;
      if (!tx.select({ id: releases.id }).from(releases).where(eq(releases.id, input.releaseId)).get()) {
        return { ok: false, reason: "release_not_found" } as const;
      }
      if (suggestion.status !== "shipped") return { ok: false, reason: "not_shipped" } as const;
      if (suggestion.releaseId !== null) return { ok: false, reason: "already_released" } as const;
      tx.update(suggestions).set({ releaseId: input.releaseId }).where(eq(suggestions.id, input.suggestionId)).run();
      return { ok: true } as const;
    },
    { behavior: "immediate" },
  );
}
