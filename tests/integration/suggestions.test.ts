import { eq } from "drizzle-orm";
import { describe, expect, it, test } from "vitest";
import { suggestions, suggestionTags, users, votes } from "#db/schema";
import { THREADS_PER_PAGE } from "~/features/comments/comment-pages";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { createSuggestion as postSuggestion, editSuggestion, getSuggestionPage, listSuggestions } from "~/features/suggestions/suggestions.server";
import { action as suggestionAction, loader as suggestionLoader } from "~/routes/s.$id/route";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion, createTag } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

describe("posting a suggestion", () => {
  it("stores it with its tags and the author's own vote", async () => {
    const board = createBoard();
    const author = await createMember();
    const tag = createTag();
    const { id } = postSuggestion({ authorId: author.id, boardId: board.id, title: "Schedule dark mode by sunset", body: "**Please**", tagIds: [tag.id, tag.id] });
    const page = getSuggestionPage(id, author)!;
    expect(page.suggestion.voteCount).toBe(1);
    expect(page.viewerVoted).toBe(true);
    expect(page.tags.map((t) => t.slug)).toEqual([tag.slug]);
    expect(page.suggestion.html).toContain("<strong>Please</strong>");
    expect(getDb().select().from(votes).where(eq(votes.suggestionId, id)).all()).toHaveLength(1);
  });
});

describe("editing", () => {
  it("keeps the previous text as a revision", async () => {
    const suggestion = await createSuggestion({ title: "Original title here", body: "Original body" });
    editSuggestion({ suggestionId: suggestion.id, editorId: suggestion.authorId, title: "Better title here", body: "Better body" });
    const page = getSuggestionPage(suggestion.id, null)!;
    expect(page.suggestion.title).toBe("Better title here");
    expect(page.suggestion.updatedAt).not.toBeNull();
    expect(page.revisions).toMatchObject([{ title: "Original title here", body: "Original body" }]);
  });

  it("records nothing when the text did not change", async () => {
    const suggestion = await createSuggestion({ title: "Unchanged title", body: "Same" });
    editSuggestion({ suggestionId: suggestion.id, editorId: suggestion.authorId, title: "Unchanged title", body: "Same" });
    expect(getSuggestionPage(suggestion.id, null)!.revisions).toHaveLength(0);
  });
});

describe("listing a board", () => {
  it("sorts by top, new and hot, filters by status and tag, and paginates", async () => {
    const board = createBoard();
    const tag = createTag();
    const day = 24 * 60 * 60 * 1000;
    const old = await createSuggestion({ board, title: "Old but loved idea", createdAt: new Date(Date.now() - 30 * day) });
    const fresh = await createSuggestion({ board, title: "Fresh idea of today", status: "planned" });
    const tagged = await createSuggestion({ board, title: "Tagged idea here", createdAt: new Date(Date.now() - day) });
    getDb().update(suggestions).set({ voteCount: 50 }).where(eq(suggestions.id, old.id)).run();
    getDb().insert(suggestionTags).values({ suggestionId: tagged.id, tagId: tag.id }).run();

    const ids = (sort: "hot" | "top" | "new") => listSuggestions({ boardId: board.id, sort, page: 1 }).items.map((s) => s.id);
    expect(ids("top")[0]).toBe(old.id);
    expect(ids("new")).toEqual([fresh.id, tagged.id, old.id]);
    // Fifty votes a month ago do not outrank a day's freshness by much: hot balances both.
    expect(ids("hot")[0]).toBe(fresh.id);

    expect(listSuggestions({ boardId: board.id, sort: "new", status: "planned", page: 1 }).items.map((s) => s.id)).toEqual([fresh.id]);
    expect(listSuggestions({ boardId: board.id, sort: "new", tagId: tag.id, page: 1 }).items.map((s) => s.id)).toEqual([tagged.id]);

    const paged = listSuggestions({ boardId: board.id, sort: "new", page: 2, pageSize: 2 });
    expect(paged).toMatchObject({ total: 3, page: 2, pages: 2 });
    expect(paged.items.map((s) => s.id)).toEqual([old.id]);
    // A page past the end shows the last page rather than nothing.
    expect(listSuggestions({ boardId: board.id, sort: "new", page: 99, pageSize: 2 }).page).toBe(2);
  });

  it("ranks trending by votes of the last week", async () => {
    const board = createBoard();
    const steady = await createSuggestion({ board, title: "Steady old favourite" });
    const rising = await createSuggestion({ board, title: "Rising new favourite" });
    const longAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    for (let i = 0; i < 3; i++) setVote({ suggestionId: steady.id, userId: (await createMember()).id, voted: true, now: longAgo });
    for (let i = 0; i < 2; i++) setVote({ suggestionId: rising.id, userId: (await createMember()).id, voted: true });
    expect(listSuggestions({ boardId: board.id, sort: "trending", page: 1 }).items[0].id).toBe(rising.id);
  });
});

describe("comments", () => {
  it("threads replies, counts comments and stamps the first official reply", async () => {
    const suggestion = await createSuggestion();
    const fan = await createMember();
    const staff = await createStaff();
    const first = addComment({ suggestionId: suggestion.id, authorId: fan.id, body: "Me too" });
    expect(first.ok).toBe(true);
    const reply = addComment({ suggestionId: suggestion.id, authorId: staff.id, body: "We're on it", parentId: first.ok ? first.id : 0, official: true });
    expect(reply.ok).toBe(true);
    const page = getSuggestionPage(suggestion.id, null)!;
    expect(page.suggestion.commentCount).toBe(2);
    expect(page.suggestion.firstOfficialReplyAt).not.toBeNull();
    expect(page.comments.find((c) => c.isOfficial)?.parentId).toBe(first.ok ? first.id : -1);
  });

  it("refuses a reply to a comment of another suggestion", async () => {
    const a = await createSuggestion();
    const b = await createSuggestion();
    const fan = await createMember();
    const onA = addComment({ suggestionId: a.id, authorId: fan.id, body: "On A" });
    expect(addComment({ suggestionId: b.id, authorId: fan.id, body: "Sneaky", parentId: onA.ok ? onA.id : 0 })).toEqual({ ok: false, reason: "bad_parent" });
    expect(getSuggestionPage(b.id, null)!.suggestion.commentCount).toBe(0);
  });
});

describe("a long discussion", () => {
  test("is shown a page of threads at a time; a new comment's address opens the page that holds it", async () => {
    const suggestion = await createSuggestion();
    const member = await createMember();
    for (let i = 0; i < THREADS_PER_PAGE + 3; i++) addComment({ suggestionId: suggestion.id, authorId: member.id, body: `Comment ${i}` });
    const view = async (query: string) =>
      (await outcome(() => suggestionLoader(routeArgs(requestAs(null, `/s/${suggestion.id}${query}`), { id: String(suggestion.id) })))).body as {
        comments: { id: number; html: string }[];
        commentPages: { page: number; pages: number };
      };
    const first = await view("");
    expect(first.commentPages).toEqual({ page: 1, pages: 2 });
    expect(first.comments).toHaveLength(THREADS_PER_PAGE);

    // Replying through the page's form lands on the page of the new comment.
    const reply = await outcome(() =>
      suggestionAction(routeArgs(requestAs(member, `/s/${suggestion.id}`, { form: { intent: "comment", body: "The latest word" } }), { id: String(suggestion.id) })),
    );
    const commentId = Number(/comment=(\d+)/.exec(reply.location ?? "")?.[1]);
    expect(reply.location).toBe(`/s/${suggestion.id}?comment=${commentId}#comment-${commentId}`);
    const landed = await view(`?comment=${commentId}`);
    expect(landed.commentPages.page).toBe(2);
    expect(landed.comments.map((c) => c.id)).toContain(commentId);
    expect((await view("?page=2")).comments).toHaveLength(4);
  });
});

// The credits and the tags a page offers are read from the in-process cache between writes.
describe("a suggestion's page viewed again", () => {
  test("shows a co-author credited and a tag made since the last view", async () => {
    const board = createBoard();
    const staff = await createStaff();
    const target = await createSuggestion({ board });
    const source = await createSuggestion({ board });
    const view = async () =>
      (await outcome(() => suggestionLoader(routeArgs(requestAs(staff, `/s/${target.id}`), { id: String(target.id) })))).body as {
        coAuthors: { username: string }[];
        privileges: { allTags: { slug: string }[] };
      };
    const before = await view();
    expect(before.coAuthors).toEqual([]);
    const tag = createTag();
    expect(before.privileges.allTags.map((t) => t.slug)).not.toContain(tag.slug);

    expect(mergeSuggestion({ sourceId: source.id, targetId: target.id, actorId: staff.id, note: "Same idea" }).ok).toBe(true);
    const after = await view();
    const sourceAuthor = getDb().select({ username: users.username }).from(users).where(eq(users.id, source.authorId)).get()!;
    expect(after.coAuthors.map((c) => c.username)).toEqual([sourceAuthor.username]);
    expect(after.privileges.allTags.map((t) => t.slug)).toContain(tag.slug);
  });
});
