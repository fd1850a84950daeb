// The experience report's rules, pure: who may rate a shipped suggestion, how its ratings
// are summarised, and which feature of a release is its best rated. No database here;
// ratings.server.ts and releases.server.ts load the data and call these.
import type { SuggestionStatus } from "#db/enums";

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_COMMENT_MAX = 1000;

export type RatingRefusal = "not_shipped" | "not_involved";

// Only the people who asked for a feature can say whether it solved their problem: its
// voters, its author and its co-authors (authors of duplicates merged into it).
export function ratingRefusal(input: {
  status: SuggestionStatus;
  isAuthor: boolean;
  isCoAuthor: boolean;
  isVoter: boolean;
}): RatingRefusal | null {
  if (input.status !== "shipped") return "not_shipped";
  if (!input.isAuthor && !input.isCoAuthor && !input.isVoter) return "not_involved";
  return null;
}

export function isValidScore(score: number): boolean {
  return Number.isInteger(score) && score >= RATING_MIN && score <= RATING_MAX;
}

export type RatingSummary = {
  average: number | null;
  count: number;
  // distribution[0] is the number of 1-star ratings, distribution[4] of 5-star ones.
  distribution: number[];
};

// From how many ratings gave each score (the database counts them: a shipped feature may
// have hundreds of ratings, each of which would otherwise become an object on every view).
export function summarizeRatings(tallies: readonly { score: number; count: number }[]): RatingSummary {
  const distribution = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, () => 0);
  let total = 0;
  let count = 0;
  for (const tally of tallies) {
    distribution[tally.score - RATING_MIN] += tally.count;
    total += tally.score * tally.count;
    count += tally.count;
  }
  return { average: count ? total / count : null, count, distribution };
}

// Best rated = highest Bayesian average: every feature starts with PRIOR_WEIGHT imaginary
// ratings at the neutral PRIOR_MEAN, so one lone 5 does not beat twenty ratings averaging
// 4.6 (as DESIGN.md asks: small samples must not swing a term). Features without ratings
// are never best rated; ties go to the feature with more ratings, then the older id.
export const PRIOR_MEAN = 3;
export const PRIOR_WEIGHT = 5;

export function bayesianAverage(summary: Pick<RatingSummary, "average" | "count">): number {
  const sum = (summary.average ?? 0) * summary.count;
  return (PRIOR_MEAN * PRIOR_WEIGHT + sum) / (PRIOR_WEIGHT + summary.count);
}

export function bestRatedId(features: readonly { id: number; rating: Pick<RatingSummary, "average" | "count"> }[]): number | null {
  let best: { id: number; score: number; count: number } | null = null;
  for (const { id, rating } of features) {
    if (rating.count === 0) continue;
    const score = bayesianAverage(rating);
    const better =
      !best ||
      score > best.score ||
      (score === best.score && (rating.count > best.count || (rating.count === best.count && id < best.id)));
    if (better) best = { id, score, count: rating.count };
  }
  return best?.id ?? null;
}
