import { describe, expect, test } from "vitest";
import { badgeGrants, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { badgeHolderCounts, badgesOf, hallOfFame, startOfUtcMonth, topContributorsAllTime, topContributorsThisMonth } from "~/features/honors/honor-wall.server";
import { BADGE_IDS } from "~/features/honors/rules/badges";
import { changeStatus, mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { loader as profileLoader } from "~/routes/u.$username";
import { createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date(Date.UTC(2025, 5, 20, 12));
const LAST_MONTH = new Date(Date.UTC(2025, 4, 20, 12));

describe("top contributors", () => {
  test("all time: by honor points, members only, nobody without points", async () => {
    const [first, second] = [await createMember({ honorPoints: 300, honorLevel: 3 }), await createMember({ honorPoints: 80, honorLevel: 2 })];
    await createMember({ honorPoints: 0 });
    await createStaff({ honorPoints: 999 });
    expect(topContributorsAllTime().map((c) => c.username)).toEqual([first.username, second.username]);
    expect(topContributorsAllTime()[0]).toMatchObject({ displayName: first.displayName, honorLevel: 3, points: 300 });
  });

  test("this month: what happened since the 1st, with the same weights and vote rules", async () => {
    const joinedLongAgo = new Date(NOW.getTime() - 90 * DAY);
    const author = await createMember({ createdAt: joinedLongAgo });
    const idea = await createSuggestion({ author, createdAt: LAST_MONTH });
    const voters = await Promise.all([1, 2, 3].map(() => createMember({ createdAt: joinedLongAgo })));
    const staff = await createStaff({ createdAt: joinedLongAgo });
    const fresh = await createMember({ createdAt: new Date(NOW.getTime() - 60 * 60 * 1000) });
    const at = (userId: number, createdAt: Date) => ({ suggestionId: idea.id, userId, createdAt });
    getDb()
      .insert(votes)
      .values([
        at(voters[0].id, new Date(NOW.getTime() - DAY)),
        at(voters[1].id, new Date(NOW.getTime() - 2 * DAY)),
        at(voters[2].id, LAST_MONTH), // before this month
        at(staff.id, new Date(NOW.getTime() - DAY)), // staff earn nobody points
        at(fresh.id, new Date(NOW.getTime() - 30 * 60 * 1000)), // an account younger than a day
      ])
      .run();
    // Shipped this month by staff: 40 (shipped) + 15 (adopted) for the author.
    changeStatus({ suggestionId: idea.id, actorId: staff.id, to: "planned", note: "", now: new Date(NOW.getTime() - 3 * DAY) });
    changeStatus({ suggestionId: idea.id, actorId: staff.id, to: "shipped", note: "", now: new Date(NOW.getTime() - 2 * DAY) });

    const ranking = topContributorsThisMonth(NOW);
    expect(ranking).toEqual([{ username: author.username, displayName: author.displayName, honorLevel: expect.any(Number), points: 40 + 15 + 2 }]);
    expect(topContributorsThisMonth(new Date(Date.UTC(2025, 6, 2)))).toEqual([]);
    expect(startOfUtcMonth(NOW).toISOString()).toBe("2025-06-01T00:00:00.000Z");
  });
});

describe("badges and the hall of fame", () => {
  test("every badge is listed with the number of members holding it", async () => {
    const [a, b] = [await createMember(), await createMember()];
    getDb()
      .insert(badgeGrants)
      .values([
        { userId: a.id, badgeId: "first_suggestion", grantedAt: NOW },
        { userId: b.id, badgeId: "first_suggestion", grantedAt: NOW },
        { userId: a.id, badgeId: "crowd_favorite", suggestionId: 1, grantedAt: NOW },
        { userId: a.id, badgeId: "crowd_favorite", suggestionId: 2, grantedAt: NOW },
      ])
      .run();
    const counts = badgeHolderCounts();
    expect(counts.map((c) => c.badgeId)).toEqual(BADGE_IDS);
    expect(counts.find((c) => c.badgeId === "first_suggestion")?.holders).toBe(2);
    expect(counts.find((c) => c.badgeId === "crowd_favorite")?.holders).toBe(1);
    expect(counts.find((c) => c.badgeId === "founding_member")?.holders).toBe(0);
    expect(badgesOf(a.id).map((g) => g.badgeId).sort()).toEqual(["crowd_favorite", "crowd_favorite", "first_suggestion"]);
  });

  test("shipped suggestions credit their author and the authors merged into them", async () => {
    const staff = await createStaff();
    const target = await createSuggestion();
    const duplicate = await createSuggestion();
    mergeSuggestion({ sourceId: duplicate.id, targetId: target.id, actorId: staff.id, note: "Same idea." });
    changeStatus({ suggestionId: target.id, actorId: staff.id, to: "planned", note: "" });
    changeStatus({ suggestionId: target.id, actorId: staff.id, to: "shipped", note: "" });
    const [entry] = hallOfFame(null);
    expect(entry.id).toBe(target.id);
    expect(entry.credits.map((c) => c.role)).toEqual(["author", "co_author"]);
  });
});

describe("the profile", () => {
  test("shows the level, badges, contributions and what the next level needs", async () => {
    const staff = await createStaff();
    const author = await createMember();
    const idea = await createSuggestion({ author });
    changeStatus({ suggestionId: idea.id, actorId: staff.id, to: "planned", note: "" });
    changeStatus({ suggestionId: idea.id, actorId: staff.id, to: "shipped", note: "" });
    const page = await outcome(() => profileLoader(routeArgs(requestAs(null, `/u/${author.username}`), { username: author.username })));
    const profile = page.body as Awaited<ReturnType<typeof profileLoader>>;
    expect(profile.user).toMatchObject({ honorLevel: 1, honorPoints: 55 });
    expect(profile.contribution).toMatchObject({ shipped: 1, adopted: 1 });
    expect(profile.badges.map((b) => b.badgeId)).toEqual(expect.arrayContaining(["first_adopted", "first_shipped"]));
    // Level 2 asks for 60 points and an adopted idea: 5 points are missing.
    expect(profile.progress).toEqual({ level: 2, points: 55, missing: [{ kind: "points", count: 5 }] });
    expect((await outcome(() => profileLoader(routeArgs(requestAs(null, "/u/nobody-here"), { username: "nobody-here" })))).status).toBe(404);
  });
});
