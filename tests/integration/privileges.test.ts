import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { mergeProposals, suggestions, suggestionTags, votes, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { flagSuggestion, reviewFlags } from "~/features/suggestions/flags.server";
import { decideMergeProposal, pendingMergeProposals, proposeMerge } from "~/features/lifecycle/merge-proposals.server";
import { action as editAction, loader as editLoader } from "~/routes/s_.$id.edit";
import { action as suggestionAction } from "~/routes/s.$id/route";
import { createSession } from "~/features/accounts/sessions.server";
import { searchSuggestions } from "~/features/search/search.server";
import { getSuggestionPage, listSuggestions } from "~/features/suggestions/suggestions.server";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion, createTag } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const member = (honorLevel: number) => createMember({ honorLevel });
const load = (id: number) => getDb().select().from(suggestions).where(eq(suggestions.id, id)).get()!;

function post(user: User | null, suggestionId: number, form: Record<string, string>) {
  return outcome(() => suggestionAction(routeArgs(requestAs(user, `/s/${suggestionId}`, { form }), { id: String(suggestionId) })));
}

describe("the daily vote budget", () => {
  const NOON = new Date(Date.UTC(2025, 5, 1, 12));

  test("refuses the vote after the budget and changes nothing; taking a vote back stays free", async () => {
    const voter = await member(0); // 10 votes a day
    const others = await Promise.all(Array.from({ length: 11 }, () => createSuggestion()));
    for (const s of others.slice(0, 10)) {
      expect(setVote({ suggestionId: s.id, userId: voter.id, voted: true, voter, now: NOON })).toMatchObject({ ok: true });
    }
    const last = others[10];
    expect(setVote({ suggestionId: last.id, userId: voter.id, voted: true, voter, now: NOON })).toEqual({
      ok: false,
      reason: "over_budget",
      budget: 10,
    });
    expect(load(last.id).voteCount).toBe(1);
    expect(getDb().select().from(votes).where(eq(votes.userId, voter.id)).all()).toHaveLength(10);

    // Repeating a vote already cast is not a new vote, and removing one is always allowed.
    expect(setVote({ suggestionId: others[0].id, userId: voter.id, voted: true, voter, now: NOON })).toMatchObject({ ok: true });
    expect(setVote({ suggestionId: others[0].id, userId: voter.id, voted: false, voter, now: NOON })).toMatchObject({ ok: true, voteCount: 1 });
    expect(setVote({ suggestionId: last.id, userId: voter.id, voted: true, voter, now: NOON })).toMatchObject({ ok: true, voteCount: 2 });
  });

  test("starts afresh the next UTC day, and does not count votes on one's own suggestions", async () => {
    const voter = await member(0);
    await createSuggestion({ author: voter }); // the author's own vote, cast on posting
    const others = await Promise.all(Array.from({ length: 11 }, () => createSuggestion()));
    for (const s of others.slice(0, 10)) setVote({ suggestionId: s.id, userId: voter.id, voted: true, voter, now: NOON });
    const tomorrow = new Date(NOON.getTime() + 24 * 60 * 60 * 1000);
    expect(setVote({ suggestionId: others[10].id, userId: voter.id, voted: true, voter, now: tomorrow })).toMatchObject({ ok: true });
  });

  test("the vote action answers 429 with the budget once it is spent", async () => {
    const voter = await member(0);
    const others = await Promise.all(Array.from({ length: 11 }, () => createSuggestion()));
    for (const s of others.slice(0, 10)) expect((await post(voter, s.id, { intent: "vote", voted: "true" })).status).toBe(200);
    const refused = await post(voter, others[10].id, { intent: "vote", voted: "true" });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ vote: { ok: false, reason: "over_budget", budget: 10 } });
    expect(load(others[10].id).voteCount).toBe(1);
  });

  test("a higher level gets a bigger budget and staff none at all", async () => {
    const suggestionsToVote = await Promise.all(Array.from({ length: 21 }, () => createSuggestion()));
    const levelOne = await member(1);
    const staff = await createStaff();
    const results = (voter: User) =>
      suggestionsToVote.map((s) => setVote({ suggestionId: s.id, userId: voter.id, voted: true, voter, now: NOON }).ok);
    expect(results(levelOne).filter(Boolean)).toHaveLength(20);
    expect(results(staff).every(Boolean)).toBe(true);
  });
});

describe("flags", () => {
  test("flags from enough trusted members hide a suggestion from members, not from staff or its author", async () => {
    const board = createBoard();
    const author = await member(0);
    const s = await createSuggestion({ board, author, title: "Cheap followers for sale, click here quickly" });
    const reader = await member(0);
    const staff = await createStaff();
    const listed = (viewer: User | null) => listSuggestions({ boardId: board.id, sort: "new", page: 1, viewer }).items.map((i) => i.id);
    const found = (viewer: User | null) => searchSuggestions({ query: "followers", viewer }).results.map((r) => r.id);

    // Level-1 flags alert staff but do not hide; two level-2 flags are not enough yet.
    for (const level of [1, 1, 1, 2, 2]) expect(flagSuggestion({ suggestionId: s.id, flagger: await member(level), reason: "spam" })).toEqual({ ok: true, hidden: false });
    expect(listed(reader)).toEqual([s.id]);

    expect(flagSuggestion({ suggestionId: s.id, flagger: await member(2), reason: "" })).toEqual({ ok: true, hidden: true });
    expect(load(s.id).hiddenAt).not.toBeNull();
    expect(listed(reader)).toEqual([]);
    expect(listed(null)).toEqual([]);
    expect(found(reader)).toEqual([]);
    expect(getSuggestionPage(s.id, reader)).toBeNull();

    expect(listed(staff)).toEqual([s.id]);
    expect(found(staff)).toEqual([s.id]);
    expect(getSuggestionPage(s.id, staff)?.suggestion.id).toBe(s.id);
    // Its author still reaches it, to see why; lists leave it out for them too.
    expect(getSuggestionPage(s.id, author)?.suggestion.id).toBe(s.id);
    expect(listed(author)).toEqual([]);

    expect(reviewFlags({ suggestionId: s.id, decision: "restore" })).toEqual({ ok: true });
    expect(listed(reader)).toEqual([s.id]);
    // Reviewed flags no longer count: one new trusted flag does not hide it again.
    expect(flagSuggestion({ suggestionId: s.id, flagger: await member(3), reason: "" })).toEqual({ ok: true, hidden: false });
  });

  test("through the page: level 0 is refused, an author cannot flag their own, staff hide at once and review", async () => {
    const author = await member(1);
    const s = await createSuggestion({ author });
    expect((await post(await member(0), s.id, { intent: "flag", reason: "spam" })).status).toBe(403);
    expect((await post(author, s.id, { intent: "flag", reason: "" })).status).toBe(403);

    const staff = await createStaff();
    expect(await post(staff, s.id, { intent: "flag", reason: "" })).toMatchObject({ status: 302, location: `/s/${s.id}` });
    expect(load(s.id).hiddenAt).not.toBeNull();
    // Hidden now: members get a 404, its author may look but not decide.
    expect((await post(await member(4), s.id, { intent: "vote", voted: "true" })).status).toBe(404);
    expect((await post(author, s.id, { intent: "review-flags", decision: "restore" })).status).toBe(403);
    expect(await post(staff, s.id, { intent: "review-flags", decision: "keep_hidden" })).toMatchObject({ status: 302 });
    expect(load(s.id).hiddenAt).not.toBeNull();
    expect(await post(staff, s.id, { intent: "review-flags", decision: "restore" })).toMatchObject({ status: 302 });
    expect(load(s.id).hiddenAt).toBeNull();
  });
});

describe("tagging others' suggestions", () => {
  function postTags(user: User, suggestionId: number, slugs: string[]) {
    const body = new URLSearchParams([["intent", "tags"], ...slugs.map((slug) => ["tags", slug])]);
    const request = new Request(`http://localhost/s/${suggestionId}`, {
      method: "POST",
      headers: { Cookie: `sprout_session=${createSession(user.id).token}` },
      body,
    });
    return outcome(() => suggestionAction(routeArgs(request, { id: String(suggestionId) })));
  }
  const tagsOf = (id: number) => getDb().select().from(suggestionTags).where(eq(suggestionTags.suggestionId, id)).all().map((t) => t.tagId).sort();

  test("level 2 and the author may retag; level 1 is refused; unknown tags are a 400", async () => {
    const author = await member(0);
    const s = await createSuggestion({ author });
    const [a, b] = [createTag(), createTag()];
    expect((await postTags(await member(1), s.id, [a.slug])).status).toBe(403);
    expect(tagsOf(s.id)).toEqual([]);
    expect(await postTags(await member(2), s.id, [a.slug, b.slug])).toMatchObject({ status: 302 });
    expect(tagsOf(s.id)).toEqual([a.id, b.id].sort());
    expect((await postTags(author, s.id, [b.slug, "no-such-tag"])).status).toBe(400);
    expect(await postTags(author, s.id, [b.slug])).toMatchObject({ status: 302 });
    expect(tagsOf(s.id)).toEqual([b.id]);
  });
});

describe("merge proposals", () => {
  test("a level-2 member proposes, staff accept with a note and the ordinary merge happens", async () => {
    const target = await createSuggestion();
    const source = await createSuggestion();
    const proposer = await member(2);
    const staff = await createStaff();

    expect((await post(await member(1), source.id, { intent: "propose-merge", target: String(target.id) })).status).toBe(403);
    expect(await post(proposer, source.id, { intent: "propose-merge", target: `/s/${target.id}` })).toMatchObject({
      status: 302,
      location: `/s/${source.id}#merge-proposal`,
    });
    // The same proposal again is the same proposal.
    expect(proposeMerge({ sourceId: source.id, targetId: target.id, proposer })).toMatchObject({ ok: true });
    const [proposal] = pendingMergeProposals();
    expect(pendingMergeProposals()).toHaveLength(1);
    expect(proposal).toMatchObject({ source: { id: source.id }, target: { id: target.id }, proposer: { username: proposer.username } });
    expect(pendingMergeProposals(target.id)).toHaveLength(1);
    expect(load(source.id).status).toBe("open");

    expect((await post(proposer, source.id, { intent: "decide-merge", proposalId: String(proposal.id), decision: "accept", note: "x" })).status).toBe(403);
    const withoutNote = await post(staff, source.id, { intent: "decide-merge", proposalId: String(proposal.id), decision: "accept", note: "" });
    expect(withoutNote.status).toBe(400);
    expect(load(source.id).status).toBe("open");

    const accepted = await post(staff, source.id, { intent: "decide-merge", proposalId: String(proposal.id), decision: "accept", note: "Same idea." });
    expect(accepted.status).toBe(302);
    expect(load(source.id)).toMatchObject({ status: "duplicate", duplicateOfId: target.id });
    expect(load(target.id).voteCount).toBe(2);
    expect(getDb().select().from(mergeProposals).where(eq(mergeProposals.id, proposal.id)).get()).toMatchObject({ status: "accepted" });
    expect(pendingMergeProposals()).toEqual([]);
    expect(decideMergeProposal({ proposalId: proposal.id, actorId: staff.id, accept: false, note: "" })).toEqual({ ok: false, reason: "already_decided" });
  });

  test("bad targets are refused with a reason and rejecting changes nothing", async () => {
    const source = await createSuggestion();
    const proposer = await member(3);
    const staff = await createStaff();
    const itself = await post(proposer, source.id, { intent: "propose-merge", target: String(source.id) });
    expect(itself.status).toBe(400);
    expect(JSON.stringify(itself.body)).toContain("lifecycle.errors.mergeIntoItself");
    expect(JSON.stringify((await post(proposer, source.id, { intent: "propose-merge", target: "999999" })).body)).toContain("lifecycle.errors.targetNotFound");
    expect(JSON.stringify((await post(proposer, source.id, { intent: "propose-merge", target: "not a number" })).body)).toContain("privileges.errors.targetFormat");

    const target = await createSuggestion();
    const proposed = proposeMerge({ sourceId: source.id, targetId: target.id, proposer });
    if (!proposed.ok) throw new Error("proposal failed");
    expect(decideMergeProposal({ proposalId: proposed.id, actorId: staff.id, accept: false, note: "" })).toEqual({ ok: true });
    expect(load(source.id).status).toBe("open");
    expect(pendingMergeProposals()).toEqual([]);
  });
});

describe("editing others' titles", () => {
  const edit = (user: User, id: number, form: Record<string, string>) =>
    outcome(() => editAction(routeArgs(requestAs(user, `/s/${id}/edit`, { form }), { id: String(id) })));

  test("level 3 changes the title only; the body stays the author's", async () => {
    const s = await createSuggestion({ body: "The author's own words." });
    const editor = await member(3);
    const page = await outcome(() => editLoader(routeArgs(requestAs(editor, `/s/${s.id}/edit`), { id: String(s.id) })));
    expect(page.body).toMatchObject({ titleOnly: true });
    const result = await edit(editor, s.id, { title: "A clearer title for this idea", body: "Replaced body" });
    expect(result).toMatchObject({ status: 302, location: `/s/${s.id}` });
    expect(load(s.id)).toMatchObject({ title: "A clearer title for this idea", body: "The author's own words." });
    expect(getSuggestionPage(s.id, editor)!.revisions).toHaveLength(1);
  });

  test("level 2 is refused and nothing changes", async () => {
    const s = await createSuggestion();
    const editor = await member(2);
    expect((await edit(editor, s.id, { title: "A clearer title for this idea" })).status).toBe(403);
    expect(load(s.id).title).toBe(s.title);
  });
});
