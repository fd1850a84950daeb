// Visitors' whole pages (server/page-cache.ts): which requests may be served from it, and
// that a stored page never outlives a commit to the database, half a minute, or its nonce.
import { afterEach, describe, expect, test, vi } from "vitest";
import { getDb } from "~/platform/db.server";
import { env, resetEnv } from "~/platform/env.server";
import { createBoard } from "../factories";
import { visitorPageCache } from "../../server/page-cache";

type Req = { method: string; path: string; originalUrl: string; protocol: string; query: Record<string, string>; headers: Record<string, string> };
function request(url: string, headers: Record<string, string> = {}, method = "GET") {
  const parsed = new URL(url, "http://localhost:3000");
  const req: Req = { method, path: parsed.pathname, originalUrl: parsed.pathname + parsed.search, protocol: "http", query: Object.fromEntries(parsed.searchParams), headers: { host: "localhost:3000", ...headers } };
  return { ...req, get: (name: string) => req.headers[name.toLowerCase()] };
}

const NONCE = "first+nonce/AAAAAAAAAA==";
const html = `<script nonce="${NONCE}">1</script><p>Hello</p><script nonce="${NONCE}">2</script>`;
const page = (version: number, extra: { headers?: [string, string][]; status?: number } = {}) => ({
  version,
  status: extra.status ?? 200,
  headers: extra.headers ?? [["content-type", "text/html; charset=utf-8"]],
  html,
  nonce: NONCE,
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  resetEnv();
});

describe("the visitor page cache", () => {
  test("takes visitors' GET requests for pages, keyed by address, language and origin", () => {
    const cache = visitorPageCache(process.env.DATABASE_URL!);
    const home = cache.keyFor(request("/"));
    expect(home).toBeTruthy();
    expect(cache.keyFor(request("/", { cookie: "sprout_lang=zh" }))).not.toBe(home);
    expect(cache.keyFor(request("/", { "accept-language": "zh-CN" }))).not.toBe(home);
    expect(cache.keyFor(request("/", { host: "sprout.example" }))).not.toBe(home);
    expect(cache.keyFor(request("/?sort=top"))).not.toBe(home);
    // A session (even an expired one), a sharer's reference, data requests and writes are rendered.
    expect(cache.keyFor(request("/", { cookie: "sprout_lang=en; sprout_session=abc" }))).toBeNull();
    expect(cache.keyFor(request("/", { cookie: "sprout_ref=fan" }))).toBeNull();
    expect(cache.keyFor(request("/s/1?ref=fan"))).toBeNull();
    expect(cache.keyFor(request("/s/1.data"))).toBeNull();
    expect(cache.keyFor(request("/login", {}, "POST"))).toBeNull();
  });

  test("serves a stored page with the response's own nonce until the database changes", () => {
    const cache = visitorPageCache(process.env.DATABASE_URL!);
    const key = cache.keyFor(request("/"));
    cache.set(key!, page(cache.version()));
    const served = cache.get(key!, "second-nonce")!;
    expect(served.html).toBe(`<script nonce="second-nonce">1</script><p>Hello</p><script nonce="second-nonce">2</script>`);
    expect(served.headers).toEqual([["content-type", "text/html; charset=utf-8"]]);

    createBoard(); // a commit by the app's own connection
    expect(cache.get(key!, "third-nonce")).toBeNull();
  });

  test("does not keep a page rendered while the database moved, one that sets a cookie, or an error", () => {
    const cache = visitorPageCache(process.env.DATABASE_URL!);
    const key = cache.keyFor(request("/b/camera"));
    const before = cache.version();
    getDb().$client.exec("create table if not exists scratch (x)");
    cache.set(key!, page(before));
    expect(cache.get(key!, "n")).toBeNull();

    cache.set(key!, page(cache.version(), { headers: [["set-cookie", "sprout_ref=fan"]] }));
    expect(cache.get(key!, "n")).toBeNull();
    cache.set(key!, page(cache.version(), { status: 404 }));
    expect(cache.get(key!, "n")).toBeNull();
  });

  test("lets a page go after half a minute, since it shows the clock", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const cache = visitorPageCache(process.env.DATABASE_URL!);
    const key = cache.keyFor(request("/changelog"));
    cache.set(key!, page(cache.version()));
    vi.advanceTimersByTime(29_000);
    expect(cache.get(key!, "n")).not.toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(cache.get(key!, "n")).toBeNull();
  });

  // server/index.ts keeps no pages with PAGE_CACHE=off (the bench measures visitors' pages both ways).
  test("is on unless PAGE_CACHE says off, and a misspelt setting is refused", () => {
    vi.stubEnv("PAGE_CACHE", undefined);
    resetEnv();
    expect(env().PAGE_CACHE).toBe(true);
    vi.stubEnv("PAGE_CACHE", "off");
    resetEnv();
    expect(env().PAGE_CACHE).toBe(false);
    vi.stubEnv("PAGE_CACHE", "of");
    resetEnv();
    expect(() => env()).toThrow();
  });
});
