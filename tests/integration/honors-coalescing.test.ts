// Votes on a very popular author's suggestions: their honors are re-checked at most once a
// minute (app/features/honors/honors.server.ts), and the check after the last vote still happens.
import { eq } from "drizzle-orm";
import { afterEach, expect, test, vi } from "vitest";
import { suggestions, users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { COALESCE_MS } from "~/features/honors/honors.server";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createSuggestion } from "../factories";

const DAY = 24 * 60 * 60 * 1000;
const monthOld = () => ({ createdAt: new Date(Date.now() - 30 * DAY) });
const pointsOf = (userId: number) => getDb().select({ points: users.honorPoints }).from(users).where(eq(users.id, userId)).get()!.points;

afterEach(() => vi.useRealTimers());

test("a burst of votes for a popular author is checked once right after the first vote and once after the burst", async () => {
  const author = await createMember(monthOld());
  const suggestion = await createSuggestion({ author });
  // As if thousands had voted already: what makes re-checking this author expensive.
  getDb().update(suggestions).set({ voteCount: 5_000 }).where(eq(suggestions.id, suggestion.id)).run();
  const voters = [await createMember(monthOld()), await createMember(monthOld()), await createMember(monthOld())];

  vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
  const before = pointsOf(author.id);
  setVote({ suggestionId: suggestion.id, userId: voters[0].id, voted: true });
  // Not inside the vote's delivery (it would hold the write lock): on the next turn.
  expect(pointsOf(author.id)).toBe(before);
  vi.advanceTimersByTime(0);
  const afterFirst = pointsOf(author.id);
  expect(afterFirst).toBe(before + 1);
  setVote({ suggestionId: suggestion.id, userId: voters[1].id, voted: true });
  setVote({ suggestionId: suggestion.id, userId: voters[2].id, voted: true });
  expect(pointsOf(author.id)).toBe(afterFirst);

  vi.advanceTimersByTime(COALESCE_MS);
  expect(pointsOf(author.id)).toBe(afterFirst + 2);
});
