// The experience report: members who asked for a shipped feature rate it 1–5, once each,
// and can change their rating. The rules live in experience-report.ts; this module loads
// what they need and stores the result.
import { and, count, eq, sql } from "drizzle-orm";
import { ratings, suggestionCredits, suggestions, votes } from "#db/schema";
import { cached } from "~/platform/cache.server";
import { getDb, idList, inIdList, preparedQuery } from "~/platform/db.server";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";
import { isValidScore, ratingRefusal, summarizeRatings, type RatingRefusal, type RatingSummary } from "~/features/ratings/experience-report";

const refusalFacts = preparedQuery((db) =>
  db
    .select({
      status: suggestions.status,
      authorId: suggestions.authorId,
      isCoAuthor: sql<number>`exists (select 1 from ${suggestionCredits} where ${suggestionCredits.suggestionId} = ${suggestions.id} and ${suggestionCredits.userId} = ${sql.placeholder("userId")})`,
      isVoter: sql<number>`exists (select 1 from ${votes} where ${votes.suggestionId} = ${suggestions.id} and ${votes.userId} = ${sql.placeholder("userId")})`,
    })
    .from(suggestions)
    .where(eq(suggestions.id, sql.placeholder("suggestionId")))
    .prepare(),
);

// Also run inside rateSuggestion's transaction: the statement is on the same connection.
function refusalFor(suggestionId: number, userId: number): RatingRefusal | "not_found" | null {
  const row = refusalFacts().get({ suggestionId, userId });
  if (!row) return "not_found";
  return ratingRefusal({
    status: row.status,
    isAuthor: row.authorId === userId,
    isCoAuthor: !!row.isCoAuthor,
    isVoter: !!row.isVoter,
  });
}

export type RateResult =
  | { ok: true; created: boolean }
  | { ok: false; reason: RatingRefusal | "not_found" | "invalid_score" };

// One row per (suggestion, member): rating again replaces the first rating. Refusals change
// nothing.
export function rateSuggestion(input: {
  suggestionId: number;
  userId: number;
  score: number;
  comment?: string;
  now?: Date;
}): RateResult {
  if (!isValidScore(input.score)) return { ok: false, reason: "invalid_score" };
  const now = input.now ?? new Date();
  const comment = input.comment?.trim() ?? "";
  const result = getDb().transaction(
    (tx) => {
      const refusal = refusalFor(input.suggestionId, input.userId);
      if (refusal) return { ok: false, reason: refusal } as const;
      const existed = !!tx
        .select({ one: sql`1` })
        .from(ratings)
        .where(and(eq(ratings.suggestionId, input.suggestionId), eq(ratings.userId, input.userId)))
        .get();
      tx.insert(ratings)
        .values({ suggestionId: input.suggestionId, userId: input.userId, score: input.score, comment, createdAt: now })
        .onConflictDoUpdate({
          target: [ratings.suggestionId, ratings.userId],
          set: { score: input.score, comment, updatedAt: now },
        })
        .run();
      // Rating shipped features earns the tester badges.
      if (!existed) recordEvent({ type: "rating_given", suggestionId: input.suggestionId, userId: input.userId, at: now.getTime() });
      return { ok: true, created: !existed } as const;
    },
    { behavior: "immediate" },
  );
  deliverEvents();
  return result;
}

const scoreTallies = preparedQuery((db) =>
  db
    .select({ suggestionId: ratings.suggestionId, score: ratings.score, count: count() })
    .from(ratings)
    .where(inIdList(ratings.suggestionId))
    .groupBy(ratings.suggestionId, ratings.score)
    .prepare(),
);

export function ratingSummaries(suggestionIds: readonly number[]): Map<number, RatingSummary> {
  const tallies = new Map<number, { score: number; count: number }[]>(suggestionIds.map((id) => [id, []]));
  if (suggestionIds.length > 0) {
    for (const { suggestionId, ...tally } of scoreTallies().all({ ids: idList(suggestionIds) })) tallies.get(suggestionId)?.push(tally);
  }
  return new Map([...tallies].map(([id, list]) => [id, summarizeRatings(list)]));
}

// A shipped suggestion's page shows it to every reader: kept until anything changes.
export function ratingSummary(suggestionId: number): RatingSummary {
  return cached(`rating-summary:${suggestionId}`, () => ratingSummaries([suggestionId]).get(suggestionId)!);
}

const ratingOf = preparedQuery((db) =>
  db
    .select({ score: ratings.score, comment: ratings.comment })
    .from(ratings)
    .where(and(eq(ratings.suggestionId, sql.placeholder("suggestionId")), eq(ratings.userId, sql.placeholder("userId"))))
    .prepare(),
);

// What a suggestion's page shows about ratings to this viewer.
export function experienceReport(suggestionId: number, viewerId: number | null) {
  const mine = viewerId === null ? null : (ratingOf().get({ suggestionId, userId: viewerId }) ?? null);
  const refusal = viewerId === null ? null : refusalFor(suggestionId, viewerId);
  return {
    summary: ratingSummary(suggestionId),
    canRate: viewerId !== null && refusal === null,
    mine,
  };
}
