// What the server itself guarantees before any route runs: security headers with a script
// nonce, cross-site posts refused, only form bodies of a sane size accepted, malformed
// paths answered in words.
import { describe, expect, inject, test } from "vitest";
import { consoleErrors, logIn, newPage } from "./browser";

const url = (path: string) => `${inject("baseUrl")}${path}`;

describe("the server's guards", () => {
  test("pages carry a nonce-based Content-Security-Policy that every script tag honours", async () => {
    const response = await fetch(url("/"));
    const policy = response.headers.get("content-security-policy") ?? "";
    const nonce = policy.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce for every response.
    const again = (await fetch(url("/"))).headers.get("content-security-policy");
    expect(again).not.toBe(policy);
  });

  test("refuses cross-site form posts", async () => {
    const response = await fetch(url("/login"), {
      method: "POST",
      headers: { Origin: "http://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=fan&password=sprout-fan-demo",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
  });

  test("accepts only form bodies, and an empty form is still a form", async () => {
    const json = await fetch(url("/login"), { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("form submissions");
    const bare = await fetch(url("/logout"), { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, redirect: "manual" });
    expect(bare.status).toBe(302);
  });

  test("refuses oversized forms, and a form an action never reads leaves the connection usable", async () => {
    const form = { method: "POST", headers: { Origin: inject("baseUrl"), "Content-Type": "application/x-www-form-urlencoded" }, redirect: "manual" } as const;
    const huge = await fetch(url("/logout"), { ...form, body: `x=${"a".repeat(600 * 1024)}` });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("too large");
    // Logout answers without reading its form. Before forms were read ahead of the action, the
    // unread rest of a big one stayed in the kept-alive connection and reset a later request.
    for (let i = 0; i < 4; i++) {
      const response = await fetch(url("/logout"), { ...form, body: `x=${"b".repeat(400 * 1024)}` });
      expect(response.status).toBe(302);
    }
  });

  test("serves the public files and the built assets, and pages past them", async () => {
    const icon = await fetch(url("/favicon.svg"));
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    const page = await (await fetch(url("/"))).text();
    const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1] ?? /href="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(script).toBeTruthy();
    const asset = await fetch(url(script!));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(url("/no-such-file.svg"))).status).toBe(404);
  });

  test("a path that cannot be decoded is a 400 that says so", async () => {
    const response = await fetch(url("/b/%ED%A0%80"));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("malformed");
  });

  // Issue 18, item 12.
  test("personal pages are private, no-store; non-canonical ids are 404", async () => {
    const login = await fetch(url("/login"), {
      method: "POST",
      headers: { Origin: inject("baseUrl"), "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=fan&password=sprout-fan-demo",
      redirect: "manual",
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    expect(cookie).toMatch(/^sprout_session=/);
    for (const path of ["/account", "/notifications"]) {
      const response = await fetch(url(path), { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
    for (const path of ["/s/0x1", "/s/1.0", "/s/01"]) expect((await fetch(url(path))).status, path).toBe(404);
  });

  test("form pages raise no Content-Security-Policy violation in Chromium (zod runs without eval)", async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await logIn(page, "fan", "sprout-fan-demo");
    for (const path of ["/s/new", "/complaints/new"]) {
      await page.goto(path, { waitUntil: "networkidle" });
      // Validation runs zod in the browser: type and leave a field.
      await page.locator('form input[name="title"]').fill("x");
      await page.locator('form input[name="title"]').blur();
      await page.locator('form input[name="title"]').fill("A title long enough");
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), path).toEqual([]);
    }
    expect(consoleErrors(page).filter((e) => /Content Security Policy|unsafe-eval/i.test(e))).toEqual([]);
  });
});
