// What fans expect from lists and the header: a vote button on every row of a board that
// votes in place with JavaScript and comes back to the same filtered list without it, and a
// header that is one row on a laptop and a compact bar on a phone, for every role.
import { describe, expect, test } from "vitest";
import { clickAndAwaitPost, consoleErrors, logIn, newPage, postSuggestion, signUp, unique } from "./browser";

const DEMO = {
  fan: "sprout-fan-demo",
  staff: "sprout-staff-demo",
  lead: "sprout-lead-demo",
  admin: "sprout-admin-demo",
} as const;

// A suggestion posted by someone else, and the board it is on.
async function othersSuggestion() {
  const author = await newPage();
  await signUp(author, `author_${unique()}`);
  const title = `Vote for me from the list ${unique()}`;
  const id = await postSuggestion(author, title, "Posted for the list-voting test.");
  const board = await author.locator(".suggestion-head .meta a[href^='/b/']").first().getAttribute("href");
  return { id, title, boardPath: board! };
}

describe.each([true, false])("voting from a board list (JavaScript enabled: %s)", (javaScriptEnabled) => {
  test("the row's button votes and takes the vote back; the list keeps its filters", async () => {
    const { id, boardPath } = await othersSuggestion();
    const fan = await newPage({ javaScriptEnabled });
    await signUp(fan, `voter_${unique()}`);
    const listUrl = `${boardPath}?sort=new&status=open`;
    await fan.goto(listUrl);
    const row = fan.locator(`#suggestion-${id}`);
    const button = row.locator("button.vote-pill");
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(await row.locator(".vote-pill .count").innerText()).toBe("1");
    if (javaScriptEnabled) {
      // A full page load would lose this marker: voting must not navigate.
      await fan.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    }
    const path = new URL(fan.url()).pathname + new URL(fan.url()).search;

    await clickAndAwaitPost(fan, button);
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => row.locator(".vote-pill .count").innerText()).toBe("2");
    const after = new URL(fan.url());
    expect(after.pathname + after.search).toBe(path);
    if (javaScriptEnabled) {
      expect(await fan.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    } else {
      // Back on the same list, at the row that was voted for.
      expect(after.hash).toBe(`#suggestion-${id}`);
    }

    // The vote was stored: a fresh load shows it, and it can be taken back the same way.
    await fan.goto(listUrl);
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await clickAndAwaitPost(fan, button);
    await expect.poll(() => row.locator(".vote-pill .count").innerText()).toBe("1");
    await fan.goto(listUrl);
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(consoleErrors(fan)).toEqual([]);
  });
});

test("a visitor's row links to logging in and back to the list", async () => {
  const { id, boardPath } = await othersSuggestion();
  const visitor = await newPage();
  await visitor.goto(`${boardPath}?sort=new`);
  const href = await visitor.locator(`#suggestion-${id} a.vote-pill`).getAttribute("href");
  expect(href).toBe(`/login?redirectTo=${encodeURIComponent(`${boardPath}?sort=new`)}`);
});

const VIEWPORTS = [
  { name: "laptop", width: 1280, height: 900, maxHeader: 72 },
  { name: "phone", width: 390, height: 844, maxHeader: 64 },
] as const;
const ROLES = ["visitor", "fan", "staff", "lead", "admin"] as const;

describe.each(ROLES)("the header as %s", (role) => {
  test.each(VIEWPORTS)("fits on a $name, in English and Chinese", async (viewport) => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    if (role !== "visitor") await logIn(page, role, DEMO[role]);
    // English last: choosing a language saves it on the account, and later files log in as
    // the same demo members expecting English.
    for (const language of ["zh", "en"] as const) {
      await page.goto("/b/camera");
      // The switch is in the bar for a visitor on a laptop, in the menu otherwise.
      const choice = page.locator(`.language-switch button[value="${language}"]:visible`);
      if ((await choice.count()) === 0) await page.locator(".header-menu summary").click();
      await Promise.all([page.waitForNavigation(), choice.first().click()]);
      expect(await page.locator("html").getAttribute("lang")).toBe(language === "zh" ? "zh-CN" : "en");
      const header = await page.locator(".site-header").boundingBox();
      expect(header!.height, `${role} ${viewport.name} ${language}`).toBeLessThanOrEqual(viewport.maxHeader);
      // One row: every item in the bar sits on the same line.
      const tops = await page.locator(".site-header .inner > *, .header-nav > :not(.wide-only):not(.narrow-only), .header-nav > *").evaluateAll((els) =>
        els.filter((el) => (el as HTMLElement).offsetParent !== null).map((el) => el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
      );
      expect(Math.max(...tops) - Math.min(...tops), `${role} ${viewport.name} ${language}`).toBeLessThan(12);
      // The first suggestion of a board starts on the first screen.
      const first = await page.locator(".suggestion-item").first().boundingBox();
      expect(first!.y).toBeLessThan(viewport.height - 60);
      if (viewport.name === "phone") expect(await page.locator(".header-search input").isVisible()).toBe(true);
      if (role !== "visitor") expect(await page.locator(".header-bell").isVisible()).toBe(true);
    }
    // The menu opens without JavaScript and holds what the role may reach (a visitor on a
    // laptop has everything in the bar, and no menu).
    const menu = role === "visitor" && viewport.name === "laptop" ? page.locator(".header-nav") : page.locator(".menu-panel");
    if (role !== "visitor" || viewport.name === "phone") {
      await page.locator(".header-menu summary").click();
      expect(await menu.isVisible()).toBe(true);
    }
    const links = await menu.locator("a:visible").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    if (role === "visitor") expect(links).toEqual(expect.arrayContaining(["/signup"]));
    else expect(await menu.locator("button", { hasText: /Log out|退出/ }).isVisible()).toBe(true);
    if (role === "staff" || role === "lead" || role === "admin") expect(links).toContain("/staff");
    if (role === "lead" || role === "admin") expect(links).toContain("/leads");
    if (role === "admin") expect(links).toContain("/admin");
    if (role === "fan") expect(links).not.toContain("/staff");
  });
});
