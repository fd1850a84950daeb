// The product lead's dashboard on the demo data: the score, its trend chart (server-rendered,
// so it is there without JavaScript), a CSV download, and members kept out.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { consoleErrors, logIn, newPage } from "./browser";

describe("leads' dashboard", () => {
  test("a lead sees the score and its trend, and downloads a table as CSV", async () => {
    const lead = await newPage();
    await logIn(lead, "lead", "sprout-lead-demo");
    await lead.goto("/leads");
    const total = Number(await lead.getByTestId("score-total").innerText());
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(100);
    // The demo data holds eight weeks of snapshots: a line with a point per week.
    const chart = lead.getByTestId("trend-chart");
    expect(await chart.locator("title").first().textContent()).toBe("Word-of-mouth score by week");
    expect(await chart.locator(".series-total circle").count()).toBe(8);
    expect(await lead.getByTestId("breakdown").locator("tbody tr").count()).toBeGreaterThan(5);

    const [download] = await Promise.all([lead.waitForEvent("download"), lead.getByTestId("csv-trend").click()]);
    expect(download.suggestedFilename()).toBe("sprout-trend.csv");
    const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Week of,Total,Satisfaction,Achievement,Loyalty,Formula");
    expect(lines.slice(1).every((line) => line.endsWith(",current"))).toBe(true);
    expect(lines).toHaveLength(9);

    // A board's own dashboard from the comparison table.
    await lead.locator('a[href^="/leads?board="]').first().click();
    await lead.waitForURL(/\/leads\?board=/);
    expect(await lead.getByTestId("trend-chart").count()).toBe(1);
    expect(consoleErrors(lead)).toEqual([]);
  });

  test("without JavaScript the charts are there, and members are refused", async () => {
    const admin = await newPage({ javaScriptEnabled: false });
    await logIn(admin, "admin", "sprout-admin-demo");
    await admin.goto("/leads");
    expect(await admin.getByTestId("trend-chart").count()).toBe(1);
    // Response times, and loyalty by join month.
    expect(await admin.getByTestId("bar-chart").count()).toBe(2);

    const fan = await newPage({ javaScriptEnabled: false });
    await logIn(fan, "fan", "sprout-fan-demo");
    expect((await fan.goto("/leads"))?.status()).toBe(403);
    expect((await fan.request.get("/leads/csv/trend")).status()).toBe(403);
  });
});

describe("leads' member list", () => {
  test("a lead filters members to one cohort, sorts by loyalty, opens a member and downloads the list", async () => {
    const lead = await newPage();
    await logIn(lead, "lead", "sprout-lead-demo");
    await lead.goto("/leads");
    await lead.getByTestId("members-link").click();
    await lead.waitForURL(/\/leads\/members$/);
    expect(await lead.getByTestId("member-row").count()).toBeGreaterThan(10);

    // The demo's members joined over several months: keep one month.
    const cohort = await lead.getByTestId("filter-cohort").locator("option").nth(2).getAttribute("value");
    await lead.getByTestId("filter-cohort").selectOption(cohort!);
    await lead.getByTestId("apply-filters").click();
    await lead.waitForURL(new RegExp(`cohort=${cohort}`));
    const cohorts = await lead.locator('[data-testid="member-row"] td[data-column="cohort"]').allInnerTexts();
    expect(cohorts.length).toBeGreaterThan(1);
    expect(new Set(cohorts)).toEqual(new Set([cohort]));

    // Loyalty is the default order (highest first); its header turns it around.
    await lead.getByTestId("sort-loyalty").click();
    await lead.waitForURL(/sort=loyalty&dir=asc/);
    const loyalty = (await lead.locator('[data-testid="member-row"] td[data-column="loyalty"]').allInnerTexts()).map(Number);
    expect(loyalty).toEqual([...loyalty].sort((a, b) => a - b));
    expect(loyalty).toHaveLength(cohorts.length);

    const [download] = await Promise.all([lead.waitForEvent("download"), lead.getByTestId("csv-members").click()]);
    expect(download.suggestedFilename()).toBe(`sprout-members-${cohort}.csv`);
    const lines = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0].startsWith("Username,Member,Loyalty,")).toBe(true);
    expect(lines).toHaveLength(1 + cohorts.length);
    expect(lines.slice(1).map((l) => Number(l.split(",")[2]))).toEqual(loyalty);

    const first = lead.getByTestId("member-link").first();
    const name = await first.innerText();
    await first.click();
    await lead.waitForURL(/\/leads\/members\/[^/]+$/);
    expect(await lead.locator("h1").innerText()).toContain(name);
    expect(await lead.getByTestId("loyalty-percentile").count()).toBe(1);
    expect(consoleErrors(lead)).toEqual([]);
  });
});
