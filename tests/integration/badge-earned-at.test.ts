// A back-fill dates each badge when it was earned, not on the day it ran: otherwise the
// score's weekly history (which counts grants up to each week) jumps on the back-fill day.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { activityDays, badgeGrants, ratings } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { backfillHonors, evaluateHonors } from "~/features/honors/honors.server";
import { createMember, createSuggestion } from "../factories";

const NOW = new Date("2026-03-11T12:00:00Z");
const DAY = 24 * 3_600_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

const grantedAt = (userId: number, badgeId: string) =>
  getDb()
    .select({ at: badgeGrants.grantedAt })
    .from(badgeGrants)
    .where(and(eq(badgeGrants.userId, userId), eq(badgeGrants.badgeId, badgeId)))
    .get()?.at;

describe("back-filled badges", () => {
  test("carry the moment of the event that earned them", async () => {
    const member = await createMember({ createdAt: ago(300) });
    await createSuggestion({ author: member, createdAt: ago(200) });
    await createSuggestion({ author: member, createdAt: ago(100) });
    // Seven days in a row, ending 50 days ago: the week streak was completed then.
    getDb()
      .insert(activityDays)
      .values(Array.from({ length: 7 }, (_, i) => ({ userId: member.id, day: ago(56 - i).toISOString().slice(0, 10) })))
      .run();
    // Five ratings of shipped features, the fifth 20 days ago: "tester".
    for (let i = 0; i < 5; i++) {
      const feature = await createSuggestion({ status: "shipped", createdAt: ago(250) });
      getDb().insert(ratings).values({ suggestionId: feature.id, userId: member.id, score: 4, createdAt: ago(60 - 10 * i) }).run();
    }

    backfillHonors({ now: NOW, notify: false });

    expect(grantedAt(member.id, "first_suggestion")).toEqual(ago(200));
    expect(grantedAt(member.id, "week_streak")?.toISOString().slice(0, 10)).toBe(ago(50).toISOString().slice(0, 10));
    expect(grantedAt(member.id, "tester")).toEqual(ago(20));
  });

  test("granted on their event keep the event's moment", async () => {
    const member = await createMember({ createdAt: ago(30) });
    await createSuggestion({ author: member, createdAt: ago(200) });
    evaluateHonors(member.id, { now: NOW, notify: false, events: ["suggestion_posted"] });
    expect(grantedAt(member.id, "first_suggestion")).toEqual(NOW);
  });
});
