// Write rate limits (server/rate-limit.ts): counted in the database, so every server worker
// counts against the same budget.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { openDatabase } from "#db/client";
import { SqliteRateLimitStore, writeRateLimits } from "../../server/rate-limit";

// Every test's requests come from 127.0.0.1: each starts with no hits counted.
beforeEach(() => void openDatabase(process.env.DATABASE_URL!).$client.exec("delete from rate_limits"));
afterEach(() => vi.useRealTimers());

// A server as server/index.ts builds it, with its own connection to the test database: two of
// them stand for two worker processes.
async function worker(limits: { perMember: number; perAddress: number }) {
  const app = express();
  app.use(writeRateLimits({ db: openDatabase(process.env.DATABASE_URL!), ...limits }));
  app.all("*", (_req, res) => void res.send("ok"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    post: (cookie?: string) => fetch(`${base}/s/1`, { method: "POST", headers: cookie ? { Cookie: cookie } : {} }),
    get: (cookie: string) => fetch(`${base}/`, { headers: { Cookie: cookie } }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("the rate limit store", () => {
  test("counts hits in a one-minute window, then starts a new one", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 1_000_000 });
    const store = new SqliteRateLimitStore(openDatabase(process.env.DATABASE_URL!), "test:");
    expect((await store.increment("a")).totalHits).toBe(1);
    const second = await store.increment("a");
    expect(second.totalHits).toBe(2);
    expect(second.resetTime?.getTime()).toBe(1_060_000);
    expect((await store.increment("b")).totalHits).toBe(1);
    store.decrement("a");
    expect(store.get("a")?.totalHits).toBe(1);
    vi.setSystemTime(1_060_000);
    expect(store.get("a")).toBeUndefined();
    expect(await store.increment("a")).toEqual({ totalHits: 1, resetTime: new Date(1_120_000) });
    store.resetKey("a");
    expect(store.get("a")).toBeUndefined();
  });

  test("restarts a window that closed before a sweep removed it (another worker's counter)", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: 2_000_000 });
    const db = openDatabase(process.env.DATABASE_URL!);
    const [first, second] = [new SqliteRateLimitStore(db, "test:"), new SqliteRateLimitStore(db, "test:")];
    await first.increment("c");
    expect((await first.increment("c")).totalHits).toBe(2);
    // The second worker sweeps now, so at the window's end its next sweep is still due.
    vi.setSystemTime(2_000_001);
    await second.increment("d");
    vi.setSystemTime(2_060_000);
    expect(await second.increment("c")).toEqual({ totalHits: 1, resetTime: new Date(2_120_000) });
  });
});

describe("write rate limits", () => {
  test("answer 429 with Retry-After in both languages past a member's budget, and let reads through", async () => {
    const server = await worker({ perMember: 2, perAddress: 100 });
    try {
      expect((await server.post("sprout_session=alice")).status).toBe(200);
      expect((await server.post("sprout_session=alice")).status).toBe(200);
      const refused = await server.post("sprout_session=alice");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      const text = await refused.text();
      expect(text).toContain("Please wait");
      expect(text).toContain("操作过于频繁");
      expect((await server.post("sprout_session=bob")).status).toBe(200);
      expect((await server.get("sprout_session=alice")).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  test("are one budget for all workers: two servers on one database share the counter", async () => {
    const first = await worker({ perMember: 100, perAddress: 3 });
    const second = await worker({ perMember: 100, perAddress: 3 });
    try {
      expect((await first.post()).status).toBe(200);
      expect((await second.post()).status).toBe(200);
      expect((await first.post()).status).toBe(200);
      // The fourth write from this address is refused by whichever worker gets it.
      expect((await second.post()).status).toBe(429);
      expect((await first.post()).status).toBe(429);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });

  test("keep no session token: a member's counter is keyed by its hash", async () => {
    const db = openDatabase(process.env.DATABASE_URL!);
    const server = await worker({ perMember: 5, perAddress: 100 });
    try {
      await server.post("sprout_session=secret-token-value");
      const keys = db.$client.prepare("select key from rate_limits").pluck().all() as string[];
      expect(keys.some((key) => key.startsWith("member:"))).toBe(true);
      expect(keys.join(" ")).not.toContain("secret-token-value");
    } finally {
      await server.close();
    }
  });
});
