import { describe, expect, it } from "vitest";
import { RateLimiter } from "../../scripts/rate-limit.js";

describe("RateLimiter", () => {
  it("allows the limit within a window, then says how long to wait", () => {
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 });
    expect([limiter.hit("a", 0), limiter.hit("a", 1000), limiter.hit("a", 2000)]).toEqual([0, 0, 0]);
    expect(limiter.hit("a", 3000)).toBe(57);
    // Another key has its own budget.
    expect(limiter.hit("b", 3000)).toBe(0);
    // Once the first hit leaves the window, one more is allowed.
    expect(limiter.hit("a", 60_001)).toBe(0);
    expect(limiter.hit("a", 60_002)).toBe(1);
  });

  it("forgets the least recently used keys beyond its capacity", () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2 });
    limiter.hit("a", 0);
    limiter.hit("b", 0);
    limiter.hit("c", 0);
    expect(limiter.hit("a", 1)).toBe(0);
    expect(limiter.hit("c", 1)).toBeGreaterThan(0);
  });
});

describe("writeRateLimits", () => {
  it("answers 429 with Retry-After past a member's budget, and lets reads through", async () => {
    const express = (await import("express")).default;
    const { writeRateLimits } = await import("../../scripts/rate-limit.js");
    const app = express();
    app.use(writeRateLimits({ perMember: 2, perAddress: 100 }));
    app.all("*", (_req, res) => void res.send("ok"));
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const post = (cookie: string) => fetch(`http://127.0.0.1:${port}/s/1`, { method: "POST", headers: { Cookie: cookie } });
    try {
      expect((await post("sprout_session=alice")).status).toBe(200);
      expect((await post("sprout_session=alice")).status).toBe(200);
      const refused = await post("sprout_session=alice");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await refused.text()).toContain("Please wait");
      expect((await post("sprout_session=bob")).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/`, { headers: { Cookie: "sprout_session=alice" } })).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it("counts an API call against its token, says so in the RateLimit headers, and refuses past it as a problem", async () => {
    const express = (await import("express")).default;
    const { writeRateLimits } = await import("../../scripts/rate-limit.js");
    const app = express();
    app.use(writeRateLimits({ perMember: 2, perAddress: 100 }));
    app.all("*", (_req, res) => void res.send("ok"));
    const server = app.listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as { port: number };
    const call = (token: string) => fetch(`http://127.0.0.1:${port}/api/v1/suggestions/1/vote`, { method: "PUT", headers: { Authorization: `Bearer ${token}` } });
    try {
      const first = await call("sprout_a");
      expect(first.status).toBe(200);
      expect([first.headers.get("ratelimit-limit"), first.headers.get("ratelimit-remaining")]).toEqual(["2", "1"]);
      expect((await call("sprout_a")).headers.get("ratelimit-remaining")).toBe("0");
      const refused = await call("sprout_a");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      // Another token has its own budget.
      expect((await call("sprout_b")).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
