// The foundation as a person uses it, in a real browser against the production server:
// sign up, post, vote, comment, an official staff reply, Chinese search, switching
// language, and the same post with JavaScript turned off.
import { describe, expect, test } from "vitest";
import { consoleErrors, logIn, newPage, postSuggestion, signUp, unique } from "./browser";

// Markdown a fan would write: emphasis and a list.
const FAN_BODY = "It would help **a lot**:\n\n- at night\n- on trains";

describe.each([true, false])("a new fan (JavaScript enabled: %s)", (javaScriptEnabled) => {
  test("signs up, posts a suggestion, votes and comments", async () => {
    const page = await newPage({ javaScriptEnabled });
    const username = `fan_${unique()}`;
    await signUp(page, username);
    await expect.poll(() => page.locator("header").innerText()).toContain(username);

    // A too-short title is refused next to the field, and what was typed stays.
    await page.goto("/s/new");
    await page.fill('input[name="title"]', "Short");
    await page.fill('textarea[name="body"]', "My careful description");
    await page.click('button:has-text("Post suggestion")');
    await expect.poll(() => page.locator(".field-error").first().innerText()).toContain("8 to 140");
    expect(await page.inputValue('textarea[name="body"]')).toBe("My careful description");

    if (javaScriptEnabled) {
      // While the title is typed, look-alike suggestions are offered to avoid duplicates.
      await page.fill('input[name="title"]', "Schedule dark mode automatically");
      await expect.poll(() => page.locator(".similar a").count()).toBeGreaterThan(0);
      expect((await page.locator(".similar").innerText()).toLowerCase()).toContain("dark mode");
    }

    const title = `Quiet hours for group chats ${unique()}`;
    const id = await postSuggestion(page, title, FAN_BODY);
    // With JavaScript the address can change a moment before the new page is rendered.
    await expect.poll(() => page.locator("h1").innerText()).toBe(title);
    expect(await page.locator(".markdown strong").first().innerText()).toBe("a lot");
    // The author's own vote is already counted.
    expect(await page.getByTestId("vote-count").innerText()).toBe("1");

    // With JavaScript the count changes before the server answers: wait for the answer
    // before reloading, or the reload can outrun the vote.
    const voteAnswered = () => page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/s/${id}`));
    await Promise.all([voteAnswered(), page.click('button:has-text("Voted")')]);
    await expect.poll(() => page.getByTestId("vote-count").innerText()).toBe("0");
    await Promise.all([voteAnswered(), page.click('button:has-text("Vote")')]);
    await expect.poll(() => page.getByTestId("vote-count").innerText()).toBe("1");
    await page.reload();
    expect(await page.getByTestId("vote-count").innerText()).toBe("1");

    await page.fill('textarea[name="body"]', "Adding: also on **weekends**");
    await page.click('button:has-text("Post comment")');
    await page.waitForURL(new RegExp(`/s/${id}\\?comment=(\\d+)#comment-\\1$`));
    await expect.poll(() => page.locator(".comment").last().innerText()).toContain("Adding: also on weekends");
    // The refused short title answered 400 on purpose; nothing else may have failed.
    expect(consoleErrors(page).filter((e) => !e.includes("status of 400"))).toEqual([]);
  });
});

describe("staff", () => {
  test("post an official reply, shown first and badged", async () => {
    const fan = await newPage();
    await signUp(fan, `fan_${unique()}`);
    const id = await postSuggestion(fan, `Bigger clock on the lock screen ${unique()}`, FAN_BODY);
    // The address changes a moment before the new page renders: typing earlier would fill the
    // form of the page being left.
    await expect.poll(() => fan.locator("h1").innerText()).toContain("Bigger clock on the lock screen");
    await fan.fill('textarea[name="body"]', "A first fan comment");
    await fan.click('button:has-text("Post comment")');
    await fan.waitForURL(/#comment-/, { timeout: 90_000 });

    const staff = await newPage();
    await logIn(staff, "staff", "sprout-staff-demo");
    await staff.goto(`/s/${id}`);
    await staff.fill('#comment-form textarea[name="body"]', "Thanks! We are looking into it.");
    await staff.check('#comment-form input[name="official"]');
    await staff.click('#comment-form button:has-text("Post comment")');
    await staff.waitForURL(/#comment-/, { timeout: 90_000 });
    const first = staff.locator(".comment-list > .comment").first();
    await expect.poll(() => first.innerText()).toContain("Thanks! We are looking into it.");
    expect(await first.locator(".badge-official").innerText()).toBe("Official");

    // A fan cannot post officially even by forging the field: the server ignores the UI.
    const response = await fan.request.post(`/s/${id}`, {
      form: { intent: "comment", body: "forged", official: "on" },
      headers: { Origin: new URL(fan.url()).origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
  });
});

describe("search and languages", () => {
  test("finds Chinese text and switches the interface to Chinese and back", async () => {
    const page = await newPage();
    await page.goto(`/search?q=${encodeURIComponent("相机")}`);
    expect(await page.locator(".search-results li").count()).toBeGreaterThan(0);
    expect(await page.locator(".search-results mark").first().innerText()).toBe("相机");

    await page.goto("/");
    await page.click('button[name="language"][value="zh"]');
    await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("zh-CN");
    // Components pick up the new language's translator in the render after the document's.
    await expect.poll(() => page.locator("h1").innerText()).toBe("一起决定下一步做什么");
    await page.click('button[name="language"][value="en"]');
    await expect.poll(() => page.locator("h1").innerText()).toBe("Shape what ships next");
  });

  test("follows the browser's language when nothing was chosen", async () => {
    const page = await newPage({ locale: "zh-CN" });
    await page.goto("/");
    expect(await page.locator("h1").innerText()).toBe("一起决定下一步做什么");
  });
});
