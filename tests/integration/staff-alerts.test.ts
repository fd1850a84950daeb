import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { activityDays, notifications, users } from "#db/schema";
import { fileComplaint } from "~/features/complaints/complaints.server";
import { getDb } from "~/platform/db.server";
import { alertStaffOfOverdue, staffOnDuty, unreadStaffAlerts } from "~/features/staff/alerts.server";
import { getSetting } from "~/platform/settings.server";
import { createComplaint, createMember, createStaff, createSuggestion } from "../factories";

const alertsOf = (userId: number) =>
  getDb().select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, "staff_alert"))).all();
const day = (date: Date) => date.toISOString().slice(0, 10);

describe("staff alerts", () => {
  test("only staff active in the last day are on duty; a new complaint tells them, not members", async () => {
    // Everyone else on staff in this database was last seen long ago.
    const everyone = getDb().select({ id: users.id }).from(users).all().map((u) => u.id);
    getDb().delete(activityDays).where(inArray(activityDays.userId, everyone)).run();
    const onDutyStaff = await createStaff();
    const awayStaff = await createStaff();
    const member = await createMember();
    getDb().insert(activityDays).values({ userId: onDutyStaff.id, day: day(new Date()) }).run();
    expect(staffOnDuty()).toEqual([onDutyStaff.id]);

    const filed = fileComplaint({ userId: member.id, viewer: member, subject: "product", title: "The app crashes on start", body: "Every time." });
    if (!filed.ok) throw new Error("not filed");
    expect(alertsOf(onDutyStaff.id).map((n) => [n.eventKey, JSON.parse(n.payload).alert])).toEqual([[`complaint_new:${filed.id}`, "complaint_new"]]);
    expect(alertsOf(awayStaff.id)).toEqual([]);
    expect(alertsOf(member.id)).toEqual([]);
    expect(unreadStaffAlerts(onDutyStaff.id)).toBe(1);
  });

  test("complaints and suggestions past their target are alerted once, however often the sweep runs", async () => {
    const staff = await createStaff();
    getDb().insert(activityDays).values({ userId: staff.id, day: day(new Date()) }).onConflictDoNothing().run();
    const hours = (h: number) => new Date(Date.now() - h * 3_600_000);
    const late = await createSuggestion({ createdAt: hours(getSetting("responseTargetHours") + 1) });
    const fresh = await createSuggestion({ createdAt: hours(1) });
    const answered = await createSuggestion({ createdAt: hours(getSetting("responseTargetHours") + 1), firstOfficialReplyAt: hours(1) });
    const complaint = await createComplaint({ createdAt: hours(24 * 3) });

    alertStaffOfOverdue();
    alertStaffOfOverdue();
    const keys = alertsOf(staff.id).map((n) => n.eventKey);
    expect(keys.filter((k) => k === `suggestion_overdue:${late.id}`)).toHaveLength(1);
    expect(keys).not.toContain(`suggestion_overdue:${fresh.id}`);
    expect(keys).not.toContain(`suggestion_overdue:${answered.id}`);
    expect(keys.filter((k) => k === `complaint_overdue:${complaint.id}`)).toHaveLength(1);
  });

  test("a staff member who comes on duty later gets the alerts still due, and the sweep writes nothing it already wrote", async () => {
    const first = await createStaff();
    getDb().insert(activityDays).values({ userId: first.id, day: day(new Date()) }).onConflictDoNothing().run();
    const late = await createSuggestion({ createdAt: new Date(Date.now() - (getSetting("responseTargetHours") + 2) * 3_600_000) });
    alertStaffOfOverdue();
    expect(alertsOf(first.id).map((n) => n.eventKey)).toContain(`suggestion_overdue:${late.id}`);

    // Nothing new is due: a repeated sweep notifies nobody.
    expect(alertStaffOfOverdue()).toBe(0);

    const second = await createStaff();
    getDb().insert(activityDays).values({ userId: second.id, day: day(new Date()) }).onConflictDoNothing().run();
    expect(alertStaffOfOverdue()).toBeGreaterThan(0);
    expect(alertsOf(second.id).map((n) => n.eventKey)).toContain(`suggestion_overdue:${late.id}`);
    expect(alertsOf(first.id).filter((n) => n.eventKey === `suggestion_overdue:${late.id}`)).toHaveLength(1);
  });
});
