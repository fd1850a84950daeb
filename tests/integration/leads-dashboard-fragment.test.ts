// The leads' dashboard is reused as markup while the cached data it was rendered from lives
// (app/features/leads/leads-dashboard.tsx): the stored markup must be what a fresh render gives,
// and a change in the forum must give a fresh render, never the markup from before it.
import { createElement } from "react";
import { expect, test } from "vitest";
import { LeadsDashboardView } from "~/features/leads/leads-dashboard";
import { loader as dashboardLoader } from "~/routes/leads._index";
import { createMember, createSuggestion } from "../factories";
import { requestAs, routeArgs } from "../route-requests";
import { countingStore, renderWith } from "../shared-fragments";

type Loaded = ReturnType<typeof dashboardLoader>;

test("the dashboard is served from stored markup while its data is unchanged, and rendered afresh after a change", async () => {
  const lead = await createMember({ role: "lead" });
  await createSuggestion();
  // One session: logging in is a write, and any write makes the cached data stale.
  const request = requestAs(lead, "/leads");
  const load = (): Loaded => dashboardLoader(routeArgs(request));
  const view = ({ scope, data }: Loaded) => createElement(LeadsDashboardView, { scope, data });

  // Requests in a row get the same cached data: the key that names it stays the same.
  const first = load();
  expect(load().data).toBe(first.data);

  const { store, renderPending, served } = countingStore();
  for (const language of ["en", "zh"] as const) {
    const fresh = await renderWith(language, null, view(first));
    for (let request = 0; request < 3; request++) {
      expect(await renderWith(language, store, view(load()))).toBe(fresh);
      renderPending();
    }
    expect(fresh).toContain('data-testid="score-total"');
  }
  // Each language was served from storage once, on its third request.
  expect(served()).toBe(2);

  // A new suggestion changes the database: the next request's data is a new object and its
  // dashboard is rendered from it.
  await createSuggestion();
  const changed = load();
  expect(changed.data).not.toBe(first.data);
  expect(await renderWith("en", store, view(changed))).toBe(await renderWith("en", null, view(changed)));
  expect(served()).toBe(2);
});
