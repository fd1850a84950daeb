import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { suggestions, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createSuggestion } from "../factories";

const storedCount = (id: number) => getDb().select({ n: suggestions.voteCount }).from(suggestions).where(eq(suggestions.id, id)).get()!.n;
const rowCount = (id: number) =>
  getDb().select({ n: sql<number>`count(*)` }).from(votes).where(eq(votes.suggestionId, id)).get()!.n;

describe("setVote", () => {
  it("adds and removes one vote per member, and the count follows the rows", async () => {
    const suggestion = await createSuggestion();
    const fan = await createMember();
    expect(setVote({ suggestionId: suggestion.id, userId: fan.id, voted: true })).toEqual({ ok: true, voted: true, voteCount: 2 });
    // Voting again (a double click, a retried request) changes nothing.
    expect(setVote({ suggestionId: suggestion.id, userId: fan.id, voted: true })).toEqual({ ok: true, voted: true, voteCount: 2 });
    expect(setVote({ suggestionId: suggestion.id, userId: fan.id, voted: false })).toEqual({ ok: true, voted: false, voteCount: 1 });
    expect(setVote({ suggestionId: suggestion.id, userId: fan.id, voted: false })).toEqual({ ok: true, voted: false, voteCount: 1 });
    expect(storedCount(suggestion.id)).toBe(rowCount(suggestion.id));
  });

  it("refuses votes on shipped, declined and duplicate suggestions and changes nothing", async () => {
    for (const status of ["shipped", "declined", "duplicate"] as const) {
      const suggestion = await createSuggestion({ status });
      const fan = await createMember();
      expect(setVote({ suggestionId: suggestion.id, userId: fan.id, voted: true })).toEqual({ ok: false, reason: "voting_closed" });
      expect(storedCount(suggestion.id)).toBe(1);
      expect(rowCount(suggestion.id)).toBe(1);
    }
  });

  it("says when the suggestion does not exist", async () => {
    const fan = await createMember();
    expect(setVote({ suggestionId: 987_654, userId: fan.id, voted: true })).toEqual({ ok: false, reason: "not_found" });
  });

  it("stays exact over many members toggling in any order", async () => {
    const suggestion = await createSuggestion();
    const fans = await Promise.all(Array.from({ length: 30 }, () => createMember()));
    // Each fan votes, some take it back, some vote twice.
    fans.forEach((fan) => setVote({ suggestionId: suggestion.id, userId: fan.id, voted: true }));
    fans.filter((_, i) => i % 3 === 0).forEach((fan) => setVote({ suggestionId: suggestion.id, userId: fan.id, voted: false }));
    fans.filter((_, i) => i % 2 === 0).forEach((fan) => setVote({ suggestionId: suggestion.id, userId: fan.id, voted: true }));
    const expected = 1 + fans.filter((_, i) => i % 3 !== 0 || i % 2 === 0).length;
    expect(storedCount(suggestion.id)).toBe(expected);
    expect(rowCount(suggestion.id)).toBe(expected);
  });
});
