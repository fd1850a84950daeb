// A fan hears about the team's answer: the header count, the inbox in words, marking read,
// and the settings grid, with and without JavaScript.
import { describe, expect, test } from "vitest";
import { consoleErrors, logIn, newPage, postSuggestion, signUp, unique } from "./browser";

describe.each([true, false])("notifications (JavaScript enabled: %s)", (javaScriptEnabled) => {
  test("an official reply reaches the author's inbox once, and can be marked read", async () => {
    const fan = await newPage({ javaScriptEnabled });
    const username = `fan_${unique()}`;
    await signUp(fan, username);
    // A newcomer may already have news (the founding-member badge of an early forum).
    expect(await fan.locator(".header-notifications").innerText()).toMatch(/^Notifications( \(\d+\))?$/);

    const title = `Show battery percentage inside the icon ${unique()}`;
    const id = await postSuggestion(fan, title, "Room for notification icons.");

    // Other things may already have told the fan something (a badge for a first idea).
    const unread = async () => Number(/\((\d+)\)/.exec(await fan.locator(".header-notifications").innerText())?.[1] ?? 0);
    await fan.goto("/notifications");
    const before = await unread();

    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto(`/s/${id}`);
    await staff.fill('#comment-form textarea[name="body"]', "Good idea, we'll try it.");
    await staff.check('#comment-form input[name="official"]');
    await staff.click('#comment-form button:has-text("Post comment")');
    await staff.waitForURL(/#comment-/);

    await fan.goto("/notifications");
    expect(await unread()).toBe(before + 1);
    const item = fan.locator(".notification.unread", { hasText: "Staff replied officially" });
    expect(await item.count()).toBe(1);
    expect(await item.locator("a").first().innerText()).toBe(`Staff replied officially to “${title}”`);
    // The link opens it through /notifications/:id, which marks it read (fan-defects.e2e.ts).
    expect(await item.locator("a").first().getAttribute("href")).toMatch(/^\/notifications\/\d+$/);

    await item.locator('button:has-text("Mark read")').click();
    await expect.poll(unread).toBe(before);
    expect(await fan.locator(".notification:not(.unread)", { hasText: "Staff replied officially" }).count()).toBe(1);
    if (before > 0) {
      await fan.click('button:has-text("Mark all read")');
      await expect.poll(() => fan.locator(".header-notifications").innerText()).toBe("Notifications");
    }
    expect(await fan.locator(".notification.unread").count()).toBe(0);

    // Email for official replies off, in-app kept; the grid shows what was saved.
    await fan.goto("/notifications/settings");
    await fan.getByLabel("Official replies: By email").uncheck();
    await fan.click('button:has-text("Save settings")');
    await fan.waitForURL(/\/notifications\/settings\?saved/);
    await fan.locator(".notice").waitFor();
    expect(await fan.getByLabel("Official replies: By email").isChecked()).toBe(false);
    expect(await fan.getByLabel("Official replies: In the inbox").isChecked()).toBe(true);

    expect(consoleErrors(fan)).toEqual([]);
  });

  test("visitors are sent to log in", async () => {
    const page = await newPage({ javaScriptEnabled });
    await page.goto("/notifications");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/notifications");
  });
});
