// What a newcomer stumbled on (issue 12, defects 1–5 and 8), each walked through in Chromium
// the way a fan does it.
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, test } from "vitest";
import { consoleErrors, logIn, newPage, postSuggestion, signUp, unique } from "./browser";

const db = new Database(inject("databaseUrl"));
db.pragma("busy_timeout = 5000");
afterAll(() => db.close());

describe("editing a suggestion", () => {
  test("its author edits title and description through the page", async () => {
    const fan = await newPage();
    await signUp(fan, `editor_${unique()}`);
    const id = await postSuggestion(fan, `Bigger clock on the lock screen ${unique()}`, "The clock is too small.");
    await fan.click(`a[href="/s/${id}/edit"]`);
    await fan.waitForURL(`**/s/${id}/edit`);
    expect(await fan.locator("h1").innerText()).toBe("Edit suggestion");
    const title = `A bigger clock on the lock screen ${unique()}`;
    await fan.fill('input[name="title"]', title);
    await fan.fill('textarea[name="body"]', "The clock is too small to read at a glance.");
    await fan.click('button:has-text("Save changes")');
    // With JavaScript the address changes before the new page is drawn.
    await expect.poll(() => fan.locator("h1").innerText()).toBe(title);
    expect(new URL(fan.url()).pathname).toBe(`/s/${id}`);
    expect(await fan.locator(".markdown").first().innerText()).toContain("too small to read at a glance");
    expect(consoleErrors(fan)).toEqual([]);
  });

  test("a level-3 member edits the title of someone else's suggestion, without JavaScript", async () => {
    const author = await newPage();
    await signUp(author, `author_${unique()}`);
    const id = await postSuggestion(author, `Quieter charging sound ${unique()}`, "It wakes me up.");
    const editorName = `titles_${unique()}`;
    const editor = await newPage({ javaScriptEnabled: false });
    await signUp(editor, editorName);
    db.prepare("update users set honor_level = 3, honor_level_manual = 3 where username = ?").run(editorName);
    await editor.goto(`/s/${id}`);
    await editor.click(`a[href="/s/${id}/edit"]`);
    expect(await editor.locator('textarea[name="body"]').count()).toBe(0);
    const title = `A quieter charging sound ${unique()}`;
    await editor.fill('input[name="title"]', title);
    await editor.click('button:has-text("Save changes")');
    await editor.waitForURL((url) => url.pathname === `/s/${id}`);
    expect(await editor.locator("h1").innerText()).toBe(title);
  });
});

describe("forms stay still under the pointer", () => {
  test("sign-up: after fixing the error, one click signs up", async () => {
    const page = await newPage();
    const username = `steady_${unique()}`;
    await page.goto("/signup");
    await page.fill('input[name="username"]', username);
    await page.fill('input[name="email"]', `${username}@example.com`);
    await page.fill('input[name="password"]', "short");
    await page.click('button[type="submit"]:has-text("Sign up")');
    const error = page.locator(".field-error");
    await error.first().waitFor();
    expect(await error.count()).toBe(1);
    await page.fill('input[name="password"]', "a-long-enough-password");
    await page.click('button[type="submit"]:has-text("Sign up")');
    await page.waitForURL((url) => url.pathname === "/");
    expect(consoleErrors(page)).toEqual([]);
  });

  test("comment: after fixing the error, one click posts it", async () => {
    const page = await newPage();
    await signUp(page, `commenter_${unique()}`);
    const id = await postSuggestion(page, `Haptic feedback for the keyboard ${unique()}`, "Softer, please.");
    await page.click('button:has-text("Post comment")');
    await page.locator("#comment-form .field-error").waitFor();
    const words = `Yes, softer ${unique()}`;
    await page.fill('textarea[name="body"]', words);
    await page.click('button:has-text("Post comment")');
    await page.waitForURL(new RegExp(`/s/${id}\\?comment=\\d+#comment-\\d+$`));
    await expect.poll(() => page.locator(".comment", { hasText: words }).count()).toBe(1);
  });
});

describe("the comment box", () => {
  test("is empty after a post, 'official' unticked, and a double click posts once", async () => {
    const fan = await newPage();
    await signUp(fan, `asker_${unique()}`);
    const id = await postSuggestion(fan, `Battery health history ${unique()}`, "Show it by month.");
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto(`/s/${id}`);
    const answer = `We are looking at it ${unique()}`;
    await staff.fill('#comment-form textarea[name="body"]', answer);
    await staff.check('#comment-form input[name="official"]');
    await staff.dblclick('#comment-form button:has-text("Post comment")');
    await staff.waitForURL(/#comment-\d+$/);
    await expect.poll(() => staff.locator('#comment-form textarea[name="body"]').inputValue()).toBe("");
    expect(await staff.locator('#comment-form input[name="official"]').isChecked()).toBe(false);
    await staff.reload();
    expect(await staff.locator(".comment", { hasText: answer }).count()).toBe(1);
    expect(consoleErrors(staff)).toEqual([]);
  });

  test("Reply puts the focus in the comment box", async () => {
    const fan = await newPage();
    await signUp(fan, `replier_${unique()}`);
    await postSuggestion(fan, `Per-app volume ${unique()}`, "Music loud, games quiet.");
    // The new suggestion's page, not the form it came from (both have a body field).
    await fan.locator('button:has-text("Post comment")').waitFor();
    await fan.fill('textarea[name="body"]', `First thought ${unique()}`);
    await fan.click('button:has-text("Post comment")');
    await fan.waitForURL(/#comment-\d+$/);
    await fan.click('.comment a:has-text("Reply")');
    await fan.waitForURL(/replyTo=\d+/);
    await fan.locator("text=Replying to").waitFor();
    await expect.poll(() => fan.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("body");
  });
});

describe("notifications", () => {
  test("opening one marks it read", async () => {
    const fan = await newPage();
    await signUp(fan, `reader_${unique()}`);
    const title = `Always-on display schedule ${unique()}`;
    const id = await postSuggestion(fan, title, "Off at night.");
    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto(`/s/${id}`);
    await staff.fill('#comment-form textarea[name="body"]', `Planned for the next update ${unique()}`);
    await staff.check('#comment-form input[name="official"]');
    await staff.click('#comment-form button:has-text("Post comment")');
    await staff.waitForURL(/#comment-\d+$/);

    await fan.goto("/notifications");
    const item = fan.locator(".notification", { hasText: title });
    expect(await item.getAttribute("class")).toContain("unread");
    await item.locator("a").first().click();
    await fan.waitForURL(new RegExp(`/s/${id}\\?comment=\\d+#comment-\\d+$`));
    await fan.goto("/notifications");
    expect(await fan.locator(".notification", { hasText: title }).getAttribute("class")).not.toContain("unread");
  });
});

describe("language", () => {
  test.each([true, false])("a chosen language can be given back to the browser (JavaScript enabled: %s)", async (javaScriptEnabled) => {
    const page = await newPage({ javaScriptEnabled, locale: "en-US" });
    await page.goto("/honors");
    expect(await page.locator('button[value="browser"]').count()).toBe(0);
    await page.click('.language-switch button[value="zh"]');
    await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
    await page.click('.language-switch button[value="browser"]');
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(new URL(page.url()).pathname).toBe("/honors");
    expect(await page.locator('button[value="browser"]').count()).toBe(0);
    expect((await page.context().cookies()).find((c) => c.name === "sprout_lang")).toBeUndefined();
  });
});
