// The demo community's honors: every level held by someone, most badges too, and all of it
// what the back-fill itself would grant.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { badgeGrants, notifications, users } from "#db/schema";
import { seedDemoData } from "../../scripts/seed/seed";
import { getDb } from "~/platform/db.server";
import { backfillHonors } from "~/features/honors/honors.server";
import { BADGE_IDS } from "~/features/honors/rules/badges";

const NOW = new Date(Date.UTC(2026, 0, 15, 12));

beforeAll(async () => {
  await seedDemoData(getDb(), { now: NOW });
}, 30_000);

describe("demo honors", () => {
  test("every level from 0 to 4 is held by a member", () => {
    const levels = getDb().selectDistinct({ level: users.honorLevel }).from(users).where(eq(users.role, "member")).all();
    expect(levels.map((l) => l.level).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test("most badges are held by someone, the streaks among them", () => {
    const held = new Set(getDb().selectDistinct({ badgeId: badgeGrants.badgeId }).from(badgeGrants).all().map((g) => g.badgeId));
    expect(held.size).toBeGreaterThan(BADGE_IDS.length / 2);
    for (const id of ["first_shipped", "co_creator", "helpful_reply", "tester", "week_streak", "month_streak", "hundred_day_streak"]) {
      expect(held).toContain(id);
    }
  });

  test("the demo fan has badges, and nobody's inbox is filled with demo grants", () => {
    const fan = getDb().select().from(users).where(eq(users.username, "fan")).get()!;
    expect(getDb().select().from(badgeGrants).where(eq(badgeGrants.userId, fan.id)).all().length).toBeGreaterThanOrEqual(3);
    expect(getDb().select().from(notifications).where(eq(notifications.kind, "badge")).all()).toEqual([]);
  });

  test("a back-fill over the demo data grants nothing more and changes no level", () => {
    const levels = () => getDb().select({ id: users.id, level: users.honorLevel, points: users.honorPoints }).from(users).all();
    const before = levels();
    expect(backfillHonors({ now: NOW }).granted).toBe(0);
    expect(levels()).toEqual(before);
  });
});
