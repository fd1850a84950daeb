// The score's signal gathering on a small forum built by hand, where every figure can be
// counted on fingers; then the weekly snapshots built from it.
import { count, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { activityDays, badgeGrants, comments, ratings, recommendationAnswers, scoreSnapshots, users, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { saveSettings } from "~/platform/settings.server";
import { gatherAll, gatherSignals } from "~/features/scoring/gather.server";
import { sproutScore } from "~/features/scoring/index";
import { loyaltyPercentile, recomputeScores, scoreHistory } from "~/features/scoring/snapshots.server";
import { SCORE_FORMULA } from "~/features/scoring/stored-signals";
import { createBoard, createComplaint, createMember, createStaff, createSuggestion } from "../factories";

const NOW = new Date("2026-03-11T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const day = (daysAgo: number) => ago(daysAgo * DAY).toISOString().slice(0, 10);

function hasNaN(value: unknown): boolean {
  if (typeof value === "number") return !Number.isFinite(value);
  if (value && typeof value === "object") return Object.values(value).some(hasNaN);
  return false;
}

describe("an empty forum", () => {
  test("gives a defined score with notes, and no NaN anywhere", () => {
    const signals = gatherSignals({ kind: "community" }, NOW);
    expect(signals.activity.members).toBe(0);
    const report = sproutScore(signals);
    expect(hasNaN(signals)).toBe(false);
    expect(hasNaN(report)).toBe(false);
    expect(report.total).toBeGreaterThanOrEqual(0);
    expect(report.confidence.low).toBe(true);
    expect(report.notes).toHaveLength(1);
  });
});

// Built once, after the empty-forum test: every test below reads the same forum.
let built: ReturnType<typeof build> | undefined;
const buildForum = () => (built ??= build());

async function build() {
  const db = getDb();
  const boardA = createBoard();
  const boardB = createBoard();
  const m1 = await createMember({ createdAt: ago(100 * DAY), honorLevel: 1 });
  const m2 = await createMember({ createdAt: ago(10 * DAY) });
  const m3 = await createMember({ createdAt: ago(200 * DAY) });
  await createStaff({ createdAt: ago(300 * DAY) });

  db.insert(activityDays)
    .values([
      { userId: m1.id, day: day(1) },
      { userId: m1.id, day: day(2) },
      { userId: m1.id, day: day(20) },
      { userId: m2.id, day: day(0) },
      { userId: m3.id, day: day(40) },
    ])
    .run();

  // Shipped, answered in 2 h.
  const sA1 = await createSuggestion({ board: boardA, author: m1, status: "shipped", createdAt: ago(10 * DAY), firstOfficialReplyAt: ago(10 * DAY - 2 * HOUR) });
  // Open, unanswered for 5 days: overdue against the 24 h target.
  await createSuggestion({ board: boardA, author: m2, status: "open", createdAt: ago(5 * DAY) });
  // Declined, answered after 48 h (late); its reply drew a complaint.
  const sB1 = await createSuggestion({ board: boardB, author: m3, status: "declined", createdAt: ago(50 * DAY), firstOfficialReplyAt: ago(48 * DAY) });
  // A duplicate counts nowhere in adoption or responses.
  await createSuggestion({ board: boardB, author: m3, status: "duplicate", createdAt: ago(45 * DAY) });

  db.insert(votes).values({ suggestionId: sA1.id, userId: m2.id, createdAt: ago(DAY) }).run();
  db.insert(ratings)
    .values([
      { suggestionId: sA1.id, userId: m1.id, score: 5, createdAt: ago(2 * DAY) },
      { suggestionId: sA1.id, userId: m2.id, score: 4, createdAt: ago(2 * DAY) },
    ])
    .run();
  await createComplaint({
    filer: m2,
    subject: "reply",
    suggestionId: sB1.id,
    status: "resolved",
    createdAt: ago(3 * DAY),
    resolvedAt: ago(DAY),
    resolutionRating: 4,
    ratedAt: ago(DAY),
  });
  db.insert(badgeGrants).values({ userId: m1.id, badgeId: "first-suggestion", grantedAt: ago(9 * DAY) }).run();
  db.insert(recommendationAnswers)
    .values([
      { userId: m1.id, score: 10, createdAt: ago(3 * DAY) },
      { userId: m2.id, score: 5, createdAt: ago(2 * DAY) },
    ])
    .run();
  return { boardA, boardB, m1, m2, m3 };
}

describe("gathering signals", () => {
  test("counts the community, a board and a member as computed by hand", async () => {
    const { boardA, boardB, m2 } = await buildForum();

    expect(gatherSignals({ kind: "community" }, NOW)).toEqual({
      scope: "community",
      // m1 active on days 1, 2 (this week) and 20 (two weeks back), m2 today, m3 40 days ago.
      activity: { members: 3, activeMembers: 2, activeDays: 4, activeWeeks: 4, possibleWeeks: 12 + 2 + 12 },
      // Joined 100 (m1, active), 10 (m2) and 200 days ago (m3, gone).
      retention: { cohort30: 2, back30: 1, cohort90: 2, back90: 1, cohort180: 1, back180: 0 },
      participation: { contributors: 2, posters: 2, voters: 2, commenters: 0, raters: 2, campaigners: 0, contributionWeeks: 5 },
      adoption: { posted: 3, decided: 2, adopted: 1, shipped: 1 },
      // Answered in 2 h (within 24 h), in 48 h (within a few days), one waiting 5 days.
      responses: { targetHours: 24, due: 3, withinTarget: 1, fewDays: 1, week: 0, weeks: 0, overdue: 1, wellReceived: 1, medianHours: 25 },
      complaints: { filed: 1, resolved: 1, medianResolutionHours: 48, resolutionRatings: { count: 1, sum: 4 } },
      ratings: { stars: [0, 0, 0, 1, 1] },
      honors: { holdingBadges: 1, withPrivileges: 1, activeHolders: 1, activePrivileged: 1 },
      invitations: { sent: 0, joined: 0, staying: 0, shareSignups: 0 },
      survey: { answers: 2, promoters: 1, detractors: 1 },
    });

    const board = gatherSignals({ kind: "board", boardId: boardA.id }, NOW);
    expect(board.scope).toBe("board");
    expect(board.activity).toMatchObject({ members: 2, activeMembers: 2, activeDays: 4 });
    expect(board.adoption).toEqual({ posted: 2, decided: 1, adopted: 1, shipped: 1 });
    expect(board.responses).toMatchObject({ due: 2, withinTarget: 1, fewDays: 0, overdue: 1, medianHours: 2 });
    expect(board.complaints.filed).toBe(0);
    // Survey answers are attributed through the board's people: m1 and m2 took part on A.
    expect(board.survey).toEqual({ answers: 2, promoters: 1, detractors: 1 });
    expect(gatherSignals({ kind: "board", boardId: boardB.id }, NOW).survey.answers).toBe(0);

    const member = gatherSignals({ kind: "member", userId: m2.id }, NOW);
    expect(member.scope).toBe("member");
    expect(member.activity).toEqual({ members: 1, activeMembers: 1, activeDays: 1, activeWeeks: 1, possibleWeeks: 2 });
    expect(member.retention).toEqual({ cohort30: 0, back30: 0, cohort90: 0, back90: 0, cohort180: 0, back180: 0 });
    expect(member.adoption).toEqual({ posted: 1, decided: 0, adopted: 0, shipped: 0 });
    expect(member.responses).toMatchObject({ due: 1, overdue: 1, medianHours: null });
    expect(member.complaints).toMatchObject({ filed: 1, resolved: 1, resolutionRatings: { count: 1, sum: 4 } });
    // Ratings a member gave, not ratings of their ideas.
    expect(member.ratings.stars).toEqual([0, 0, 0, 1, 0]);
    expect(member.survey).toEqual({ answers: 1, promoters: 0, detractors: 1 });
    // The same figures as the weekly recomputation, which gathers everyone at once.
    expect(gatherAll(["member"], NOW).member.get(m2.id)).toEqual(member);
  });

  test("counts a deleted account nowhere, and not its automatic badges anywhere", async () => {
    const { m3 } = await buildForum();
    const before = gatherSignals({ kind: "community" }, NOW);
    getDb().insert(badgeGrants).values({ userId: m3.id, badgeId: "founding_member", grantedAt: ago(300 * DAY) }).run();
    expect(gatherSignals({ kind: "community" }, NOW).honors.holdingBadges).toBe(before.honors.holdingBadges);
    getDb().update(users).set({ deletedAt: ago(DAY) }).where(eq(users.id, m3.id)).run();
    const after = gatherSignals({ kind: "community" }, NOW);
    expect(after.activity.members).toBe(before.activity.members - 1);
    expect(after.retention.cohort180).toBe(0);
    // Before the deletion, the member still counted.
    expect(gatherSignals({ kind: "community" }, ago(2 * DAY)).activity.members).toBe(3);
    getDb().update(users).set({ deletedAt: null }).where(eq(users.id, m3.id)).run();
  });

  test("looks at the forum as it was at an earlier moment", async () => {
    await buildForum();
    const before = gatherSignals({ kind: "community" }, ago(20 * DAY));
    // Twenty days earlier only the old suggestions existed, and m2 had not joined.
    expect(before.activity.members).toBe(2);
    expect(before.adoption.posted).toBe(1);
    expect(before.ratings.stars).toEqual([0, 0, 0, 0, 0]);
    expect(before.survey.answers).toBe(0);
  });
});

describe("weekly snapshots", () => {
  test("recomputing a week twice keeps one row per scope and week", async () => {
    const { boardA, m1 } = await buildForum();
    const first = recomputeScores(NOW);
    const second = recomputeScores(new Date(NOW.getTime() + HOUR));
    expect(second.week).toBe(first.week);
    expect(first.week).toBe("2026-03-09");
    const rows = getDb().select({ n: count() }).from(scoreSnapshots).get()!.n;
    // The community, two boards, three members (never staff).
    expect(rows).toBe(1 + 2 + 3);
    expect(first.snapshots).toBe(rows);

    recomputeScores(ago(7 * DAY));
    const history = scoreHistory({ scope: "community" }, 12, NOW);
    expect(history.map((h) => h.weekStart)).toEqual(["2026-03-02", "2026-03-09"]);
    expect(history[1].report.total).toBe(sproutScore(gatherSignals({ kind: "community" }, new Date(NOW.getTime() + HOUR))).total);
    // Members' reports are rebuilt from their stored signals.
    const member = scoreHistory({ scope: "member", scopeId: m1.id }, 1, NOW)[0];
    expect(member.report.terms.length).toBeGreaterThan(0);
    expect(scoreHistory({ scope: "board", scopeId: boardA.id }, 12, NOW)).toHaveLength(2);
    expect(getDb().select().from(users).where(eq(users.role, "staff")).all()).toHaveLength(1);
    expect(history.every((h) => h.formula === SCORE_FORMULA)).toBe(true);

    // m1 (active three days, earned badge and level, a promoter) is the most loyal of three.
    expect(loyaltyPercentile(m1.id)).toEqual({ loyalty: member.loyalty, members: 3, percentile: 100 });
  });

  test("recomputing a week drops the compact rows of members deleted since, and keeps the others", async () => {
    const { m3 } = await buildForum();
    const week = recomputeScores(NOW).week;
    const rows = () => getDb().$client.prepare("select user_id from member_loyalty where week_start = ? order by user_id").pluck().all(week) as number[];
    const before = rows();
    expect(before).toContain(m3.id);
    getDb().update(users).set({ deletedAt: ago(HOUR) }).where(eq(users.id, m3.id)).run();
    recomputeScores(NOW);
    expect(rows()).toEqual(before.filter((id) => id !== m3.id));
    getDb().update(users).set({ deletedAt: null }).where(eq(users.id, m3.id)).run();
  });

  test("stores only the signals that are not empty, and reads back exactly what was gathered", async () => {
    const { boardA, m1, m2, m3 } = await buildForum();
    // A target other than the default must survive a member whose responses are all empty.
    saveSettings({ responseTargetHours: 48 });
    try {
      recomputeScores(NOW);
      const stored = (scope: string, scopeId: number) =>
        JSON.parse(
          getDb().$client.prepare("select report from score_snapshots where scope = ? and scope_id = ? and week_start = '2026-03-09'").pluck().get(scope, scopeId) as string,
        );
      // m3 filed no complaint, rated nothing, answered no survey and invited no one: those
      // groups are left out, the figures m3 has are kept, and no zero is written.
      const quiet = stored("member", m3.id);
      expect(quiet.formula).toBe(SCORE_FORMULA);
      for (const group of ["complaints", "ratings", "survey", "invitations", "scope"]) expect(quiet.signals[group]).toBeUndefined();
      expect(quiet.signals.responses.targetHours).toBe(48);
      expect(quiet.signals.adoption).toEqual({ posted: 1, decided: 1 });
      expect(JSON.stringify(quiet)).not.toMatch(/:0[,}]/);

      const scopes = [
        { kind: "community" as const, row: { scope: "community" as const } },
        { kind: "board" as const, boardId: boardA.id, row: { scope: "board" as const, scopeId: boardA.id } },
        ...[m1, m2, m3].map((m) => ({ kind: "member" as const, userId: m.id, row: { scope: "member" as const, scopeId: m.id } })),
      ];
      for (const { row, ...scope } of scopes) {
        const [read] = scoreHistory(row, 1, NOW);
        expect(read.signals).toEqual(gatherSignals(scope, NOW));
      }
    } finally {
      saveSettings({ responseTargetHours: 24 });
    }
  });

  test("reads rows stored by the first formula as the previous formula's", async () => {
    const { m2 } = await buildForum();
    recomputeScores(NOW);
    const old = { signals: { activity: { members: 3, activeMembers: 2, activeDays: 4 }, retention: { cohortMembers: 2, retained: 1 } } };
    getDb().$client.prepare("update score_snapshots set report = ? where scope = 'member' and scope_id = ?").run(JSON.stringify(old), m2.id);
    const [row] = scoreHistory({ scope: "member", scopeId: m2.id }, 1, NOW);
    expect(row.formula).toBe(1);
    expect(row.signals.activity).toMatchObject({ members: 3, activeWeeks: 0 });
    expect(Number.isFinite(row.report.total)).toBe(true);
  });
});

// Each kind of contribution is grouped on its own (gather.server.ts); a member's weeks are
// the union of the kinds' weeks, each of the last twelve counted once.
describe("contribution weeks", () => {
  test("count each of the last twelve weeks once, whatever kinds fell in it", async () => {
    const db = getDb();
    const board = createBoard();
    const steady = await createMember({ createdAt: ago(300 * DAY) });
    const occasional = await createMember({ createdAt: ago(300 * DAY) });
    const older = () => createSuggestion({ board, author: occasional, createdAt: ago(300 * DAY) });
    const target = await older();
    // A vote in every one of the last twelve weeks (3 days into each), a comment in the
    // oldest of them, and a post just before them: twelve weeks, a vote in the window.
    for (let week = 0; week < 12; week++) {
      db.insert(votes).values({ suggestionId: (await older()).id, userId: steady.id, createdAt: ago((7 * week + 3) * DAY) }).run();
    }
    db.insert(comments).values({ suggestionId: target.id, authorId: steady.id, body: "Still wanted.", createdAt: ago(80 * DAY) }).run();
    await createSuggestion({ board, author: steady, createdAt: ago(85 * DAY) });
    // Another member posted, commented and rated in week 5, commented alone in week 6, rated
    // alone in week 7 and posted alone in week 8: four weeks. An official reply (a member's,
    // from before they joined the team) is not a contribution.
    await createSuggestion({ board, author: occasional, createdAt: ago(37 * DAY) });
    await createSuggestion({ board, author: occasional, createdAt: ago(60 * DAY) });
    const rated = await older();
    // Without the factory's author votes, which would stand in for the posts.
    db.delete(votes).where(eq(votes.userId, occasional.id)).run();
    const comment = (createdAt: Date, isOfficial = false) =>
      db.insert(comments).values({ suggestionId: target.id, authorId: occasional.id, body: "Agreed.", isOfficial, createdAt }).run();
    comment(ago(36 * DAY));
    comment(ago(45 * DAY));
    comment(ago(2 * DAY), true);
    db.insert(ratings).values({ suggestionId: target.id, userId: occasional.id, score: 4, createdAt: ago(38 * DAY) }).run();
    db.insert(ratings).values({ suggestionId: rated.id, userId: occasional.id, score: 5, createdAt: ago(52 * DAY) }).run();

    const all = gatherAll(["member"], NOW).member;
    for (const [member, weeks, voted] of [
      [steady, 12, 1],
      [occasional, 4, 0],
    ] as const) {
      const signals = gatherSignals({ kind: "member", userId: member.id }, NOW);
      expect(signals.participation).toMatchObject({ contributionWeeks: weeks, voters: voted, commenters: 0, posters: 0 });
      expect(all.get(member.id)).toEqual(signals);
    }
  });
});

// The grades of the team's first replies are counted per suggestion in gather.server.ts.
describe("response grades", () => {
  test("put a reply at each boundary in the lower grade, and a suggestion not yet due nowhere", async () => {
    const board = createBoard();
    const author = await createMember({ createdAt: ago(300 * DAY) });
    const posted = ago(20 * DAY);
    for (const replyHours of [24, 72, 168, 169]) {
      await createSuggestion({ board, author, createdAt: posted, firstOfficialReplyAt: new Date(posted.getTime() + replyHours * HOUR) });
    }
    // Waiting two hours of the 24 h target: not due yet. Waiting 25 hours: overdue.
    await createSuggestion({ board, author, createdAt: ago(2 * HOUR) });
    await createSuggestion({ board, author, createdAt: ago(25 * HOUR) });

    const responses = gatherSignals({ kind: "member", userId: author.id }, NOW).responses;
    expect(responses).toEqual({ targetHours: 24, due: 5, withinTarget: 1, fewDays: 1, week: 1, weeks: 1, overdue: 1, wellReceived: 4, medianHours: 120 });
    expect(gatherSignals({ kind: "board", boardId: board.id }, NOW).responses).toEqual(responses);
    expect(gatherAll(["member"], NOW).member.get(author.id)?.responses).toEqual(responses);
  });
});
