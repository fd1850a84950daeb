// The same comment posted twice in a row (a double click, a resubmitted form) is stored once.
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { comments, suggestions } from "#db/schema";
import { addComment, REPEATED_COMMENT_WINDOW_MS } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { createMember, createSuggestion } from "../factories";

const bodiesOn = (suggestionId: number) =>
  getDb().select({ body: comments.body }).from(comments).where(eq(comments.suggestionId, suggestionId)).all().map((c) => c.body);
const commentCountOf = (suggestionId: number) =>
  getDb().select({ n: suggestions.commentCount }).from(suggestions).where(eq(suggestions.id, suggestionId)).get()?.n;

describe("addComment: repeated comments", () => {
  test("the same words from the same author just after are the same comment, stored once", async () => {
    const author = await createMember();
    const suggestion = await createSuggestion();
    const now = new Date();
    const first = addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Same words", now });
    const again = addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Same words", now: new Date(now.getTime() + 10_000) });
    expect(first).toEqual({ ok: true, id: expect.any(Number) });
    expect(again).toEqual({ ok: true, id: first.ok && first.id, repeated: true });
    expect(bodiesOn(suggestion.id)).toEqual(["Same words"]);
    expect(commentCountOf(suggestion.id)).toBe(1);
  });

  test("other words, another author, another parent or a later time are new comments", async () => {
    const [author, other] = await Promise.all([createMember(), createMember()]);
    const suggestion = await createSuggestion();
    const now = new Date();
    const first = addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Same words", now });
    if (!first.ok) throw new Error("the first comment was refused");
    const posts = [
      addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Other words", now }),
      addComment({ suggestionId: suggestion.id, authorId: other.id, body: "Same words", now }),
      addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Same words", parentId: first.id, now }),
      addComment({ suggestionId: suggestion.id, authorId: author.id, body: "Same words", now: new Date(now.getTime() + REPEATED_COMMENT_WINDOW_MS + 1) }),
    ];
    for (const post of posts) expect(post).toEqual({ ok: true, id: expect.any(Number) });
    expect(bodiesOn(suggestion.id)).toHaveLength(5);
    expect(commentCountOf(suggestion.id)).toBe(5);
  });
});
