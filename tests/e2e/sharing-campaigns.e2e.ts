// The share kit and the demo campaigns in a real browser, against the seeded server.
import { describe, expect, test } from "vitest";
import { consoleErrors, logIn, newPage } from "./browser";

describe("the share kit on /s/1", () => {
  test.each([true, false])("shows the link, both ready texts, a QR code and X/Weibo links (JavaScript enabled: %s)", async (javaScriptEnabled) => {
    const page = await newPage({ javaScriptEnabled });
    await page.goto("/s/1");
    const kit = page.getByTestId("share-kit");
    await kit.waitFor();
    const link = kit.getByLabel("Link to share");
    expect(await link.inputValue()).toMatch(/\/s\/1$/);
    expect(await kit.locator("textarea").count()).toBe(2);
    expect(await kit.locator('textarea[lang="zh-CN"]').inputValue()).toContain("/s/1");
    expect(await kit.locator('img[src^="data:image/svg+xml"]').count()).toBe(1);
    expect(await kit.locator('a[href^="https://x.com/intent/post"][rel="noopener"]').count()).toBe(1);
    expect(await kit.locator('a[href^="https://service.weibo.com/share/share.php"]').count()).toBe(1);
    // Copy buttons need JavaScript (they appear once the page has hydrated); without it the
    // read-only fields are selected by hand.
    const copy = kit.getByRole("button", { name: "Copy link" });
    if (javaScriptEnabled) await copy.waitFor();
    expect(await copy.count()).toBe(javaScriptEnabled ? 1 : 0);
    expect(consoleErrors(page)).toEqual([]);
  });

  test("copies the member's own link, carrying ?ref=, with one tap", async () => {
    const page = await newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await logIn(page, "fan", "sprout-fan-demo");
    await page.goto("/s/1");
    const kit = page.getByTestId("share-kit");
    expect(await kit.getByLabel("Link to share").inputValue()).toMatch(/\/s\/1\?ref=fan$/);
    await kit.getByRole("button", { name: "Copy link" }).click();
    await kit.getByText("Copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/s\/1\?ref=fan$/);
  });

  test("the page's preview tags point at a card that is a PNG", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/s/1");
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(/\/s\/1\/card\.png\?lang=en$/);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
    const card = await page.request.get(new URL(image!).pathname + new URL(image!).search);
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
    expect((await card.body()).length).toBeGreaterThan(10_000);
  });
});

describe("the demo campaigns", () => {
  test("the running one is on the home page with time left; its page lists entries by votes", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto("/");
    const banner = page.getByTestId("campaign-banner").filter({ hasText: "Suggest for the next camera update" });
    expect(await banner.innerText()).toMatch(/left/i);
    await banner.getByRole("link", { name: "See the entries" }).click();
    await page.waitForURL(/\/campaigns\//);
    const votes = await page.locator(".suggestion-list .vote-pill").evaluateAll((pills) => pills.map((p) => Number.parseInt(p.textContent ?? "", 10)));
    expect(votes.length).toBeGreaterThan(1);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
  });

  test("the finished one shows the team's picks with their notes", async () => {
    const page = await newPage();
    await logIn(page, "staff", "sprout-staff-demo");
    await page.goto("/staff/campaigns");
    await page.getByRole("link", { name: "Home screen ideas for Sprout OS 3" }).click();
    await page.getByRole("link", { name: "View the campaign page" }).click();
    const picks = page.getByTestId("campaign-picks");
    expect(await picks.locator("li").count()).toBe(2);
    expect(await picks.innerText()).toContain("Most wanted by far");
    expect(consoleErrors(page)).toEqual([]);
  });
});
