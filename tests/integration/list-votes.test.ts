// Voting from a list (home, boards, search, roadmap, campaigns, profiles): each row's button
// posts the suggestion page's own vote intent with the list's address, so the honor-level
// budget, closed statuses and early access are the suggestion page's rules exactly.
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { suggestions, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { loader as boardLoader } from "~/routes/b.$board";
import { action as suggestionAction } from "~/routes/s.$id/route";
import { listVoting } from "~/features/votes/votes.server";
import { createBoard, createMember, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const voteCount = (id: number) => getDb().select({ n: suggestions.voteCount }).from(suggestions).where(eq(suggestions.id, id)).get()!.n;

function voteFromList(user: User, suggestionId: number, returnTo: string, voted = "true") {
  const form = { intent: "vote", voted, returnTo };
  return outcome(() => suggestionAction(routeArgs(requestAs(user, `/s/${suggestionId}`, { form }), { id: String(suggestionId) })));
}

describe("voting from a list", () => {
  test("a plain form post comes back to the same list, filters and row included", async () => {
    const board = createBoard();
    const s = await createSuggestion({ board });
    const fan = await createMember();
    const back = `/b/${board.slug}?sort=new&status=open&page=2#suggestion-${s.id}`;
    const voted = await voteFromList(fan, s.id, back);
    expect(voted).toMatchObject({ status: 302, location: back });
    expect(voteCount(s.id)).toBe(2);
    const unvoted = await voteFromList(fan, s.id, back, "false");
    expect(unvoted).toMatchObject({ status: 302, location: back });
    expect(voteCount(s.id)).toBe(1);
  });

  test("never redirects off the site", async () => {
    const s = await createSuggestion();
    const fan = await createMember();
    expect(await voteFromList(fan, s.id, "https://evil.example/phish")).toMatchObject({ status: 302, location: "/" });
  });

  test("the honor-level budget holds: the vote over it is refused and explained, nothing changes", async () => {
    const fan = await createMember({ honorLevel: 0 });
    const board = createBoard();
    const list = await Promise.all(Array.from({ length: 11 }, () => createSuggestion({ board })));
    const back = `/b/${board.slug}?sort=top`;
    for (const s of list.slice(0, 10)) expect((await voteFromList(fan, s.id, back)).status).toBe(302);
    const refused = await voteFromList(fan, list[10].id, back);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ vote: { ok: false, reason: "over_budget", budget: 10 } });
    expect(voteCount(list[10].id)).toBe(1);
    // The board the fan came from shows exactly the ten votes that counted.
    const page = (await outcome(() => boardLoader(routeArgs(requestAs(fan, back), { board: board.slug })))).body as {
      voting: { loggedIn: boolean; voted: number[] };
    };
    expect(page.voting.loggedIn).toBe(true);
    expect(page.voting.voted.sort()).toEqual(list.slice(0, 10).map((s) => s.id).sort());
  });

  test("closed statuses refuse a vote from a list too", async () => {
    const fan = await createMember();
    for (const status of ["shipped", "declined", "duplicate"] as const) {
      const s = await createSuggestion({ status });
      const refused = await voteFromList(fan, s.id, "/roadmap");
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ vote: { ok: false, reason: "voting_closed" } });
      expect(voteCount(s.id)).toBe(1);
    }
  });

  test("an early-access suggestion does not exist for a member below level 4", async () => {
    const board = createBoard({ visibility: "early_access" });
    const s = await createSuggestion({ board });
    const fan = await createMember({ honorLevel: 1 });
    expect((await voteFromList(fan, s.id, "/")).status).toBe(404);
    expect(voteCount(s.id)).toBe(1);
  });

  test("listVoting says which listed suggestions the member voted for, and nothing for visitors", async () => {
    const [a, b] = [await createSuggestion(), await createSuggestion()];
    const fan = await createMember();
    await voteFromList(fan, a.id, "/");
    expect(listVoting(fan, [a.id, b.id])).toEqual({ loggedIn: true, voted: [a.id] });
    expect(listVoting(null, [a.id, b.id])).toEqual({ loggedIn: false, voted: [] });
  });
});
