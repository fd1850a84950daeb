import { describe, expect, test } from "vitest";
import { consoleErrors, newPage } from "./browser";

describe("the home page", () => {
  test.each([true, false])("renders a heading without console errors (JavaScript enabled: %s)", async (javaScriptEnabled) => {
    const page = await newPage({ javaScriptEnabled });
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    // Let hydration and its requests settle: that is when client-side errors would show.
    await page.waitForLoadState("networkidle");
    expect((await page.locator("h1").first().innerText()).trim()).not.toBe("");
    expect(consoleErrors(page)).toEqual([]);
  });
});
