// patches/@remix-run+router+1.23.3.patch makes the router flatten and rank a route tree once
// and compile each path pattern once (the server matched 72 routes from scratch several
// times per request). Matching must answer exactly as before, for every tree it is given.
import fs from "node:fs";
import { createRequire } from "node:module";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

const tree = (): AgnosticRouteObject[] => [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "suggestion", path: "s/:id" },
      { id: "suggestion-edit", path: "s/:id/edit" },
      { id: "new", path: "s/new" },
      { id: "board", path: "b/:slug" },
      { id: "leads", path: "leads", children: [{ id: "leads-index", index: true }, { id: "leads-members", path: "members" }] },
      { id: "catch-all", path: "*" },
    ],
  },
];

const ids = (routes: AgnosticRouteObject[], path: string) => matchRoutes(routes, path)?.map((m) => m.route.id);

describe("route matching with remembered branches", () => {
  it("runs the patched router on the server (npm install applies patches/)", () => {
    const serverRouter = createRequire(import.meta.url).resolve("@remix-run/router");
    const patched = fs.readFileSync(serverRouter, "utf8");
    expect(patched).toContain("rankedBranchesCache");
    expect(patched).toContain("literalFirstSegment");
  });

  it("ranks static segments over dynamic ones and the splat last, on every call", () => {
    const routes = tree();
    for (let round = 0; round < 3; round++) {
      expect(ids(routes, "/")).toEqual(["root", "home"]);
      expect(ids(routes, "/s/new")).toEqual(["root", "new"]);
      expect(ids(routes, "/s/42")).toEqual(["root", "suggestion"]);
      expect(ids(routes, "/s/42/edit")).toEqual(["root", "suggestion-edit"]);
      expect(ids(routes, "/leads/members")).toEqual(["root", "leads", "leads-members"]);
      expect(ids(routes, "/nowhere/at/all")).toEqual(["root", "catch-all"]);
    }
    expect(matchRoutes(routes, "/s/42")?.at(-1)?.params).toEqual({ id: "42" });
    expect(matchRoutes(routes, "/b/Phones")?.at(-1)?.params).toEqual({ slug: "Phones" });
  });

  it("answers each tree with its own routes", () => {
    const first = tree();
    const second: AgnosticRouteObject[] = [{ id: "only", path: "s/:id" }];
    expect(ids(first, "/s/1")).toEqual(["root", "suggestion"]);
    expect(ids(second, "/s/1")).toEqual(["only"]);
    expect(ids(second, "/")).toBeUndefined();
    expect(ids(first, "/")).toEqual(["root", "home"]);
  });

  it("compiles case-sensitive and prefix patterns separately", () => {
    const sensitive: AgnosticRouteObject[] = [{ id: "exact", path: "Leads", caseSensitive: true }];
    const insensitive: AgnosticRouteObject[] = [{ id: "loose", path: "Leads" }];
    expect(ids(insensitive, "/leads")).toEqual(["loose"]);
    expect(ids(sensitive, "/leads")).toBeUndefined();
    expect(ids(sensitive, "/Leads")).toEqual(["exact"]);
  });
});

// The patch also skips a branch whose fixed first segment differs from the pathname's; it
// must never skip one that would have matched. The reference is the same tree under a
// case-sensitive pathless root: that root matches every pathname as the tree's own root
// does, but it turns the shortcut off for every branch (case-sensitive branches are always
// matched in full).
describe("branches skipped by their first segment", () => {
  const wide = (): AgnosticRouteObject[] => [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        { id: "suggestion", path: "s/:id" },
        { id: "new", path: "s/new" },
        { id: "leads", path: "leads", children: [{ id: "leads-index", index: true }, { id: "leads-members", path: "members" }] },
        { id: "lang", path: ":lang/about" },
        { id: "optional", path: "help/:topic?" },
        { id: "sitemap", path: "sitemap.xml" },
        { id: "exact", path: "API", caseSensitive: true },
        { id: "chinese", path: "种子/:id" },
        { id: "files", path: "files/*" },
        { id: "layout", children: [{ id: "inbox", path: "inbox" }, { id: "settings", path: "settings/:tab" }] },
        { id: "catch-all", path: "*" },
      ],
    },
  ];
  const reference = (): AgnosticRouteObject[] => [{ id: "reference", path: "", caseSensitive: true, children: wide() }];
  const answer = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => [m.route.id, m.params, m.pathname, m.pathnameBase]);
  const pathnames = [
    ...["/", "", "/s/1", "/s/new", "/S/NEW", "/s/new/", "/s//new", "//s/new", "s/new", "/s", "/s/", "/ss/1", "/leads", "/LEADS/Members", "/leads/members/", "/leads/other"],
    ...["/en/about", "/zh/ABOUT", "/help", "/help/votes", "/HELP/", "/sitemap.xml", "/sitemapxxml", "/SITEMAP.XML", "/API", "/api", "/Api/x"],
    ...["/种子/3", "/%E7%A7%8D%E5%AD%90/3", "/files", "/files/a/b", "/FILES/a", "/inbox", "/Inbox/", "/settings/mail", "/settings", "/nowhere", "/s%2F1", "/le%61ds"],
  ];

  it.each(pathnames)("matches %j as the unshortened matching does", (pathname) => {
    const expected = answer(matchRoutes(reference(), pathname))?.slice(1);
    expect(answer(matchRoutes(wide(), pathname))).toEqual(expected);
  });

  it("finds the routes it is meant to, in any case", () => {
    expect(ids(wide(), "/S/NEW")).toEqual(["root", "new"]);
    expect(ids(wide(), "/LEADS/Members")).toEqual(["root", "leads", "leads-members"]);
    expect(ids(wide(), "/SITEMAP.XML")).toEqual(["root", "sitemap"]);
    expect(ids(wide(), "/api")).toEqual(["root", "catch-all"]);
    expect(ids(wide(), "/Inbox/")).toEqual(["root", "layout", "inbox"]);
  });
});

// patches/react-router-dom+*.patch and patches/@remix-run+react+*.patch: the server render
// builds its route tree and data routes once per build, so that the remembered branches above
// are found again; each request's matches must still be its own.
describe("the server render's route tree, made once", () => {
  const require = createRequire(import.meta.url);
  // The server's build of each package (what Node loads; the browser's build is left alone).
  it("runs the patched Remix server render (npm install applies patches/)", () => {
    expect(fs.readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("serverRoutesCache");
    expect(fs.readFileSync(require.resolve("react-router-dom/server.js"), "utf8")).toContain("dataRoutesCache");
  });

  it("gives the same data routes for the same tree, and each request its own matches", async () => {
    const { createStaticHandler, createStaticRouter } = require("react-router-dom/server.js") as typeof import("react-router-dom/server");
    const routes = tree();
    const handler = createStaticHandler(routes);
    const render = async (path: string) => {
      const context = await handler.query(new Request(`http://localhost${path}`));
      if (context instanceof Response) throw new Error("unexpected redirect");
      return createStaticRouter(routes, context);
    };
    const first = await render("/s/42");
    const second = await render("/leads/members");
    expect(second.routes).toBe(first.routes);
    expect(first.state.matches.map((m) => m.route.id)).toEqual(["root", "suggestion"]);
    expect(first.state.matches.at(-1)?.params).toEqual({ id: "42" });
    expect(second.state.matches.map((m) => m.route.id)).toEqual(["root", "leads", "leads-members"]);
    // The matches point at the data routes the render walks, not at the tree it was given.
    expect(second.state.matches[1]?.route).toBe(second.routes[0]?.children?.find((r) => r.id === "leads"));
    expect((await render("/s/7")).routes).toBe(first.routes);
    // Another tree is converted on its own.
    const home = await handler.query(new Request("http://localhost/"));
    if (home instanceof Response) throw new Error("unexpected redirect");
    expect(createStaticRouter(tree(), home).routes).not.toBe(first.routes);
  });
});
