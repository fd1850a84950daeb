// Honors end to end: staff ship a new member's idea from its page, and the member's profile
// and the honor wall show the badge it earned and the level it lifted them to.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { consoleErrors, logIn, newPage, postSuggestion, signUp, unique } from "./browser";

async function firstShippedHolders(page: Page) {
  await page.goto("/honors");
  const text = await page.locator('[data-badge="first_shipped"] [data-testid="badge-holders"]').innerText();
  return Number(/\d+/.exec(text)![0]);
}

async function changeStatus(staff: Page, to: string, note: string) {
  await staff.selectOption('#status-form select[name="to"]', to);
  await staff.fill('#status-form textarea[name="note"]', note);
  await staff.click('#status-form button[type="submit"]');
  await staff.locator(`.timeline li:has-text("${note}")`).waitFor();
}

describe("a shipped idea honors its author", () => {
  test("staff ship a fan's suggestion; the profile and the honor wall show the new badge and level", async () => {
    const visitor = await newPage();
    const holdersBefore = await firstShippedHolders(visitor);

    const username = `grower_${unique()}`;
    const fan = await newPage();
    await signUp(fan, username);
    const title = `Let the flashlight dim with a long press ${unique()}`;
    const id = await postSuggestion(fan, title, "A softer light for reading at night.");
    await fan.fill('#comment-form textarea[name="body"]', "Tip: three brightness steps would already be enough.");
    await fan.click('#comment-form button:has-text("Post comment")');
    await fan.locator('.comment:has-text("three brightness steps")').waitFor();

    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto(`/s/${id}`);
    // A helpful reply and the adoption lift the fan to level 1; the ship itself to level 2.
    await staff.click('.comment:has-text("three brightness steps") button:has-text("Mark helpful")');
    await staff.locator('.comment:has-text("three brightness steps") .badge-helpful').waitFor();
    await changeStatus(staff, "planned", "We like it: planned for the next release.");
    await fan.goto(`/u/${username}`);
    expect(await fan.getByTestId("honor-level").innerText()).toContain("Level 1 · Sprout");
    expect(await fan.locator('[data-badge="first_shipped"]').count()).toBe(0);

    await changeStatus(staff, "shipped", "Shipped in today's update.");
    expect(await staff.locator(".suggestion-head .status").innerText()).toBe("Shipped");

    await fan.goto(`/u/${username}`);
    expect(await fan.getByTestId("honor-level").innerText()).toContain("Level 2 · Sapling");
    expect(await fan.locator('[data-testid="profile-badges"] [data-badge="first_shipped"]').innerText()).toContain("Shipped!");
    expect(await fan.getByTestId("honor-progress").innerText()).toMatch(/to reach Tree$/);

    expect(await firstShippedHolders(visitor)).toBe(holdersBefore + 1);
    const entry = visitor.locator(`.hall-of-fame li:has(a[href="/s/${id}"])`);
    expect(await entry.locator(`a[href="/u/${username}"]`).count()).toBe(1);

    expect(consoleErrors(fan)).toEqual([]);
    expect(consoleErrors(staff)).toEqual([]);
  });
});
