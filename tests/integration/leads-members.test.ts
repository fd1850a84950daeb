// The leads' member list and its CSV through their real loaders, read from the rows the weekly
// recomputation stores; the weekly schedule's claim; the dashboard before this week's run.
import { beforeEach, describe, expect, test } from "vitest";
import { getDb } from "~/platform/db.server";
import { drillDownHref } from "~/features/leads/member-list";
import { claimWeek, runWeeklyScoreIfDue, CLAIM_EXPIRES_MS } from "~/features/scoring/schedule.server";
import { loader as dashboardLoader } from "~/routes/leads._index";
import { loader as listLoader } from "~/routes/leads.members._index";
import { loader as csvLoader } from "~/routes/leads.members[.]csv";
import { loader as memberLoader } from "~/routes/leads.members.$username";
import { recomputeScores } from "~/features/scoring/snapshots.server";
import { addWeeks, weekStart } from "~/features/scoring/weeks";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const DAY = 24 * 3_600_000;

// One database per file: each test starts from a forum with no people and no stored weeks.
beforeEach(() => {
  getDb().$client.exec(
    "delete from member_loyalty; delete from score_runs; delete from score_snapshots; delete from suggestions; delete from activity_days; delete from users; delete from boards;",
  );
});
type List = Awaited<ReturnType<typeof listLoader>>;

// Join months relative to today: two members joined five months ago, one four months ago.
const monthStart = (monthsAgo: number) => {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1, 10);
};
const C1 = new Date(monthStart(5)).toISOString().slice(0, 7);
const C2 = new Date(monthStart(4)).toISOString().slice(0, 7);

const dayAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
function visit(userId: number, ...daysAgo: number[]) {
  const insert = getDb().$client.prepare("insert or ignore into activity_days (user_id, day) values (?, ?)");
  for (const d of daysAgo) insert.run(userId, dayAgo(d));
}

// Three members in two join months: a loyal one visiting every week, one quiet for 40 days,
// one never seen again. A lead to read them.
async function forum() {
  const lead = await createMember({ role: "lead" });
  const loyal = await createMember({ username: "loyal_lin", displayName: "Lin Loyal", createdAt: new Date(monthStart(5) + 9 * DAY) });
  const fading = await createMember({ username: "fading_fu", displayName: "Fu Fading", createdAt: new Date(monthStart(5) + 19 * DAY) });
  const gone = await createMember({ username: "gone_gao", displayName: "Gao Gone", createdAt: new Date(monthStart(4) + DAY) });
  visit(loyal.id, ...Array.from({ length: 12 }, (_, w) => w * 7 + 1));
  visit(fading.id, 40, 47, 54);
  const board = createBoard({ slug: "cameras" });
  await createSuggestion({ board, author: loyal, createdAt: new Date(Date.now() - 5 * DAY) });
  return { lead, loyal, fading, gone, board };
}

const list = async (user: { id: number }, query = "") => {
  const result = await outcome(() => listLoader(routeArgs(requestAs(user, `/leads/members${query}`))));
  expect(result.status).toBe(200);
  return result.body as List;
};

describe("rights", () => {
  test("only leads and admins see the member list and download it", async () => {
    const member = await createMember();
    const staff = await createStaff();
    const lead = await createMember({ role: "lead" });
    const admin = await createMember({ role: "admin" });
    for (const [user, status] of [[null, 403], [member, 403], [staff, 403], [lead, 200], [admin, 200]] as const) {
      expect((await outcome(() => listLoader(routeArgs(requestAs(user, "/leads/members"))))).status, user?.role ?? "visitor").toBe(status);
      expect((await outcome(() => csvLoader(routeArgs(requestAs(user, "/leads/members.csv"))))).status, user?.role ?? "visitor").toBe(status);
    }
  });
});

describe("the member list", () => {
  test("before any stored week it is empty and says so, without computing anything", async () => {
    const { lead } = await forum();
    const body = await list(lead);
    expect(body.week).toBeNull();
    expect(body.rows).toEqual([]);
  });

  test("reads the stored week: every member with loyalty, its parts, percentile, cohort and status", async () => {
    const { lead } = await forum();
    recomputeScores();
    const body = await list(lead);
    expect(body.week).toBe(weekStart(new Date()));
    expect(body.total).toBe(3);
    // Sorted by loyalty, highest first, by default.
    expect(body.rows.map((r) => r.username)).toEqual(["loyal_lin", "fading_fu", "gone_gao"]);
    const [loyal, fading, gone] = body.rows;
    expect(loyal.loyalty).toBeGreaterThan(fading.loyalty);
    expect(loyal.percentile).toBe(100);
    expect(gone.percentile).toBe(0);
    expect(loyal).toMatchObject({ cohort: C1, status: "active", lastActive: dayAgo(1), boards: [{ slug: "cameras" }] });
    expect(fading).toMatchObject({ cohort: C1, status: "at_risk", lastActive: dayAgo(40) });
    expect(gone).toMatchObject({ cohort: C2, status: "gone", lastActive: null });
    // The parts add up to the loyalty dimension (26 points of loyalty terms in all).
    const parts = loyal.returning + loyal.activeWeeks + loyal.repeatContribution + loyal.honors + loyal.privileges + loyal.recommendation + loyal.invitations;
    expect(Math.round((1000 * parts) / 26) / 10).toBeCloseTo(loyal.loyalty, 0);
    expect(body.filterOptions.cohorts).toEqual([C2, C1]);
  });

  test("filters by cohort, status, band, board and name; sorts any column both ways; pages", async () => {
    const { lead } = await forum();
    recomputeScores();
    expect((await list(lead, `?cohort=${C1}`)).rows.map((r) => r.username)).toEqual(["loyal_lin", "fading_fu"]);
    expect((await list(lead, `?cohort=${C1}&sort=loyalty&dir=asc`)).rows.map((r) => r.username)).toEqual(["fading_fu", "loyal_lin"]);
    expect((await list(lead, "?status=at_risk")).rows.map((r) => r.username)).toEqual(["fading_fu"]);
    expect((await list(lead, "?board=cameras")).rows.map((r) => r.username)).toEqual(["loyal_lin"]);
    expect((await list(lead, "?q=gao")).rows.map((r) => r.username)).toEqual(["gone_gao"]);
    expect((await list(lead, "?q=%25")).rows).toEqual([]);
    expect((await list(lead, "?band=low")).rows.every((r) => r.loyalty < 40)).toBe(true);
    expect((await list(lead, "?sort=name")).rows.map((r) => r.displayName)).toEqual(["Fu Fading", "Gao Gone", "Lin Loyal"]);
    expect((await list(lead, "?sort=joinedAt&dir=asc")).rows.map((r) => r.username)).toEqual(["loyal_lin", "fading_fu", "gone_gao"]);
    // Malformed values are ignored, never a 500; an unknown board is dropped from the filters.
    const odd = await list(lead, "?sort=password&dir=sideways&page=0&cohort=June&level=9&board=nope&band=huge");
    expect(odd.total).toBe(3);
    expect(odd.query.board).toBeUndefined();

    for (let i = 0; i < 60; i++) await createMember({ username: `crowd_${i}`, createdAt: new Date(monthStart(3) + 4 * DAY) });
    recomputeScores();
    const first = await list(lead);
    expect(first).toMatchObject({ total: 63, pages: 2, page: 1 });
    expect(first.rows).toHaveLength(50);
    const second = await list(lead, "?page=2");
    expect(second.rows).toHaveLength(13);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.username)).size).toBe(63);
    expect((await list(lead, "?page=99")).page).toBe(2);
  });

  // Through one session: signing in is a write, and any write makes the kept pages stale.
  test("each query's page is kept until the forum changes, never served for another query", async () => {
    const { lead, loyal } = await forum();
    recomputeScores();
    const { headers } = requestAs(lead, "/leads/members");
    const read = (query: string) => listLoader(routeArgs(new Request(`http://localhost/leads/members${query}`, { headers }))) as List;
    const byName = read("?sort=name");
    expect(read("?sort=name")).toBe(byName);
    expect(byName.rows.map((r) => r.username)).toEqual(["fading_fu", "gone_gao", "loyal_lin"]);
    expect(read("?sort=name&dir=desc").rows.map((r) => r.username)).toEqual(["loyal_lin", "gone_gao", "fading_fu"]);
    expect(read(`?cohort=${C2}`).rows.map((r) => r.username)).toEqual(["gone_gao"]);
    getDb().$client.prepare("update users set display_name = 'Lin Renamed' where id = ?").run(loyal.id);
    expect(read("?sort=name").rows.find((r) => r.username === "loyal_lin")?.displayName).toBe("Lin Renamed");
  });

  test("the CSV streams every filtered row, with the table's labels in the lead's language", async () => {
    const { loyal } = await forum();
    for (let i = 0; i < 1_200; i++) getDb().$client.prepare("insert into users (username, display_name, email, password_hash, role, created_at) values (?, ?, ?, 'x', 'member', ?)").run(`bulk_${i}`, `Bulk ${i}`, `bulk_${i}@example.com`, monthStart(5) + 14 * DAY);
    recomputeScores();
    const zhLead = await createMember({ role: "lead", locale: "zh" });
    const response = (await outcome(() => csvLoader(routeArgs(requestAs(zhLead, `/leads/members.csv?cohort=${C1}&sort=loyalty`))))).body as Response;
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="sprout-members-${C1}.csv"`);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0].split(",").slice(0, 4)).toEqual(["用户名", "成员", "忠诚度", "回访"]);
    // All 1,202 members of that month, beyond the page size and the stream's chunks; loyal first.
    expect(lines).toHaveLength(1 + 1_202);
    expect(lines[1].startsWith(`${loyal.username},Lin Loyal,`)).toBe(true);
    expect(lines[1]).toContain(",活跃,");

    const enLead = await createMember({ role: "lead", locale: "en" });
    const en = (await outcome(() => csvLoader(routeArgs(requestAs(enLead, "/leads/members.csv?status=gone&q=gao"))))).body as Response;
    const enLines = (await en.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(enLines[0]).toBe(
      "Username,Member,Loyalty,Returning,Active weeks,Repeat contribution,Honors held,Privileges held,Recommendation,Friends who stay,Achievement,Satisfaction,Percentile,Honor level,Cohort,Boards,Joined,Last active,Status,Invitees who stayed",
    );
    expect(enLines.slice(1).map((l) => l.split(",")[0])).toEqual(["gone_gao"]);
  });
});

describe("the weekly schedule", () => {
  test("exactly one run per week, however many processes check; a dead run's claim is taken over", async () => {
    await forum();
    const now = new Date();
    const first = runWeeklyScoreIfDue(now, getDb(), "worker 1");
    const second = runWeeklyScoreIfDue(now, getDb(), "worker 2");
    expect(first.ran).toBe(true);
    expect(second.ran).toBe(false);
    const runs = getDb().$client.prepare("select week_start, claimed_by, finished_at from score_runs").all() as { week_start: string; claimed_by: string; finished_at: number | null }[];
    expect(runs).toEqual([{ week_start: weekStart(now), claimed_by: "worker 1", finished_at: expect.any(Number) }]);
    expect(getDb().$client.prepare("select count(*) from member_loyalty").pluck().get()).toBe(3);

    // Next week: a claim whose process died is not finished; others wait until it expires.
    const next = addWeeks(weekStart(now), 1);
    const at = Date.parse(`${next}T01:00:00Z`);
    expect(claimWeek(next, "worker 1", at)).toBe(true);
    expect(claimWeek(next, "worker 2", at + 60_000)).toBe(false);
    expect(claimWeek(next, "worker 2", at + CLAIM_EXPIRES_MS + 1)).toBe(true);
    expect(claimWeek(next, "worker 3", at + CLAIM_EXPIRES_MS + 60_000)).toBe(false);
  });

  test("the dashboard shows last week's stored score with a note until this week's run", async () => {
    const { lead } = await forum();
    recomputeScores(new Date(Date.now() - 7 * DAY));
    const body = (await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads"))))).body as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(body.data.current).toMatchObject({ live: false, earlierWeek: true, weekStart: weekStart(new Date(Date.now() - 7 * DAY)) });
  });
});

describe("one definition of suggestions and shipped", () => {
  test("the funnel counts the suggestions the score counts, as of the shown week", async () => {
    const { lead, loyal, board } = await forum();
    // Shipped long ago (outside the score's 180-day window), shipped recently, a duplicate.
    await createSuggestion({ board, author: loyal, status: "shipped", createdAt: new Date(Date.now() - 200 * DAY), firstOfficialReplyAt: new Date(Date.now() - 199 * DAY) });
    await createSuggestion({ board, author: loyal, status: "shipped", createdAt: new Date(Date.now() - 20 * DAY), firstOfficialReplyAt: new Date(Date.now() - 19 * DAY) });
    await createSuggestion({ board, author: loyal, status: "duplicate", createdAt: new Date(Date.now() - 10 * DAY) });
    recomputeScores();
    // Shipped after the snapshot: the stored week does not know it yet, and neither does the funnel.
    await createSuggestion({ board, author: loyal, status: "shipped", createdAt: new Date(), firstOfficialReplyAt: new Date() });
    const body = (await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads"))))).body as Awaited<ReturnType<typeof dashboardLoader>>;
    const { adoption } = body.data.current.signals;
    expect(adoption).toMatchObject({ posted: 2, shipped: 1 });
    expect(Object.fromEntries(body.data.funnel.map((s) => [s.step, s.count]))).toEqual({ posted: 2, answered: 1, planned: 1, shipped: 1 });
  });
});

describe("a member's history", () => {
  test("kept beyond 12 weeks as compact rows; the member's page charts it and says what moved their loyalty", async () => {
    const { lead, loyal } = await forum();
    for (let w = 13; w >= 0; w--) recomputeScores(new Date(Date.now() - w * 7 * DAY));
    const weeks = (sql: string) => getDb().$client.prepare(sql).pluck().get();
    expect(weeks("select count(distinct week_start) from member_loyalty")).toBe(14);
    // Full signals only for the trend's 12 weeks; the community's for every week.
    expect(weeks("select count(distinct week_start) from score_snapshots where scope = 'member'")).toBe(12);
    expect(weeks("select count(distinct week_start) from score_snapshots where scope = 'community'")).toBe(14);

    const page = (await outcome(() => memberLoader(routeArgs(requestAs(lead, "/leads/members/loyal_lin"), { username: "loyal_lin" })))).body as Awaited<ReturnType<typeof memberLoader>>;
    expect(page.history.weeks).toHaveLength(14);
    expect(page.suggestions).toHaveLength(1);
    // Her weekly visits started 12 weeks ago: the week before they began, her loyalty was lower.
    expect(page.history.weeks[0].loyalty).toBeLessThan(page.history.weeks.at(-1)!.loyalty);
    expect(page.history.since).toBe(addWeeks(weekStart(new Date()), -1));
    expect(page.history.changes.every((c) => c.change !== 0)).toBe(true);
    expect(loyal.id).toBe(page.scope.kind === "member" ? page.scope.userId : -1);
  });
});

describe("cohorts", () => {
  test("monthly join cohorts: retention by month since joining, loyalty and the gone, each linked to its members", async () => {
    const { lead, loyal } = await forum();
    const now = new Date();
    const thisMonth = now.toISOString().slice(0, 7);
    const newcomer = await createMember({ username: "new_nan", createdAt: new Date(`${thisMonth}-01T00:30:00Z`) });
    visit(newcomer.id, 0);
    visit(loyal.id, 0);
    recomputeScores();
    const body = (await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads"))))).body as Awaited<ReturnType<typeof dashboardLoader>>;
    const cohorts = body.data.cohorts!;
    expect(cohorts).toHaveLength(12);
    expect(cohorts.at(-1)).toMatchObject({ month: thisMonth, members: 1, retention: [1], active: 1, gone: 0 });
    const june = cohorts.find((c) => c.month === C1)!;
    expect(june).toMatchObject({ members: 2, gone: 0, active: 1 });
    // Loyal Lin visited in each of the last 12 weeks; Fu's last visit was 40 days ago.
    expect(june.retention.at(-1)).toBe(0.5);
    const july = cohorts.find((c) => c.month === C2)!;
    expect(july).toMatchObject({ members: 1, gone: 1, active: 0 });
    expect(july.retention.every((share) => share === 0)).toBe(true);
    // The average loyalty is the member list's, for the same cohort.
    const listed = await list(lead, `?cohort=${C1}`);
    expect(june.loyalty).toBeCloseTo(listed.rows.reduce((sum, r) => sum + r.loyalty, 0) / 2, 1);
  });
});

describe("drill-down", () => {
  test("each breakdown row's link lists the members behind it", async () => {
    const { lead, fading, gone, loyal, board } = await forum();
    const shipped = await createSuggestion({ board, author: loyal, status: "shipped", createdAt: new Date(Date.now() - 30 * DAY) });
    getDb().$client.prepare("insert into ratings (suggestion_id, user_id, score, created_at) values (?, ?, 1, ?)").run(shipped.id, fading.id, Date.now() - 45 * DAY);
    getDb().$client.prepare("update users set honor_level_manual = 2 where id = ?").run(gone.id);
    recomputeScores();
    const body = (await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads"))))).body as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(body.data.current.report.terms.map((t) => t.id)).toContain("featureRatings");
    const members = async (href: string) => (await list(lead, href.replace("/leads/members", ""))).rows.map((r) => r.username);
    expect(await members(drillDownHref("featureRatings")!)).toEqual(["fading_fu"]);
    expect(await members(drillDownHref("privileges")!)).toEqual(["gone_gao"]);
    expect(await members(drillDownHref("returning")!)).toEqual(["gone_gao"]);
    expect(await members(drillDownHref("honors")!)).toEqual([]);
    expect(drillDownHref("stickiness", "cameras")).toBe("/leads/members?status=at_risk&board=cameras");
    expect(drillDownHref("decisions")).toBeNull();
  });
});
