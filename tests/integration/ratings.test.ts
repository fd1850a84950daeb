import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { ratings, suggestionCredits, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { changeStatus, mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { experienceReport, rateSuggestion, ratingSummary } from "~/features/ratings/ratings.server";
import { action, loader } from "~/routes/s.$id/route";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const ratingsOf = (suggestionId: number) =>
  getDb().select().from(ratings).where(eq(ratings.suggestionId, suggestionId)).all();

// A planned suggestion with a voter and a co-author (merged in), then shipped: the people
// the experience report is for, and an outsider who never asked for it.
async function shippedSuggestion() {
  const staff = await createStaff();
  const author = await createMember();
  const voter = await createMember();
  const coAuthor = await createMember();
  const outsider = await createMember();
  const suggestion = await createSuggestion({ author, status: "planned" });
  setVote({ suggestionId: suggestion.id, userId: voter.id, voted: true });
  const duplicate = await createSuggestion({ author: coAuthor });
  expect(mergeSuggestion({ sourceId: duplicate.id, targetId: suggestion.id, actorId: staff.id, note: "Same idea." })).toMatchObject({ ok: true });
  expect(changeStatus({ suggestionId: suggestion.id, actorId: staff.id, to: "shipped", note: "" })).toMatchObject({ ok: true });
  return { suggestion, staff, author, voter, coAuthor, outsider };
}

describe("rateSuggestion", () => {
  test("its author, a co-author and a voter may rate a shipped suggestion", async () => {
    const { suggestion, author, voter, coAuthor } = await shippedSuggestion();
    expect(getDb().select().from(suggestionCredits).where(eq(suggestionCredits.userId, coAuthor.id)).all()).toHaveLength(1);
    for (const [who, score] of [[author, 5], [voter, 4], [coAuthor, 2]] as [User, number][]) {
      expect(rateSuggestion({ suggestionId: suggestion.id, userId: who.id, score })).toEqual({ ok: true, created: true });
    }
    expect(ratingSummary(suggestion.id)).toEqual({ average: 11 / 3, count: 3, distribution: [0, 1, 0, 1, 1] });
  });

  test("each suggestion's summary is its own, read again and again, and moves with a new rating", async () => {
    const first = await shippedSuggestion();
    const second = await shippedSuggestion();
    rateSuggestion({ suggestionId: first.suggestion.id, userId: first.author.id, score: 5 });
    rateSuggestion({ suggestionId: second.suggestion.id, userId: second.author.id, score: 1 });
    for (let read = 0; read < 2; read++) {
      expect(ratingSummary(first.suggestion.id)).toMatchObject({ average: 5, count: 1 });
      expect(ratingSummary(second.suggestion.id)).toMatchObject({ average: 1, count: 1 });
    }
    rateSuggestion({ suggestionId: first.suggestion.id, userId: first.voter.id, score: 3 });
    expect(ratingSummary(first.suggestion.id)).toMatchObject({ average: 4, count: 2 });
  });

  test("someone who neither voted, wrote nor co-authored it is refused, staff included", async () => {
    const { suggestion, outsider, staff } = await shippedSuggestion();
    expect(rateSuggestion({ suggestionId: suggestion.id, userId: outsider.id, score: 5 })).toEqual({ ok: false, reason: "not_involved" });
    expect(rateSuggestion({ suggestionId: suggestion.id, userId: staff.id, score: 5 })).toEqual({ ok: false, reason: "not_involved" });
    expect(ratingsOf(suggestion.id)).toEqual([]);
  });

  test("a suggestion that has not shipped cannot be rated, even by its author", async () => {
    const author = await createMember();
    for (const status of ["open", "planned", "in_progress", "declined"] as const) {
      const suggestion = await createSuggestion({ author, status });
      expect(rateSuggestion({ suggestionId: suggestion.id, userId: author.id, score: 4 })).toEqual({ ok: false, reason: "not_shipped" });
      expect(ratingsOf(suggestion.id)).toEqual([]);
    }
  });

  test("rating twice changes the rating instead of adding a second one", async () => {
    const { suggestion, voter } = await shippedSuggestion();
    rateSuggestion({ suggestionId: suggestion.id, userId: voter.id, score: 2, comment: "Still drains the battery." });
    const again = rateSuggestion({ suggestionId: suggestion.id, userId: voter.id, score: 5, comment: "  Fixed in the update.  " });
    expect(again).toEqual({ ok: true, created: false });
    const rows = ratingsOf(suggestion.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: voter.id, score: 5, comment: "Fixed in the update." });
    expect(rows[0].updatedAt).not.toBeNull();
    expect(ratingSummary(suggestion.id)).toMatchObject({ average: 5, count: 1 });
  });

  test("scores outside 1–5 are refused and change nothing", async () => {
    const { suggestion, voter } = await shippedSuggestion();
    rateSuggestion({ suggestionId: suggestion.id, userId: voter.id, score: 3, comment: "OK" });
    const before = ratingsOf(suggestion.id);
    for (const score of [0, 6, -1, 3.5]) {
      expect(rateSuggestion({ suggestionId: suggestion.id, userId: voter.id, score })).toEqual({ ok: false, reason: "invalid_score" });
    }
    expect(ratingsOf(suggestion.id)).toEqual(before);
  });

  test("an unknown suggestion is not found", async () => {
    const member = await createMember();
    expect(rateSuggestion({ suggestionId: 999_999, userId: member.id, score: 3 })).toEqual({ ok: false, reason: "not_found" });
  });

  test("the experience report tells each viewer whether they can rate and what they gave", async () => {
    const { suggestion, voter, outsider } = await shippedSuggestion();
    rateSuggestion({ suggestionId: suggestion.id, userId: voter.id, score: 4, comment: "Nice" });
    expect(experienceReport(suggestion.id, voter.id)).toMatchObject({ canRate: true, mine: { score: 4, comment: "Nice" } });
    expect(experienceReport(suggestion.id, outsider.id)).toMatchObject({ canRate: false, mine: null });
    expect(experienceReport(suggestion.id, null)).toMatchObject({ canRate: false, mine: null, summary: { count: 1 } });
  });
});

describe("rating on /s/:id", () => {
  const rate = (user: User | null, suggestionId: number, form: Record<string, string>) =>
    outcome(() =>
      action(routeArgs(requestAs(user, `/s/${suggestionId}`, { form: { intent: "rate", ...form } }), { id: String(suggestionId) })),
    );

  test("an eligible member rates, and rating again updates", async () => {
    const { suggestion, voter } = await shippedSuggestion();
    expect(await rate(voter, suggestion.id, { score: "4", comment: "Works" })).toMatchObject({ status: 302, location: `/s/${suggestion.id}#rating` });
    expect(await rate(voter, suggestion.id, { score: "5" })).toMatchObject({ status: 302 });
    expect(ratingsOf(suggestion.id)).toEqual([expect.objectContaining({ userId: voter.id, score: 5, comment: "" })]);
  });

  test("the page shows the summary to everyone and the form state to the viewer", async () => {
    const { suggestion, voter } = await shippedSuggestion();
    await rate(voter, suggestion.id, { score: "3" });
    const page = (await outcome(() => loader(routeArgs(requestAs(null, `/s/${suggestion.id}`), { id: String(suggestion.id) })))).body as {
      experience: unknown;
    };
    expect(page.experience).toMatchObject({ canRate: false, summary: { average: 3, count: 1 } });
    const mine = (await outcome(() => loader(routeArgs(requestAs(voter, `/s/${suggestion.id}`), { id: String(suggestion.id) })))).body as {
      experience: unknown;
    };
    expect(mine.experience).toMatchObject({ canRate: true, mine: { score: 3 } });
  });

  test("an outsider is refused with 403, a visitor is sent to log in, and nothing is stored", async () => {
    const { suggestion, outsider } = await shippedSuggestion();
    expect(await rate(outsider, suggestion.id, { score: "5" })).toMatchObject({ status: 403 });
    expect((await rate(null, suggestion.id, { score: "5" })).location).toMatch(/^\/login\?redirectTo=/);
    expect(ratingsOf(suggestion.id)).toEqual([]);
  });

  test("bad input and unshipped suggestions get 400 with a clear message", async () => {
    const { suggestion, voter } = await shippedSuggestion();
    const outOfRange = await rate(voter, suggestion.id, { score: "9", comment: "kept" });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body).toMatchObject({ rating: { error: { score: ["ratings.errors.score"] }, initialValue: { comment: "kept" } } });
    const tooLong = await rate(voter, suggestion.id, { score: "4", comment: "x".repeat(1001) });
    expect(tooLong.body).toMatchObject({ rating: { error: { comment: ["ratings.errors.commentLength"] } } });

    const author = await createMember();
    const planned = await createSuggestion({ author, status: "planned" });
    const notShipped = await rate(author, planned.id, { score: "4" });
    expect(notShipped).toMatchObject({ status: 400, body: { rating: { error: { "": ["ratings.errors.notShipped"] } } } });
    expect(ratingsOf(suggestion.id)).toEqual([]);
    expect(ratingsOf(planned.id)).toEqual([]);
  });
});
