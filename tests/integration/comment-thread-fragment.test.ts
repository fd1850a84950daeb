// A thread of the discussion is reused as markup for readers who have nothing to change in it
// (app/features/comments/comment-thread.tsx): the stored markup must be what a fresh render
// gives, a change to the thread or the clock must give a fresh render, and readers with their
// own controls in a thread (staff, an image's uploader) must never get shared markup.
import { createElement, type ReactElement } from "react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterEach, expect, test, vi } from "vitest";
import { CommentThreads } from "~/features/comments/comment-thread";
import { addComment, markCommentHelpful } from "~/features/comments/comments.server";
import { recordAttachments } from "~/features/uploads/attachments.server";
import { drainOutbox } from "~/platform/events/outbox.server";
import type { FragmentStore } from "~/platform/shared-fragments";
import { loader } from "~/routes/s.$id/route";
import { createMember, createStaff, createSuggestion } from "../factories";
import { requestAs, routeArgs } from "../route-requests";
import { countingStore, renderWith } from "../shared-fragments";

afterEach(() => {
  vi.useRealTimers();
});

type Page = Awaited<ReturnType<typeof loader>>;

async function discussion() {
  const suggestion = await createSuggestion();
  const [member, other, staff] = await Promise.all([createMember(), createMember(), createStaff()]);
  const first = addComment({ suggestionId: suggestion.id, authorId: member.id, body: "Night mode **please**" });
  if (!first.ok) throw new Error("comment refused");
  addComment({ suggestionId: suggestion.id, authorId: other.id, body: "Agreed, 夜间模式", parentId: first.id });
  // Two threads from months ago, whose "5 months ago" outlasts the new one's "now".
  const monthsAgo = new Date(Date.now() - 150 * 24 * 3600_000);
  addComment({ suggestionId: suggestion.id, authorId: staff.id, body: "We are on it", official: true, now: monthsAgo });
  // An image from `other`, on a comment of its own.
  addComment({
    suggestionId: suggestion.id,
    authorId: other.id,
    body: "Like this",
    now: monthsAgo,
    whileCreating: (tx, commentId) =>
      recordAttachments(tx, { suggestionId: suggestion.id, commentId, uploaderId: other.id }, [{ name: `${crypto.randomUUID()}.webp`, alt: "A dark screen", width: 640, height: 480, bytes: 1000 }]),
  });
  // What follows the comments (notifications, honors) writes too: done before the reading starts.
  await drainOutbox();
  return { suggestion, member, other, staff, first };
}

// Requests in a row through one session: signing in is a write, which would make the cached
// thread (and so the key) new on every request.
function pageAs(user: { id: number } | null, suggestionId: number) {
  const request = requestAs(user, `/s/${suggestionId}`);
  return async () => (await loader(routeArgs(request, { id: String(suggestionId) }))) as Page;
}

const threads = (page: Page) =>
  createElement(CommentThreads, { comments: page.comments, suggestionId: page.suggestion.id, images: page.images.byComment, viewer: page.viewer });

test("a thread is served from stored markup while nothing in it changes, in both languages", async () => {
  const { suggestion, member } = await discussion();
  const load = pageAs(member, suggestion.id);
  const first = await load();
  expect((await load()).comments[0]).toBe(first.comments[0]);

  const { store, renderPending, served } = countingStore();
  for (const language of ["en", "zh"] as const) {
    const fresh = await renderWith(language, null, threads(first));
    for (let request = 0; request < 3; request++) {
      expect(await renderWith(language, store, threads(await load()))).toBe(fresh);
      renderPending();
    }
    expect(fresh).toContain("Night mode <strong>please</strong>");
    expect(fresh).toContain(`?replyTo=`);
    expect(fresh).toContain("A dark screen");
  }
  // In each language the page of threads was served whole from storage on its third request.
  expect(served()).toBe(2);
});

test("when one thread's wording moves, the page of threads is rendered again around the others' stored markup", async () => {
  const { suggestion, member } = await discussion();
  const load = pageAs(member, suggestion.id);
  const { store, renderPending, served } = countingStore();
  for (let request = 0; request < 3; request++) {
    await renderWith("en", store, threads(await load()));
    renderPending();
  }
  expect(served()).toBe(1);
  // Five minutes on, the new thread's "less than a minute ago" reads "5 minutes ago"; the two
  // threads from months ago read as before.
  const unchanged = await load();
  vi.useFakeTimers({ now: Date.now() + 5 * 60_000, toFake: ["Date"] });
  const later = await load();
  expect(later.comments[0]).toBe(unchanged.comments[0]);
  const html = await renderWith("en", store, threads(later));
  expect(html).toBe(await renderWith("en", null, threads(later)));
  expect(html).toContain("5 minutes ago");
  expect(html).toContain("5 months ago");
  expect(served()).toBe(1 + 2);
});

test("a change to a thread or the reader's rights gives a fresh render", async () => {
  const { suggestion, member, first } = await discussion();
  const load = pageAs(member, suggestion.id);
  const { store, renderPending, served } = countingStore();
  const warm = async (page: Page) => {
    for (let request = 0; request < 2; request++) {
      await renderWith("en", store, threads(page));
      renderPending();
    }
  };
  const expectFresh = async (page: Page, text: string) => {
    const before = served();
    const html = await renderWith("en", store, threads(page));
    expect(html).toBe(await renderWith("en", null, threads(page)));
    expect(html).toContain(text);
    expect(served()).toBe(before);
  };

  await warm(await load());
  // Marked helpful by staff: a write, so the thread's comments are new objects.
  markCommentHelpful({ suggestionId: suggestion.id, commentId: first.id, helpful: true });
  await drainOutbox();
  await expectFresh(await load(), "badge-helpful");

  // A visitor has no reply links: never the member's markup.
  await warm(await load());
  const visitorPage = await pageAs(null, suggestion.id)();
  expect(visitorPage.comments[0]).toBe((await load()).comments[0]);
  const before = served();
  const visitorHtml = await renderWith("en", store, threads(visitorPage));
  expect(visitorHtml).toBe(await renderWith("en", null, threads(visitorPage)));
  expect(visitorHtml).not.toContain("?replyTo=");
  expect(served()).toBe(before);
});

// Staff and an image's uploader see forms in the thread (mark helpful, alt text), which need the
// router: rendered inside one, with a store that fails the test if it is asked at all.
test("staff and an image's uploader always get their own render, with their controls", async () => {
  const { suggestion, staff, other } = await discussion();
  const untouched: FragmentStore = {
    get: (key) => expect.unreachable(`asked for ${key}`),
    remember: (key) => expect.unreachable(`remembered ${key}`),
  };
  const staffPage = await pageAs(staff, suggestion.id)();
  const staffHtml = await renderWith("en", untouched, await inRouter(threads(staffPage)));
  expect(staffHtml).toContain('name="intent" value="helpful"');

  // The uploader's thread is their own; the others are still shared.
  const uploaderPage = await pageAs(other, suggestion.id)();
  const asked: string[] = [];
  const watching: FragmentStore = { get: (key) => void asked.push(key), remember: () => {} };
  const uploaderHtml = await renderWith("en", watching, await inRouter(threads(uploaderPage)));
  expect(uploaderHtml).toContain('name="intent" value="alt"');
  expect(asked).toHaveLength(2);
  expect(asked.join("\n")).not.toContain("A dark screen");
});

async function inRouter(element: ReactElement) {
  const handler = createStaticHandler([{ path: "*", element }]);
  const context = await handler.query(new Request("http://localhost/s/1"));
  if (context instanceof Response) throw new Error("unexpected response");
  return createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false });
}
