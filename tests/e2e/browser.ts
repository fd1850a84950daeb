// Debian's Chromium driven by playwright-core. Each test file that imports this gets one
// browser, closed after its tests; each page gets its own context, so its own cookies.
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, inject } from "vitest";
import { CHROMIUM_PATH } from "./global-setup";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Promise<Browser> | undefined;
const errorsByPage = new WeakMap<Page, string[]>();

afterAll(async () => {
  // A browser that failed to launch has already failed the test that needed it.
  await browser?.then((b) => b.close(), () => undefined);
});

export async function newPage({ javaScriptEnabled = true, locale = "en-US" } = {}): Promise<Page> {
  browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  // English unless a test switches language, so assertions on text are predictable.
  const context = await (await browser).newContext({ baseURL: inject("baseUrl"), javaScriptEnabled, locale });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  errorsByPage.set(page, errors);
  return page;
}

// Console errors and uncaught exceptions seen so far on a page made by newPage().
export function consoleErrors(page: Page): string[] {
  return errorsByPage.get(page) ?? [];
}

// Logs in through the real form (it works with and without JavaScript).
export async function logIn(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('input[name="password"]').press("Enter");
  try {
    await page.waitForURL((url) => url.pathname !== "/login", { timeout: 10_000 });
  } catch {
    throw new Error(`Logging in as ${username} failed; the page says: ${(await page.locator("body").innerText()).slice(0, 300)}`);
  }
}
