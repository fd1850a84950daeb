// Votes: one per member and suggestion. The form says what the member wants (vote or not),
// so a double click or a retried request can never count twice.
import { and, eq, sql } from "drizzle-orm";
import { suggestions, votes } from "#db/schema";
import { getDb } from "~/db.server";
import { evaluateSuggestionAuthor } from "~/honors.server";
import { isVotingOpen } from "~/permissions";

export type VoteResult =
  | { ok: true; voted: boolean; voteCount: number }
  | { ok: false; reason: "not_found" | "voting_closed" };

// The unique (suggestion, member) key decides whether a row was really added or removed,
// and the count moves only by what changed, inside one transaction: exact under any
// concurrency, no read-modify-write.
export function setVote(input: { suggestionId: number; userId: number; voted: boolean; now?: Date }): VoteResult {
  const db = getDb();
  const result = db.transaction((tx) => {
    const suggestion = tx
      .select({ status: suggestions.status })
      .from(suggestions)
      .where(eq(suggestions.id, input.suggestionId))
      .get();
    if (!suggestion) return { ok: false, reason: "not_found" } as const;
    if (!isVotingOpen(suggestion.status)) return { ok: false, reason: "voting_closed" } as const;
    const changed = input.voted
      ? tx
          .insert(votes)
          .values({ suggestionId: input.suggestionId, userId: input.userId, createdAt: input.now ?? new Date() })
          .onConflictDoNothing()
          .run().changes
      : -tx
          .delete(votes)
          .where(and(eq(votes.suggestionId, input.suggestionId), eq(votes.userId, input.userId)))
          .run().changes;
    const { voteCount } = tx
      .update(suggestions)
      .set({ voteCount: sql`${suggestions.voteCount} + ${changed}` })
      .where(eq(suggestions.id, input.suggestionId))
      .returning({ voteCount: suggestions.voteCount })
      .get()!;
    return { ok: true, voted: input.voted, voteCount } as const;
  }, { behavior: "immediate" });
  // Votes received count toward the author's honors.
  if (result.ok) evaluateSuggestionAuthor(input.suggestionId, ["vote_cast"]);
  return result;
}
