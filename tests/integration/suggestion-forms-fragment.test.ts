// The forms of a suggestion's page that read the same for every reader (the folded tag, flag and
// merge forms, the comment form) are reused as markup (app/platform/shared-fragments.tsx) until
// a reader posts one with a mistake. They are Remix forms, rendered apart inside the router the
// page had: the stored markup must be byte for byte the page's own, and a form that shows the
// reader's errors and text must never be shared.
import { parseWithZod } from "@conform-to/zod/v4";
import { createElement } from "react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { expect, test } from "vitest";
import { commentSchema } from "~/features/suggestions/forms";
import { flagSchema } from "~/features/honors/privilege-forms";
import { setSuggestionTags } from "~/features/suggestions/suggestions.server";
import { drainOutbox } from "~/platform/events/outbox.server";
import SuggestionPage, { loader } from "~/routes/s.$id/route";
import { createMember, createSuggestion, createTag } from "../factories";
import { requestAs, routeArgs } from "../route-requests";
import { countingStore, renderWith } from "../shared-fragments";
import type { FragmentStore } from "~/platform/shared-fragments";
import type { Language } from "~/i18n/i18n";

type Page = Awaited<ReturnType<typeof loader>>;

// A member of level 2, who may tag, flag and propose merges, reading another's suggestion.
async function reader() {
  const tag = createTag({ nameEn: "Battery", nameZh: "电池" });
  const suggestion = await createSuggestion();
  const member = await createMember({ honorLevel: 2 });
  await drainOutbox();
  // One session for every request: signing in is a write, which renews the cached discussion.
  const request = requestAs(member, `/s/${suggestion.id}`);
  const load = async () => (await loader(routeArgs(request, { id: String(suggestion.id) }))) as Page;
  return { suggestion, tag, load, page: await load() };
}

// The page's route as Remix serves it, optionally answering a post with `reply` as its action data.
async function render(language: Language, store: FragmentStore | null, page: Page, reply?: unknown) {
  const handler = createStaticHandler([{ id: "routes/s.$id", path: "/s/:id", loader: () => page, action: () => reply ?? null, element: createElement(SuggestionPage) }]);
  const url = `http://localhost/s/${page.suggestion.id}`;
  const context = await handler.query(reply ? new Request(url, { method: "POST", body: new URLSearchParams({ intent: "x" }) }) : new Request(url));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderWith(language, store, createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

test("the page's forms are served from stored markup that is the page's own, in both languages", async () => {
  const { page } = await reader();
  const { store, renderPending, served } = countingStore();
  for (const language of ["en", "zh"] as const) {
    const fresh = await render(language, null, page);
    for (const form of ["tag-editor", "flag-form", "merge-proposal-form", "comment-form"]) expect(fresh).toContain(`id="${form}"`);
    for (let request = 0; request < 3; request++) {
      expect(await render(language, store, page)).toBe(fresh);
      renderPending();
    }
  }
  // Each of the four forms, in each language, on the third request.
  expect(served()).toBe(8);
});

test("a form posted with a mistake shows the reader's errors and text, and is never shared", async () => {
  const { page } = await reader();
  const { store, renderPending, served } = countingStore();
  for (let request = 0; request < 3; request++) {
    await render("en", store, page);
    renderPending();
  }
  const before = served();

  const tooLong = "x".repeat(600);
  const flag = parseWithZod(new URLSearchParams({ intent: "flag", reason: tooLong }), { schema: flagSchema }).reply();
  const flagged = await render("en", store, page, { vote: null, result: undefined, privilege: { form: "flag", reply: flag } });
  expect(flagged).toMatch(/<details open="">\s*<summary>[^<]*<\/summary><form[^>]*id="flag-form"/);
  expect(flagged).toContain(tooLong);
  expect(flagged).toContain('aria-invalid="true"');
  // The other three forms were still the stored ones.
  expect(served() - before).toBe(3);

  const empty = parseWithZod(new URLSearchParams({ intent: "comment", body: "  " }), { schema: commentSchema }).reply();
  const commented = await render("en", store, page, { vote: null, result: empty });
  expect(commented).toMatch(/id="comment-form"[\s\S]*class="field-error"/);
  expect(served() - before).toBe(6);

  // Posted again without a mistake, every reader gets the shared forms again.
  expect(await render("en", store, page)).toBe(await render("en", null, page));
});

test("a change of the suggestion's tags is shown at once, not the tag form stored before", async () => {
  const { suggestion, tag, load, page } = await reader();
  const { store, renderPending } = countingStore();
  for (let request = 0; request < 3; request++) {
    await render("en", store, page);
    renderPending();
  }
  const box = (html: string) => html.match(new RegExp(`<input type="checkbox"[^>]*value="${tag.slug}"[^>]*>`))?.[0];
  expect(box(await render("en", store, page))).not.toContain("checked");

  setSuggestionTags(suggestion.id, [tag.id]);
  const tagged = await load();
  const shown = await render("en", store, tagged);
  expect(box(shown)).toContain('checked=""');
  expect(shown).toBe(await render("en", null, tagged));
});
