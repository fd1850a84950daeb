// The honorary development group's board: invisible to everyone below level 4 (404 in every
// list, search, feed and direct link), visible to level 4 and staff.
import { beforeAll, describe, expect, test } from "vitest";
import type { Board, Suggestion, User } from "#db/schema";
import { getProfile } from "~/features/accounts/accounts.server";
import { listBoards } from "~/features/boards/boards.server";
import { changeStatus } from "~/features/lifecycle/lifecycle.server";
import { hallOfFame } from "~/features/honors/honor-wall.server";
import { roadmap } from "~/features/lifecycle/roadmap.server";
import { addToRelease, createRelease, listReleases, shippedWithoutRelease } from "~/features/lifecycle/releases.server";
import { loader as homeLoader } from "~/routes/_index";
import { loader as boardLoader } from "~/routes/b.$board";
import { loader as feedLoader } from "~/routes/changelog[.]atom";
import { action as suggestionAction, loader as suggestionLoader } from "~/routes/s.$id/route";
import { action as newSuggestionAction } from "~/routes/s.new";
import { findSimilarSuggestions, searchSuggestions } from "~/features/search/search.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

let board: Board;
let publicBoard: Board;
let author: User;
let planned: Suggestion;
let shipped: Suggestion;
let released: Suggestion;
const viewers: Record<string, User | null> = {};
const OUTSIDERS = ["visitor", "level0", "level3"];
const INSIDERS = ["level4", "staff"];

beforeAll(async () => {
  board = createBoard({ slug: "lab", visibility: "early_access" });
  publicBoard = createBoard({ slug: "everyday" });
  const staff = await createStaff();
  author = await createMember({ honorLevel: 4 });
  planned = await createSuggestion({ board, author, title: "Quasar gesture beta feedback thread" });
  shipped = await createSuggestion({ board, author, title: "Quasar shipped early build" });
  released = await createSuggestion({ board, author, title: "Quasar released early build" });
  await createSuggestion({ board: publicBoard, author, title: "Quasar public idea everyone sees" });
  changeStatus({ suggestionId: planned.id, actorId: staff.id, to: "planned", note: "" });
  for (const s of [shipped, released]) {
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "planned", note: "" });
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "shipped", note: "" });
  }
  const release = createRelease({ name: "5.2 beta", notes: "", releasedAt: new Date(), createdById: staff.id });
  addToRelease({ suggestionId: released.id, releaseId: release.id });
  Object.assign(viewers, {
    visitor: null,
    level0: await createMember({ honorLevel: 0 }),
    level3: await createMember({ honorLevel: 3 }),
    level4: await createMember({ honorLevel: 4 }),
    staff,
  });
});

const earlyIds = () => [planned.id, shipped.id, released.id].sort();

describe.each([...OUTSIDERS.map((who) => [who, false] as const), ...INSIDERS.map((who) => [who, true] as const)])(
  "%s (sees the board: %s)",
  (who, sees) => {
    const viewer = () => viewers[who];
    const shows = (ids: number[]) => earlyIds().filter((id) => ids.includes(id));
    const expected = () => (sees ? earlyIds() : []);

    test("the board page and the suggestion page", async () => {
      const boardPage = await outcome(() => boardLoader(routeArgs(requestAs(viewer(), "/b/lab"), { board: "lab" })));
      expect(boardPage.status).toBe(sees ? 200 : 404);
      for (const id of earlyIds()) {
        const page = await outcome(() => suggestionLoader(routeArgs(requestAs(viewer(), `/s/${id}`), { id: String(id) })));
        expect(page.status).toBe(sees ? 200 : 404);
      }
    });

    test("the home page's boards and hot list", async () => {
      const home = (await outcome(() => homeLoader(routeArgs(requestAs(viewer(), "/"))))).body as Awaited<ReturnType<typeof homeLoader>>;
      expect(home.boards.some((b) => b.slug === "lab")).toBe(sees);
      expect(home.boards.some((b) => b.slug === "everyday")).toBe(true);
      expect(shows(home.hot.map((s) => s.id)).sort()).toEqual(expected());
      expect(listBoards(viewer()).find((b) => b.slug === "everyday")?.suggestionCount).toBe(1);
    });

    test("search and similar suggestions", () => {
      expect(shows(searchSuggestions({ query: "quasar", viewer: viewer() }).results.map((r) => r.id)).sort()).toEqual(expected());
      expect(searchSuggestions({ query: "quasar", viewer: viewer() }).total).toBe(sees ? 4 : 1);
      expect(shows(findSimilarSuggestions("Quasar early build", { viewer: viewer() }).map((r) => r.id)).length > 0).toBe(sees);
    });

    test("the roadmap, the changelog and its feed, the honor wall and profiles", async () => {
      const roadmapIds = roadmap(viewer()).flatMap((column) => [...column.planned, ...column.inProgress].map((s) => s.id));
      expect(shows(roadmapIds)).toEqual(sees ? [planned.id] : []);
      expect(shows(shippedWithoutRelease(viewer()).map((s) => s.id))).toEqual(sees ? [shipped.id] : []);
      expect(shows(listReleases({ viewer: viewer() }).flatMap((r) => r.features.map((f) => f.id)))).toEqual(sees ? [released.id] : []);
      const feed = (await outcome(() => feedLoader(routeArgs(requestAs(viewer(), "/changelog.atom"))))).body as Response;
      expect((await feed.text()).includes("Quasar released early build")).toBe(sees);
      expect(shows(hallOfFame(viewer()).map((s) => s.id)).sort()).toEqual(sees ? [shipped.id, released.id].sort() : []);
      expect(shows(getProfile(author.username, viewer())!.recentSuggestions.map((s) => s.id)).sort()).toEqual(expected());
    });

    test.skipIf(who === "visitor")("acting on its suggestions, and posting to the board", async () => {
      const user = viewer()!;
      const vote = await outcome(() =>
        suggestionAction(routeArgs(requestAs(user, `/s/${planned.id}`, { form: { intent: "vote", voted: "true" } }), { id: String(planned.id) })),
      );
      expect(vote.status).toBe(sees ? 200 : 404);
      const posted = await outcome(() =>
        newSuggestionAction(
          routeArgs(requestAs(user, "/s/new", { form: { title: "A new idea for the lab board", body: "Try it.", board: "lab" } })),
        ),
      );
      expect(posted.status).toBe(sees ? 302 : 400);
    });
  },
);
