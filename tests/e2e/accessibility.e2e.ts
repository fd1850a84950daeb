// An axe-core sweep of the main pages in Chromium, as a visitor, a member and staff, on a
// laptop and a phone: no serious or critical violation (WCAG 2.1 A and AA rules). Plus what
// axe cannot see: the vote button's pressed state.
import AxeBuilder from "@axe-core/playwright";
import { describe, expect, test } from "vitest";
import { clickAndAwaitPost, logIn, newPage, postSuggestion, signUp, unique } from "./browser";

const PUBLIC_PAGES = ["/", "/b/camera", "/s/1", "/search?q=dark", "/roadmap", "/changelog", "/honors", "/honors/levels", "/u/alex_chen", "/login", "/signup"];
const MEMBER_PAGES = ["/", "/s/1", "/s/new", "/notifications", "/notifications/settings", "/invite", "/complaints/new", "/account", "/u/fan"];
const STAFF_PAGES = ["/", "/s/1", "/staff", "/staff/moderation", "/staff/releases", "/staff/campaigns", "/staff/complaints", "/staff/settings"];

// Every page on a laptop; on a phone the first pages of each list (the layouts that change
// with the width are the header, lists and the suggestion page), to keep the sweep short.
const VIEWPORTS = [
  { width: 1280, height: 900, pages: Infinity },
  { width: 390, height: 844, pages: 3 },
];

type Finding = { page: string; rule: string; impact: string; targets: string[]; help: string };

async function sweep(role: "visitor" | "member" | "staff", paths: string[]): Promise<{ findings: Finding[]; checked: number }> {
  const findings: Finding[] = [];
  let checked = 0;
  for (const viewport of VIEWPORTS) {
    const page = await newPage();
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    if (role === "member") await logIn(page, "fan", "sprout-fan-demo");
    if (role === "staff") await logIn(page, "staff", "sprout-staff-demo");
    for (const path of paths.slice(0, viewport.pages)) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      for (const v of results.violations) {
        if (v.impact !== "serious" && v.impact !== "critical") continue;
        findings.push({ page: `${path} ${viewport.width}px`, rule: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")), help: v.help });
      }
      checked += 1;
    }
    await page.context().close();
  }
  return { findings, checked };
}

describe("accessibility (axe-core, WCAG 2.1 AA)", () => {
  test.each([
    ["visitor", PUBLIC_PAGES],
    ["member", MEMBER_PAGES],
    ["staff", STAFF_PAGES],
  ] as const)("the main pages as %s have no serious or critical violation", async (role, paths) => {
    const { findings, checked } = await sweep(role, [...paths]);
    console.info(`axe as ${role}: ${checked} page views, ${findings.length} serious or critical findings`);
    expect(findings).toEqual([]);
    expect(checked).toBe(VIEWPORTS.reduce((n, v) => n + Math.min(v.pages, paths.length), 0));
  });

  test("the vote button says whether it is pressed", async () => {
    const author = await newPage();
    await signUp(author, `a11y_author_${unique()}`);
    const id = await postSuggestion(author, `Larger touch targets ${unique()}`, "For shaky hands.");
    const voter = await newPage();
    await signUp(voter, `a11y_voter_${unique()}`);
    await voter.goto(`/s/${id}`);
    const button = voter.locator('.vote-box button[type="submit"]');
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    await clickAndAwaitPost(voter, button);
    await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
    await voter.reload();
    expect(await voter.locator('.vote-box button[type="submit"]').getAttribute("aria-pressed")).toBe("true");
  });
});
