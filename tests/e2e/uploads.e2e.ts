// A fan attaches a screenshot to a new suggestion, by picking it and by pasting it, and sees
// it on the page; a file that is not an image is refused next to the field with the text
// kept; the Markdown preview shows what will be stored.
import { describe, expect, test } from "vitest";
import { consoleErrors, newPage, signUp, unique } from "./browser";

const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

describe("images on a suggestion", () => {
  test("a picked screenshot and a pasted one show on the new suggestion's page, full size on click", async () => {
    const page = await newPage();
    await signUp(page, `shots_${unique()}`);
    await page.goto("/s/new");
    const screenshot = await page.screenshot({ type: "png" });
    const title = `Camera crashes on launch ${unique()}`;
    await page.fill('input[name="title"]', title);
    await page.selectOption('select[name="board"]', { index: 1 });
    await page.fill('textarea[name="body"]', "It **crashes** right away, see the screenshot.");
    await page.setInputFiles('input[name="images"]', { name: "screenshot.png", mimeType: "image/png", buffer: screenshot });

    // Paste a second image into the form, as from the clipboard.
    await page.locator('textarea[name="body"]').evaluate(async (textarea, bytes) => {
      const file = new File([new Uint8Array(bytes)], "pasted.png", { type: "image/png" });
      const clipboard = new DataTransfer();
      clipboard.items.add(file);
      textarea.dispatchEvent(new ClipboardEvent("paste", { clipboardData: clipboard, bubbles: true, cancelable: true }));
    }, [...screenshot]);
    await expect.poll(() => page.locator(".picked-files li").count()).toBe(2);

    // The preview is the server's rendering.
    await page.click('button:has-text("Preview")');
    await expect.poll(() => page.locator('[data-testid="markdown-preview"] strong').textContent()).toBe("crashes");
    await page.click('button:has-text("Write")');

    await page.click('button:has-text("Post suggestion")');
    await page.waitForURL(/\/s\/\d+$/);
    const images = page.locator('[data-testid="attachments"] img');
    await expect.poll(() => images.count()).toBe(2);
    await expect.poll(() => images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const href = await page.locator('[data-testid="attachments"] a').first().getAttribute("href");
    expect(href).toMatch(/^\/uploads\/[a-z2-7]{32}\.webp$/);
    const full = await page.request.get(href!);
    expect(full.status()).toBe(200);
    expect(full.headers()["content-type"]).toBe("image/webp");
    expect(full.headers()["x-content-type-options"]).toBe("nosniff");
    expect(consoleErrors(page)).toEqual([]);
  });

  test("without JavaScript, a file that is not an image is refused next to the field and the text is kept", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signUp(page, `nojs_${unique()}`);
    await page.goto("/s/new");
    const title = `Refused picture ${unique()}`;
    await page.fill('input[name="title"]', title);
    await page.selectOption('select[name="board"]', { index: 1 });
    await page.fill('textarea[name="body"]', "Some words that must survive.");
    await page.setInputFiles('input[name="images"]', { name: "cat.png", mimeType: "image/png", buffer: SVG });
    await page.click('button:has-text("Post suggestion")');
    await page.waitForLoadState();
    expect(await page.locator(".image-picker .field-error").innerText()).toContain("not a PNG, JPEG, WebP or GIF");
    expect(await page.inputValue('input[name="title"]')).toBe(title);
    expect(await page.inputValue('textarea[name="body"]')).toBe("Some words that must survive.");
  });
});
