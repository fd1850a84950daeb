// The demo complaints: consistent with the complaint rules, and giving the staff queue one
// complaint in each clock state.
import { beforeAll, describe, expect, test } from "vitest";
import { complaintMessages, complaints, users } from "#db/schema";
import { seedDemoData } from "../../scripts/seed/seed";
import { canMoveComplaint } from "~/features/complaints/complaint-rules";
import { complaintQueueStats, listComplaintQueue } from "~/features/complaints/complaints.server";
import { getDb } from "~/platform/db.server";
import { isStaff } from "~/features/roles/permissions";

const NOW = Date.UTC(2026, 0, 15, 12);
const HOUR = 3_600_000;

beforeAll(async () => {
  await seedDemoData(getDb(), { now: new Date(NOW) });
}, 30_000);

describe("demo complaints", () => {
  test("every stored state and time agrees with the rules", () => {
    const db = getDb();
    const roles = new Map(db.select({ id: users.id, role: users.role }).from(users).all().map((u) => [u.id, u.role]));
    const all = db.select().from(complaints).all();
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const c of all) {
      if (c.status !== "open") expect(canMoveComplaint("open", c.status)).toBe(true);
      expect(c.acknowledgedAt === null).toBe(c.status === "open");
      expect(c.resolvedAt === null).toBe(c.status !== "resolved");
      if (c.acknowledgedAt) expect(c.acknowledgedAt.getTime()).toBeGreaterThanOrEqual(c.createdAt.getTime());
      if (c.resolvedAt) {
        expect(c.resolvedAt.getTime()).toBeGreaterThanOrEqual(c.acknowledgedAt!.getTime());
        expect(c.resolvedAt.getTime()).toBeLessThanOrEqual(NOW);
        expect(isStaff({ role: roles.get(c.resolvedById!)! })).toBe(true);
        expect(c.resolutionNote).toBeTruthy();
      }
      if (c.resolutionRating !== null) expect(c.status).toBe("resolved");
      expect(isStaff({ role: roles.get(c.userId)! })).toBe(false);
    }
    for (const m of db.select().from(complaintMessages).all()) {
      const complaint = all.find((c) => c.id === m.complaintId)!;
      expect([complaint.userId === m.authorId, isStaff({ role: roles.get(m.authorId)! })]).toContain(true);
      expect(m.createdAt.getTime()).toBeGreaterThanOrEqual(complaint.createdAt.getTime());
      if (complaint.resolvedAt) expect(m.createdAt.getTime()).toBeLessThanOrEqual(complaint.resolvedAt.getTime());
    }
  });

  test("the staff queue shows a fresh, an amber and a red clock", () => {
    expect(listComplaintQueue(NOW).map((c) => c.clock)).toEqual(["red", "amber", "ok"]);
    expect(complaintQueueStats(NOW)).toEqual({
      open: 2,
      acknowledged: 1,
      overTarget: 1,
      medianResolutionMs: 13 * HOUR,
      resolvedThisWeek: 2,
    });
  });
});
