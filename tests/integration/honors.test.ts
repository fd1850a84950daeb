// The honors engine against a real database: grants on the events that earn them, once,
// notified once; the back-fill is idempotent; votes that should earn nothing don't; the
// admin's grants and levels are for admins only.
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, test, vi } from "vitest";
import { activityDays, badgeGrants, comments, invitations, notifications, suggestionCredits, users, votes } from "#db/schema";
import { markCommentHelpful } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { backfillHonors, CHECK_GAP_MS, evaluateHonors, grantBadge, memberContribution, recordActivity, setManualHonorLevel } from "~/features/honors/honors.server";
import { addDays, activityDay } from "~/features/honors/rules/activity";
import { changeStatus } from "~/features/lifecycle/lifecycle.server";
import { rateSuggestion } from "~/features/ratings/ratings.server";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.honors";
import { action as suggestionAction } from "~/routes/s.$id/route";
import { createSuggestion as postSuggestion } from "~/features/suggestions/suggestions.server";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const DAY = 24 * 60 * 60 * 1000;
const weekOld = () => ({ createdAt: new Date(Date.now() - 7 * DAY) });

const grantsOf = (userId: number) =>
  getDb()
    .select({ badgeId: badgeGrants.badgeId, suggestionId: badgeGrants.suggestionId })
    .from(badgeGrants)
    .where(eq(badgeGrants.userId, userId))
    .all();
const badgeIdsOf = (userId: number) => grantsOf(userId).map((g) => g.badgeId);
const badgeNotices = (userId: number) =>
  getDb()
    .select({ eventKey: notifications.eventKey })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, "badge")))
    .all()
    .map((n) => n.eventKey);
const member = (id: number) => getDb().select().from(users).where(eq(users.id, id)).get()!;

afterEach(() => vi.useRealTimers());

async function ship(suggestionId: number) {
  const staff = await createStaff();
  expect(changeStatus({ suggestionId, actorId: staff.id, to: "planned", note: "" }).ok).toBe(true);
  expect(changeStatus({ suggestionId, actorId: staff.id, to: "shipped", note: "In 2.0" }).ok).toBe(true);
}

describe("badges granted on the events that earn them", () => {
  test("posting a first suggestion earns 'first idea', notified once", async () => {
    const author = await createMember(weekOld());
    const board = createBoard();
    postSuggestion({ authorId: author.id, boardId: board.id, title: "Longer battery life please", body: "Please." });
    postSuggestion({ authorId: author.id, boardId: board.id, title: "A second idea of mine here", body: "Also." });
    expect(badgeIdsOf(author.id)).toEqual(["first_suggestion"]);
    expect(badgeNotices(author.id)).toEqual(["badge:first_suggestion:0"]);
  });

  test("a ship grants author and co-author 'adopted' and 'shipped' once each, notified once, and raises their points", async () => {
    const author = await createMember(weekOld());
    const coAuthor = await createMember(weekOld());
    const suggestion = await createSuggestion({ author });
    getDb().insert(suggestionCredits).values({ suggestionId: suggestion.id, userId: coAuthor.id }).run();

    await ship(suggestion.id);
    for (const person of [author, coAuthor]) {
      expect(badgeIdsOf(person.id).sort()).toEqual(["first_adopted", "first_shipped"]);
      expect(badgeNotices(person.id).sort()).toEqual(["badge:first_adopted:0", "badge:first_shipped:0"]);
      expect(member(person.id).honorPoints).toBe(55);
      expect(member(person.id).honorLevel).toBe(1);
    }

    // Evaluating again, or back-filling, neither grants nor notifies a second time.
    evaluateHonors(author.id);
    backfillHonors();
    expect(grantsOf(author.id).filter((g) => g.badgeId === "first_shipped")).toHaveLength(1);
    expect(badgeNotices(author.id).filter((key) => key === "badge:first_shipped:0")).toHaveLength(1);
  });

  test("a badge notification links to the member's profile and names the badge in their language", async () => {
    const author = await createMember({ ...weekOld(), locale: "zh" });
    await ship((await createSuggestion({ author })).id);
    const payload = getDb()
      .select({ payload: notifications.payload })
      .from(notifications)
      .where(and(eq(notifications.userId, author.id), eq(notifications.eventKey, "badge:first_shipped:0")))
      .get()!.payload;
    expect(JSON.parse(payload)).toEqual({ badgeName: "建议已上线", path: `/u/${author.username}` });
  });

  test("rating five shipped features earns 'tester'", async () => {
    const rater = await createMember(weekOld());
    for (let i = 0; i < 5; i++) {
      const shipped = await createSuggestion({ status: "shipped" });
      getDb().insert(votes).values({ suggestionId: shipped.id, userId: rater.id }).run();
      expect(badgeIdsOf(rater.id)).not.toContain("tester");
      expect(rateSuggestion({ suggestionId: shipped.id, userId: rater.id, score: 4 }).ok).toBe(true);
    }
    expect(badgeIdsOf(rater.id)).toContain("tester");
  });

  test("staff marking a comment helpful earns its author 'helpful reply'; members may not mark", async () => {
    const commenter = await createMember(weekOld());
    const suggestion = await createSuggestion();
    const { id: commentId } = getDb()
      .insert(comments)
      .values({ suggestionId: suggestion.id, authorId: commenter.id, body: "Try the battery saver." })
      .returning({ id: comments.id })
      .get();
    const mark = async (user: { id: number }, helpful = "true") =>
      outcome(() =>
        suggestionAction(
          routeArgs(requestAs(user, `/s/${suggestion.id}`, { form: { intent: "helpful", commentId: String(commentId), helpful } }), {
            id: String(suggestion.id),
          }),
        ),
      );

    expect((await mark(await createMember())).status).toBe(403);
    expect(badgeIdsOf(commenter.id)).toEqual([]);

    const staff = await createStaff();
    const marked = await mark(staff);
    expect(marked.status).toBe(302);
    expect(marked.location).toBe(`/s/${suggestion.id}?comment=${commentId}#comment-${commentId}`);
    expect(badgeIdsOf(commenter.id)).toEqual(["helpful_reply"]);

    // Taking the mark back keeps the badge: it records that it happened.
    expect((await mark(staff, "false")).status).toBe(302);
    expect(getDb().select().from(comments).where(eq(comments.id, commentId)).get()!.isHelpful).toBe(false);
    expect(badgeIdsOf(commenter.id)).toEqual(["helpful_reply"]);
  });

  test("marking a comment of another suggestion is a 404, not a mark", async () => {
    const staff = await createStaff();
    const other = await createSuggestion();
    const { id: commentId } = getDb()
      .insert(comments)
      .values({ suggestionId: other.id, authorId: staff.id, body: "Elsewhere." })
      .returning({ id: comments.id })
      .get();
    const suggestion = await createSuggestion();
    expect(markCommentHelpful({ suggestionId: suggestion.id, commentId, helpful: true })).toEqual({ ok: false });
    const response = await outcome(() =>
      suggestionAction(
        routeArgs(requestAs(staff, `/s/${suggestion.id}`, { form: { intent: "helpful", commentId: String(commentId), helpful: "true" } }), {
          id: String(suggestion.id),
        }),
      ),
    );
    expect(response.status).toBe(404);
  });
});

describe("invitations", () => {
  test("invitees who became active earn their inviter the inviter badges; withheld rewards earn nothing", async () => {
    const inviter = await createMember(weekOld());
    const invite = async (activated: boolean, rewardWithheld: string | null = null) =>
      getDb()
        .insert(invitations)
        .values({
          inviterId: inviter.id,
          code: `code-${Math.random().toString(36).slice(2)}`,
          inviteeId: (await createMember()).id,
          activatedAt: activated ? new Date() : null,
          rewardWithheld,
        })
        .run();
    await invite(false);
    await invite(true, "self_invitation");
    evaluateHonors(inviter.id, { events: ["invitation_activated"] });
    expect(badgeIdsOf(inviter.id)).toEqual([]);
    for (let i = 0; i < 3; i++) await invite(true);
    evaluateHonors(inviter.id, { events: ["invitation_activated"] });
    expect(badgeIdsOf(inviter.id).sort()).toEqual(["connector", "inviter"]);
  });
});

describe("votes that earn nothing", () => {
  test("self, staff and young-account votes give the author no points and no badge; ten real votes do", async () => {
    const author = await createMember(weekOld());
    const suggestion = await createSuggestion({ author });
    const staff = await Promise.all([1, 2, 3, 4].map(() => createStaff(weekOld())));
    const young = await Promise.all(Array.from({ length: 10 }, () => createMember()));
    const real = await Promise.all(Array.from({ length: 10 }, () => createMember(weekOld())));
    const now = new Date();
    const vote = (userId: number) => setVote({ suggestionId: suggestion.id, userId, voted: true, now });
    // The author's checks after votes wait out a gap (honors.server.ts): its timers are the test's.
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    for (const voter of [...staff, ...young, author]) vote(voter.id);
    vi.advanceTimersByTime(CHECK_GAP_MS.author);

    expect(memberContribution(author.id)!.votesReceived).toBe(0);
    expect(member(author.id).honorPoints).toBe(0);
    expect(badgeIdsOf(author.id)).not.toContain("noticed");

    for (const voter of real) vote(voter.id);
    vi.advanceTimersByTime(CHECK_GAP_MS.author);
    expect(memberContribution(author.id)!.votesReceived).toBe(10);
    expect(badgeIdsOf(author.id)).toContain("noticed");
    expect(badgeNotices(author.id)).toContain("badge:noticed:0");
  });

  test("a serial voter's burst for one author counts only its first five votes", async () => {
    const author = await createMember(weekOld());
    const voter = await createMember(weekOld());
    const board = createBoard();
    const start = Date.now() - 60_000;
    for (let i = 0; i < 8; i++) {
      const s = await createSuggestion({ author, board });
      setVote({ suggestionId: s.id, userId: voter.id, voted: true, now: new Date(start + i * 1000) });
    }
    expect(memberContribution(author.id)!.votesReceived).toBe(5);
  });
});

describe("back-fill", () => {
  test("running it twice gives identical grants, levels and points", async () => {
    const author = await createMember(weekOld());
    const suggestion = await createSuggestion({ author });
    for (let i = 0; i < 12; i++) {
      getDb().insert(votes).values({ suggestionId: suggestion.id, userId: (await createMember(weekOld())).id }).run();
    }
    const shipped = await createSuggestion({ author, status: "shipped" });
    const helper = await createMember(weekOld());
    getDb().insert(comments).values({ suggestionId: shipped.id, authorId: helper.id, body: "Works", isHelpful: true }).run();
    const today = activityDay(new Date());
    getDb()
      .insert(activityDays)
      .values(Array.from({ length: 8 }, (_, i) => ({ userId: helper.id, day: addDays(today, -i) })))
      .run();

    const snapshot = () => ({
      grants: getDb().select().from(badgeGrants).orderBy(badgeGrants.id).all(),
      levels: getDb().select({ id: users.id, level: users.honorLevel, points: users.honorPoints }).from(users).orderBy(users.id).all(),
      notices: getDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.kind, "badge")).all(),
    });
    const first = backfillHonors();
    const afterFirst = snapshot();
    const second = backfillHonors();
    expect(second.granted).toBe(0);
    expect(first.granted).toBeGreaterThan(0);
    expect(snapshot()).toEqual(afterFirst);

    expect(badgeIdsOf(author.id).sort()).toEqual(["first_adopted", "first_shipped", "first_suggestion", "founding_member", "noticed"]);
    expect(badgeIdsOf(helper.id).sort()).toEqual(["founding_member", "helpful_reply", "week_streak"]);
  });
});

describe("days active", () => {
  test("recordActivity adds each day once and a seven-day streak earns 'a week in a row'", async () => {
    const regular = await createMember(weekOld());
    const start = new Date(Date.now() - 6 * DAY);
    for (let i = 0; i < 7; i++) {
      recordActivity(regular.id, new Date(start.getTime() + i * DAY));
      recordActivity(regular.id, new Date(start.getTime() + i * DAY + 60_000));
    }
    expect(getDb().select().from(activityDays).where(eq(activityDays.userId, regular.id)).all()).toHaveLength(7);
    expect(badgeIdsOf(regular.id)).toContain("week_streak");
    expect(member(regular.id).honorPoints).toBe(7);
  });
});

describe("levels", () => {
  test("an admin's level holds until set back to automatic", async () => {
    const fan = await createMember(weekOld());
    expect(setManualHonorLevel({ username: fan.username.toUpperCase(), level: 4 })).toEqual({ ok: true, level: 4 });
    evaluateHonors(fan.id);
    expect(member(fan.id)).toMatchObject({ honorLevel: 4, honorLevelManual: 4 });

    expect(setManualHonorLevel({ username: fan.username, level: null })).toEqual({ ok: true, level: 0 });
    expect(member(fan.id)).toMatchObject({ honorLevel: 0, honorLevelManual: null });
    expect(setManualHonorLevel({ username: "nobody_here", level: 2 })).toEqual({ ok: false, reason: "user_not_found" });
  });

  test("a member at level 3 who stops qualifying keeps it through the grace period, then drops", async () => {
    const regular = await createMember({ createdAt: new Date(Date.now() - 400 * DAY) });
    getDb().update(users).set({ honorLevel: 3, honorLevelSince: new Date(Date.now() - 10 * DAY) }).where(eq(users.id, regular.id)).run();
    expect(evaluateHonors(regular.id)!.level).toBe(3);
    expect(evaluateHonors(regular.id, { now: new Date(Date.now() + 25 * DAY) })!.level).toBe(0);
  });
});

describe("grants by hand", () => {
  test("grantBadge refuses a missing member or badge, and grants once", async () => {
    const fan = await createMember();
    expect(grantBadge({ username: "nobody_here", badgeId: "anniversary" })).toEqual({ ok: false, reason: "user_not_found" });
    expect(grantBadge({ username: fan.username, badgeId: "no_such_badge" })).toEqual({ ok: false, reason: "badge_not_found" });
    expect(grantBadge({ username: fan.username, badgeId: "anniversary" })).toEqual({ ok: true, granted: true });
    expect(grantBadge({ username: fan.username, badgeId: "anniversary" })).toEqual({ ok: true, granted: false });
    expect(grantBadge({ username: fan.username, badgeId: "crowd_favorite", suggestionId: 7 })).toEqual({ ok: true, granted: true });
    expect(grantsOf(fan.id)).toEqual([
      { badgeId: "anniversary", suggestionId: 0 },
      { badgeId: "crowd_favorite", suggestionId: 7 },
    ]);
    expect(badgeNotices(fan.id).sort()).toEqual(["badge:anniversary:0", "badge:crowd_favorite:7"]);
  });
});

describe("/admin/honors", () => {
  const post = (user: { id: number } | null, form: Record<string, string>) =>
    outcome(() => adminAction(routeArgs(requestAs(user, "/admin/honors", { form }))));

  test("visitors log in first; members, staff and leads are refused; nothing changes", async () => {
    const fan = await createMember();
    const form = { intent: "set-level", username: fan.username, level: "4" };
    const visitor = await post(null, form);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login/);
    for (const role of ["member", "staff", "lead"] as const) {
      const user = await createMember({ role });
      expect((await post(user, form)).status).toBe(403);
      expect((await post(user, { intent: "grant-badge", username: fan.username, badgeId: "anniversary" })).status).toBe(403);
      expect((await outcome(() => adminLoader(routeArgs(requestAs(user, "/admin/honors")))))).toMatchObject({ status: 403 });
    }
    expect(member(fan.id).honorLevelManual).toBeNull();
    expect(grantsOf(fan.id)).toEqual([]);
  });

  test("an admin grants a badge and sets a level; unknown members and badges are clear errors", async () => {
    const admin = await createMember({ role: "admin" });
    const fan = await createMember();

    const granted = await post(admin, { intent: "grant-badge", username: fan.username, badgeId: "anniversary" });
    expect(granted.status).toBe(302);
    expect(granted.location).toBe(`/admin/honors?done=granted&username=${fan.username}&badge=anniversary`);
    expect(badgeIdsOf(fan.id)).toEqual(["anniversary"]);

    const again = await post(admin, { intent: "grant-badge", username: fan.username, badgeId: "anniversary" });
    expect(again.location).toContain("done=alreadyHeld");

    const noMember = await post(admin, { intent: "grant-badge", username: "nobody_here", badgeId: "anniversary" });
    expect(noMember.status).toBe(400);
    expect(noMember.body).toMatchObject({ grant: { error: { username: ["badges.admin.errors.unknownMember"] } } });

    const noBadge = await post(admin, { intent: "grant-badge", username: fan.username, badgeId: "no_such_badge" });
    expect(noBadge.status).toBe(400);
    expect(noBadge.body).toMatchObject({ grant: { error: { badgeId: ["badges.admin.errors.unknownBadge"] } } });

    const level = await post(admin, { intent: "set-level", username: fan.username, level: "3" });
    expect(level.status).toBe(302);
    expect(member(fan.id)).toMatchObject({ honorLevel: 3, honorLevelManual: 3 });

    const badLevel = await post(admin, { intent: "set-level", username: fan.username, level: "9" });
    expect(badLevel.status).toBe(400);
    const levelForNobody = await post(admin, { intent: "set-level", username: "nobody_here", level: "2" });
    expect(levelForNobody.status).toBe(400);
    expect(levelForNobody.body).toMatchObject({ level: { error: { username: ["badges.admin.errors.unknownMember"] } } });

    const page = await outcome(() => adminLoader(routeArgs(requestAs(admin, "/admin/honors?done=level&username=x&level=3"))));
    expect(page).toMatchObject({ status: 200, body: { done: { kind: "level", username: "x", level: "3" } } });
  });
});

// Last in this file: it fills the forum past its founding members.
describe("founding members", () => {
  test("the first 100 accounts in signup order earn 'founding member', the 101st and later ones do not", async () => {
    const ids = () => getDb().select({ id: users.id }).from(users).orderBy(users.id).all().map((u) => u.id);
    while (ids().length < 250) await createMember();
    const [hundredth, next, last] = [ids()[99], ids()[100], ids().at(-1)!];
    for (const id of [hundredth, next, last]) evaluateHonors(id, { notify: false });
    expect(badgeIdsOf(hundredth)).toContain("founding_member");
    expect(badgeIdsOf(next)).not.toContain("founding_member");
    expect(badgeIdsOf(last)).not.toContain("founding_member");
  });
});
