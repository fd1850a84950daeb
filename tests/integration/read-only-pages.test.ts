// Loaders only read (README, "Scaling past one machine"): what read replicas rely on. The pages
// a visitor opens change nothing in the database; the few reads that do write are listed in the
// README and are not among them.
import { expect, test } from "vitest";
import { getDb } from "~/platform/db.server";
import { loader as root } from "~/root";
import { loader as home } from "~/routes/_index";
import { loader as board } from "~/routes/b.$board";
import { loader as changelog } from "~/routes/changelog";
import { loader as honors } from "~/routes/honors._index";
import { loader as roadmap } from "~/routes/roadmap";
import { loader as suggestion } from "~/routes/s.$id/route";
import { loader as search } from "~/routes/search";
import { loader as profile } from "~/routes/u.$username";
import { addComment } from "~/features/comments/comments.server";
import { createBoard, createMember, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

test("a visitor's pages write nothing", async () => {
  const author = await createMember({ username: "reader_test_author" });
  const camera = createBoard({ slug: "camera-readonly" });
  const posted = await createSuggestion({ board: camera, author, title: "Dark mode for the camera viewfinder" });
  addComment({ suggestionId: posted.id, authorId: author.id, body: "Please, **soon**." });

  const changes = getDb().$client.prepare("select total_changes()").pluck();
  const before = changes.get();
  const pages: [string, (args: ReturnType<typeof routeArgs>) => unknown, Record<string, string>][] = [
    ["/", root, {}],
    ["/", home, {}],
    ["/b/camera-readonly?sort=trending", board, { board: "camera-readonly" }],
    [`/s/${posted.id}`, suggestion, { id: String(posted.id) }],
    ["/search?q=viewfinder", search, {}],
    ["/roadmap", roadmap, {}],
    ["/changelog", changelog, {}],
    ["/honors", honors, {}],
    ["/u/reader_test_author", profile, { username: "reader_test_author" }],
  ];
  for (const [path, loader, params] of pages) {
    expect((await outcome(() => loader(routeArgs(requestAs(null, path), params)))).status, path).toBe(200);
  }
  expect(changes.get()).toBe(before);
});
