// The author's honors after votes (app/features/honors/honors.server.ts): a vote after a quiet
// gap is checked at once, the votes that follow it within the gap together once it has passed;
// a very popular author is re-checked at most once a minute, never inside the vote's delivery.
// The check after the last vote of a burst always happens.
import { eq } from "drizzle-orm";
import { afterEach, expect, test, vi } from "vitest";
import { suggestions, users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { CHECK_GAP_MS, settlePendingHonorChecks } from "~/features/honors/honors.server";
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

  vi.advanceTimersByTime(CHECK_GAP_MS.popularAuthor);
  expect(pointsOf(author.id)).toBe(afterFirst + 2);
});

test("an author's first vote is checked at once; the votes within the gap after it, together at its end", async () => {
  const author = await createMember(monthOld());
  const suggestion = await createSuggestion({ author });
  const voters = [await createMember(monthOld()), await createMember(monthOld()), await createMember(monthOld()), await createMember(monthOld())];
  const vote = (i: number) => setVote({ suggestionId: suggestion.id, userId: voters[i].id, voted: true });

  vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
  const before = pointsOf(author.id);
  vote(0);
  expect(pointsOf(author.id)).toBe(before + 1);
  vote(1);
  vote(2);
  vi.advanceTimersByTime(CHECK_GAP_MS.author - 1);
  expect(pointsOf(author.id)).toBe(before + 1);
  vi.advanceTimersByTime(1);
  expect(pointsOf(author.id)).toBe(before + 3);

  // A gap in which nothing arrived ends; the next vote is checked at once again.
  vi.advanceTimersByTime(CHECK_GAP_MS.author);
  vote(3);
  expect(pointsOf(author.id)).toBe(before + 4);
});

test("a stopping server checks the votes still waiting in a gap", async () => {
  const author = await createMember(monthOld());
  const suggestion = await createSuggestion({ author });
  const voters = [await createMember(monthOld()), await createMember(monthOld()), await createMember(monthOld())];

  vi.useFakeTimers({ toFake: ["setTimeout", "Date"] });
  const before = pointsOf(author.id);
  const vote = (i: number) => setVote({ suggestionId: suggestion.id, userId: voters[i].id, voted: true });
  vote(0);
  vote(1);
  expect(pointsOf(author.id)).toBe(before + 1);
  settlePendingHonorChecks();
  expect(pointsOf(author.id)).toBe(before + 2);
  // The gap is over: the next vote is checked at once.
  vote(2);
  expect(pointsOf(author.id)).toBe(before + 3);
});
