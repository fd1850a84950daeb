// Debian's Chromium driven by playwright-core. Each test file that imports this gets one
// browser, closed after its tests; each page gets its own context, so its own cookies.
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
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

// Six hex digits that keep titles and usernames of one run apart from another's.
// Clicks a button that posts a form and waits for the server's answer, not only for what the
// page shows at once (an optimistic vote): leaving or reloading the page earlier would cancel
// the request.
export async function clickAndAwaitPost(page: Page, button: Locator) {
  await Promise.all([page.waitForResponse((response) => response.request().method() === "POST"), button.click()]);
}

export const unique = () => randomBytes(3).toString("hex");

// Signs up through the real form and lands on the home page, logged in.
export async function signUp(page: Page, username: string) {
  await page.goto("/signup");
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="email"]', `${username}@example.com`);
  await page.fill('input[name="password"]', "a-long-enough-password");
  await page.click('button[type="submit"]:has-text("Sign up")');
  await page.waitForURL((url) => url.pathname === "/");
}

// Posts a suggestion on the first board through the real form; returns its id.
export async function postSuggestion(page: Page, title: string, body: string) {
  await page.goto("/s/new");
  await page.fill('input[name="title"]', title);
  await page.selectOption('select[name="board"]', { index: 1 });
  await page.fill('textarea[name="body"]', body);
  await page.click('button:has-text("Post suggestion")');
  await page.waitForURL(/\/s\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}
