// The leads' dashboard and its CSV downloads through their real loaders: who may see them,
// unknown scopes, and what a download contains. Plus the recommendation survey's rules.
import { describe, expect, test } from "vitest";
import { recommendationAnswers } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { recordRecommendation, shouldAskRecommendation } from "~/features/scoring/recommendations.server";
import { recomputeScores } from "~/features/scoring/snapshots.server";
import { saveSettings } from "~/platform/settings.server";
import { loader as csvLoader } from "~/routes/leads.csv.$table";
import { loader as dashboardLoader } from "~/routes/leads._index";
import { loader as memberLoader } from "~/routes/leads.members.$username";
import { action as recommendAction } from "~/routes/recommend";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const DAY = 24 * 3_600_000;

async function people() {
  return {
    member: await createMember(),
    staff: await createStaff(),
    lead: await createMember({ role: "lead" }),
    admin: await createMember({ role: "admin" }),
  };
}

describe("rights", () => {
  test("only leads and admins see the dashboard and download its tables", async () => {
    const { member, staff, lead, admin } = await people();
    for (const [user, status] of [[null, 403], [member, 403], [staff, 403], [lead, 200], [admin, 200]] as const) {
      expect((await outcome(() => dashboardLoader(routeArgs(requestAs(user, "/leads"))))).status, user?.role ?? "visitor").toBe(status);
      const csv = await outcome(() => csvLoader(routeArgs(requestAs(user, "/leads/csv/funnel"), { table: "funnel" })));
      expect(csv.status, user?.role ?? "visitor").toBe(status);
    }
  });

  test("unknown boards, members and tables are 404", async () => {
    const { lead } = await people();
    expect((await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads?board=nope"))))).status).toBe(404);
    expect((await outcome(() => memberLoader(routeArgs(requestAs(lead, "/leads/members/nobody"), { username: "nobody" })))).status).toBe(404);
    expect((await outcome(() => csvLoader(routeArgs(requestAs(lead, "/leads/csv/secrets"), { table: "secrets" })))).status).toBe(404);
    expect((await outcome(() => csvLoader(routeArgs(requestAs(lead, "/leads/csv/funnel?member=nobody"), { table: "funnel" })))).status).toBe(404);
    // Cohorts belong to the community view, not to one member.
    expect((await outcome(() => csvLoader(routeArgs(requestAs(lead, `/leads/csv/cohorts?member=${lead.username}`), { table: "cohorts" })))).status).toBe(404);
  });
});

describe("the dashboard", () => {
  test("an empty forum shows a live, defined score", async () => {
    const { lead } = await people();
    const result = await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads"))));
    const body = result.body as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(body.data.current.live).toBe(true);
    expect(Number.isFinite(body.data.current.report.total)).toBe(true);
    // No members: one low-confidence flag for the number, not a note per term.
    expect(body.data.current.report.confidence.low).toBe(true);
    expect(body.data.current.report.notes).toHaveLength(1);
    expect(body.data.nps.score).toBeNull();
  });

  test("reads the stored week, with boards and members scoped", async () => {
    const { lead } = await people();
    const board = createBoard({ slug: "camera-test" });
    const author = await createMember({ username: "writer" });
    await createSuggestion({ board, author, status: "shipped", createdAt: new Date(Date.now() - 3 * DAY), firstOfficialReplyAt: new Date(Date.now() - 2 * DAY) });
    recomputeScores();
    const community = (await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads"))))).body as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(community.data.current.live).toBe(false);
    expect(community.data.trend).toHaveLength(1);
    expect(community.data.boards?.map((b) => b.slug)).toContain("camera-test");
    expect(community.data.funnel.map((s) => s.count)).toEqual([1, 1, 1, 1]);

    const boardView = (await outcome(() => dashboardLoader(routeArgs(requestAs(lead, "/leads?board=camera-test"))))).body as Awaited<ReturnType<typeof dashboardLoader>>;
    expect(boardView.scope).toMatchObject({ kind: "board", slug: "camera-test" });
    expect(boardView.data.current.live).toBe(false);
    expect(boardView.data.cohorts).toBeNull();

    const memberView = (await outcome(() => memberLoader(routeArgs(requestAs(lead, "/leads/members/writer"), { username: "writer" })))).body as Awaited<ReturnType<typeof memberLoader>>;
    expect(memberView.scope).toMatchObject({ kind: "member", username: "writer" });
    expect(memberView.data.responseTimes.answered).toBe(1);
    // A member's loyalty among all members' of the stored week.
    const rank = memberView.data.loyaltyRank!;
    expect(rank.members).toBeGreaterThanOrEqual(2);
    expect(rank.percentile).toBeGreaterThanOrEqual(0);
    expect(rank.percentile).toBeLessThanOrEqual(100);
    expect(memberView.data.current.report.confidence.low).toBe(false);
    expect(community.data.loyaltyRank).toBeNull();
    expect(community.data.trend.every((w) => !w.previousFormula)).toBe(true);
  });

  test("a CSV download is an attachment with escaped cells", async () => {
    const { lead } = await people();
    await createMember({ username: "quiet_one", displayName: '=HYPERLINK("x"), "quoted"\nname', createdAt: new Date(Date.now() - 90 * DAY) });
    const quiet = getDb().$client.prepare("select id from users where username = 'quiet_one'").pluck().get() as number;
    // Active on 6 days a month ago, quiet since: at risk.
    for (let i = 30; i < 36; i++) getDb().$client.prepare("insert into activity_days (user_id, day) values (?, ?)").run(quiet, new Date(Date.now() - i * DAY).toISOString().slice(0, 10));
    const result = await outcome(() => csvLoader(routeArgs(requestAs(lead, "/leads/csv/at-risk"), { table: "at-risk" })));
    const response = result.body as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="sprout-at-risk.csv"');
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [header, row] = text.split("\r\n");
    expect(header).toBe("Username,Member,Days active before,Last active,Days quiet");
    expect(row).toMatch(/^quiet_one,"'=HYPERLINK\(""x""\), ""quoted""\nname",6,/);
  });
});

describe("CSV labels", () => {
  const MACHINE_NAMES = ["term", "dimension", "max_points", "enough_data", "step", "suggestions", "rate_from_previous", "username", "display_name", "quiet_days", "yes", "no", "posted", "shipped"];
  async function download(user: Awaited<ReturnType<typeof createMember>>, table: string) {
    const response = (await outcome(() => csvLoader(routeArgs(requestAs(user, `/leads/csv/${table}`), { table })))).body as Response;
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    return { header: lines[0].split(","), cells: lines.slice(1).flatMap((l) => l.split(",")) };
  }
  const noMachineNames = (cells: string[]) => expect(cells.filter((c) => MACHINE_NAMES.includes(c))).toEqual([]);

  test("headers and word values are the dashboard's labels in the lead's language", async () => {
    await createSuggestion();
    const enLead = await createMember({ role: "lead", locale: "en" });
    const zhLead = await createMember({ role: "lead", locale: "zh" });

    const enFunnel = await download(enLead, "funnel");
    expect(enFunnel.header).toEqual(["Step", "Suggestions", "Share of the step before"]);
    expect(enFunnel.cells).toContain("posted");
    const zhFunnel = await download(zhLead, "funnel");
    expect(zhFunnel.header).toEqual(["阶段", "建议数", "占上一阶段比例"]);
    expect(zhFunnel.cells).not.toContain("posted");
    noMachineNames([...zhFunnel.header, ...zhFunnel.cells]);

    const enBreakdown = await download(enLead, "breakdown");
    expect(enBreakdown.header).toEqual(["Term", "Dimension", "Group", "Points", "Maximum points", "Missing", "Sample", "Enough data", "Prior weight"]);
    expect(enBreakdown.cells).toContain("Loyalty");
    noMachineNames(enBreakdown.header);
    const zhBreakdown = await download(zhLead, "breakdown");
    expect(zhBreakdown.header).toEqual(["项目", "维度", "分组", "得分", "满分", "缺失", "样本数", "数据充足", "先验权重"]);
    expect(zhBreakdown.cells.some((c) => c === "是" || c === "否")).toBe(true);
    noMachineNames([...zhBreakdown.header, ...zhBreakdown.cells]);

    const zhAtRisk = await download(zhLead, "at-risk");
    expect(zhAtRisk.header).toEqual(["用户名", "成员", "此前活跃天数", "最后活跃", "沉寂天数"]);
  });
});

describe("the recommendation survey", () => {
  test("is asked only when enabled, of members, once a quarter", async () => {
    const { member, staff } = await people();
    const request = requestAs(member, "/notifications");
    expect(shouldAskRecommendation(member, request)).toBe(false);
    saveSettings({ recommendationSurveyEnabled: true });
    expect(shouldAskRecommendation(member, request)).toBe(true);
    expect(shouldAskRecommendation(staff, request)).toBe(false);

    const answer = await outcome(() => recommendAction(routeArgs(requestAs(member, "/recommend", { form: { intent: "answer", score: "9", redirectTo: "/notifications" } }))));
    expect(answer).toMatchObject({ status: 302, location: "/notifications" });
    expect(shouldAskRecommendation(member, request)).toBe(false);
    // A replayed form within the quarter stores nothing more.
    expect(recordRecommendation({ userId: member.id, score: 0, comment: "" })).toBe(false);
    expect(recordRecommendation({ userId: member.id, score: 0, comment: "", now: new Date(Date.now() + 91 * DAY) })).toBe(true);
    expect(getDb().select().from(recommendationAnswers).all().map((a) => a.score)).toEqual([9, 0]);
  });

  test("rejects a score outside 0–10 and remembers 'not now' in a cookie", async () => {
    const { member } = await people();
    saveSettings({ recommendationSurveyEnabled: true });
    const bad = await outcome(() => recommendAction(routeArgs(requestAs(member, "/recommend", { form: { intent: "answer", score: "11" } }))));
    expect(bad.status).toBe(400);
    const snooze = await outcome(() => recommendAction(routeArgs(requestAs(member, "/recommend", { form: { intent: "snooze", redirectTo: "//evil.example" } }))));
    expect(snooze).toMatchObject({ status: 302, location: "/" });
    const cookie = (snooze.body as Response).headers.get("Set-Cookie")!;
    const request = new Request("http://localhost/notifications", { headers: { Cookie: cookie.split(";")[0] } });
    expect(shouldAskRecommendation(member, request)).toBe(false);
  });
});
