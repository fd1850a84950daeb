// patches/@remix-run+server-runtime+2.17.5.patch: Remix copied the request for every loader and
// action (two `Request`s, each with its own AbortSignal) only to strip its `index` and `_routes`
// parameters, which most requests do not have. With the patch, the loaders of one request get
// that request itself, so what is worked out per request (the session in
// app/features/accounts/auth.server.ts, keyed by the request) is worked out once.
import fs from "node:fs";
import { createRequire } from "node:module";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";

const seen: { route: string; request: Request }[] = [];
const loader = (route: string) => ({ request }: { request: Request }) => {
  seen.push({ route, request });
  return { route };
};
const route = (id: string, parentId: string | undefined, path: string | undefined, index?: boolean) => ({
  id,
  parentId,
  path,
  index,
  caseSensitive: undefined,
  module: { loader: loader(id), default: () => null },
});
const routes = {
  root: route("root", undefined, ""),
  "routes/_index": route("routes/_index", "root", undefined, true),
  "routes/s.$id": route("routes/s.$id", "root", "s/:id"),
};
const manifestRoute = (r: (typeof routes)[keyof typeof routes]) => ({
  id: r.id,
  parentId: r.parentId,
  path: r.path,
  index: r.index,
  module: `/${r.id}.js`,
  hasLoader: true,
  hasAction: false,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: false,
});
const build = {
  mode: "production",
  basename: undefined,
  publicPath: "/",
  assetsBuildDirectory: "build/client",
  isSpaMode: false,
  future: { v3_singleFetch: true, v3_lazyRouteDiscovery: true },
  entry: { module: { default: () => new Response("<!DOCTYPE html>", { headers: { "content-type": "text/html" } }) } },
  routes,
  assets: {
    entry: { module: "/entry.js", imports: [] },
    url: "/manifest.js",
    version: "1",
    routes: Object.fromEntries(Object.values(routes).map((r) => [r.id, manifestRoute(r)])),
  },
} as unknown as ServerBuild;
const handle = createRequestHandler(build, "production");

async function loaded(url: string) {
  seen.length = 0;
  const response = await handle(new Request(url));
  expect(response.status).toBe(200);
  return [...seen];
}

describe("the request each loader gets", () => {
  it("runs the patched server runtime (npm install applies patches/)", () => {
    const runtime = createRequire(import.meta.url).resolve("@remix-run/server-runtime");
    expect(fs.readFileSync(runtime.replace(/index\.js$/, "data.js"), "utf8")).toContain('if (!url.searchParams.has("_routes")) return request;');
  });

  it("is the same request for every loader of a page", async () => {
    const calls = await loaded("http://localhost/s/42?comment=7");
    expect(calls.map((c) => c.route)).toEqual(["root", "routes/s.$id"]);
    expect(calls[1]!.request).toBe(calls[0]!.request);
    expect(calls[0]!.request.url).toBe("http://localhost/s/42?comment=7");
  });

  it("still has Remix's own parameters taken away", async () => {
    // An index route's form posts to `?index`; a data request names the routes to load.
    const index = await loaded("http://localhost/?index&q=1");
    expect(index.map((c) => new URL(c.request.url).search)).toEqual(["?q=1", "?q=1"]);
    const data = await loaded("http://localhost/s/42.data?_routes=routes%2Fs.%24id&comment=7");
    expect(data.map((c) => c.route)).toEqual(["routes/s.$id"]);
    expect(new URL(data[0]!.request.url).search).toBe("?comment=7");
  });
});
