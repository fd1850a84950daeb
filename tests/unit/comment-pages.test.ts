import { describe, expect, test } from "vitest";
import { commentPage, commentPath, THREADS_PER_PAGE } from "~/features/comments/comment-pages";

type C = { id: number; parentId: number | null; isOfficial: boolean };

// `threads` top-level comments (ids 1…n, the third one official) with two replies each, the
// second answering the first: ids 1001+ and 2001+.
function discussion(threads: number): C[] {
  const comments: C[] = [];
  for (let i = 1; i <= threads; i++) {
    comments.push({ id: i, parentId: null, isOfficial: i === 3 });
    comments.push({ id: 1000 + i, parentId: i, isOfficial: false });
    comments.push({ id: 2000 + i, parentId: 1000 + i, isOfficial: false });
  }
  return comments;
}
const topLevel = (page: { comments: C[] }) => page.comments.filter((c) => c.parentId === null).map((c) => c.id);

describe("comment pages", () => {
  test("a short discussion is one page, as it was", () => {
    const comments = discussion(5);
    expect(commentPage(comments, {})).toEqual({ comments, page: 1, pages: 1 });
  });

  test("pages hold whole threads, official replies first", () => {
    // Thread 44 is an official reply posted late: it still leads the first page.
    const comments = discussion(THREADS_PER_PAGE + 5).map((c) => (c.id === 44 ? { ...c, isOfficial: true } : c));
    const first = commentPage(comments, {});
    expect(first.pages).toBe(2);
    const ids = (page: { comments: C[] }) => topLevel(page).sort((a, b) => a - b);
    expect(ids(first)).toEqual([...Array.from({ length: THREADS_PER_PAGE - 1 }, (_, i) => i + 1), 44]);
    expect(first.comments).toHaveLength(THREADS_PER_PAGE * 3);

    const second = commentPage(comments, { page: 2 });
    expect(ids(second)).toEqual([40, 41, 42, 43, 45]);
    // Every reply sits with its thread, however deep, in the order they were posted.
    expect(second.comments.map((c) => c.id)).toEqual([40, 1040, 2040, 41, 1041, 2041, 42, 1042, 2042, 43, 1043, 2043, 45, 1045, 2045]);
  });

  test("a linked comment opens its page; an explicit page wins; out-of-range pages are clamped", () => {
    const comments = discussion(THREADS_PER_PAGE * 2 + 1);
    expect(commentPage(comments, { focus: 2081 }).page).toBe(3);
    expect(commentPage(comments, { focus: 1050 }).page).toBe(2);
    expect(commentPage(comments, { focus: 3 }).page).toBe(1);
    expect(commentPage(comments, { focus: 999_999 }).page).toBe(1);
    expect(commentPage(comments, { page: 2, focus: 2081 }).page).toBe(2);
    expect(commentPage(comments, { page: 99 }).page).toBe(3);
    expect(commentPage(comments, { page: -4 }).page).toBe(1);
    expect(commentPage([], { page: 3 })).toEqual({ comments: [], page: 1, pages: 1 });
  });

  test("a discussion that changed is laid out anew, not from the layout of the list before", () => {
    const before = discussion(THREADS_PER_PAGE);
    expect(commentPage(before, {}).pages).toBe(1);
    // The cache hands out a new list once a comment is added.
    const after = [...before, { id: 5000, parentId: null, isOfficial: false }, { id: 5001, parentId: 5000, isOfficial: false }];
    expect(commentPage(after, { focus: 5001 })).toEqual({ comments: after.slice(-2), page: 2, pages: 2 });
    expect(commentPage(before, { focus: 5001 })).toEqual({ comments: before, page: 1, pages: 1 });
  });

  test("links to a comment name it for the server and the browser", () => {
    expect(commentPath(7, 12)).toBe("/s/7?comment=12#comment-12");
  });
});
