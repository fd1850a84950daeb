// Staff are told: a new complaint, a complaint waiting past its target, a suggestion crossing
// the response target without an official reply. Alerts go to the staff on duty (pure rule
// in ./duty), in-app and by email as each prefers (notification kind staff_alert). Each
// alert's event key names its subject, so a repeated sweep tells nobody twice.
import { and, asc, eq, inArray, isNull, lte, ne, gte, count } from "drizzle-orm";
import { activityDays, complaints, notifications, suggestions, users } from "#db/schema";
import { complaintResponseTargetMs } from "~/features/complaints/complaints.server";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import type { StaffAlert } from "~/features/notifications/notifications";
import { notifyUser } from "~/features/notifications/notifications.server";
import { STAFF_ROLES } from "~/features/roles/permissions";
import { getSetting } from "~/platform/settings.server";
import { ACTIVE_STATUSES } from "~/features/staff/staff-queue.server";
import { onDuty } from "./duty";

const HOUR_MS = 3_600_000;
// A sweep looks this far back, so a long-forgotten backlog does not flood anyone at once.
const SWEEP_WINDOW_MS = 7 * 24 * HOUR_MS;

export function staffOnDuty(now = new Date()): number[] {
  const db = getDb();
  const staff = db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, [...STAFF_ROLES]), isNull(users.deletedAt)))
    .all()
    .map((u) => u.id);
  if (staff.length === 0) return [];
  const since = new Date(now.getTime() - 24 * HOUR_MS).toISOString().slice(0, 10);
  const active = db
    .selectDistinct({ userId: activityDays.userId })
    .from(activityDays)
    .where(and(inArray(activityDays.userId, staff), gte(activityDays.day, since)))
    .all()
    .map((a) => a.userId);
  return onDuty(staff, active);
}

type Subject = { key: string; title: string; path: string; suggestionId?: number };

function alertStaff(alert: StaffAlert, subject: Subject, staff: readonly number[]): number {
  let notified = 0;
  for (const userId of staff) {
    notified += notifyUser({
      userId,
      kind: "staff_alert",
      eventKey: `${alert}:${subject.key}`,
      suggestionId: subject.suggestionId ?? null,
      payload: { alert, title: subject.title, path: subject.path },
    }).notified;
  }
  return notified;
}

export function alertStaffOfNewComplaint(complaint: { id: number; title: string }, now = new Date()) {
  return alertStaff("complaint_new", { key: String(complaint.id), title: complaint.title, path: `/complaints/${complaint.id}` }, staffOnDuty(now));
}

// Which staff members already hold which alerts, among these event keys.
function alreadyAlerted(staff: readonly number[], eventKeys: readonly string[]): Set<string> {
  const held = new Set<string>();
  const db = getDb();
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < eventKeys.length; i += 500) {
    const rows = db
      .select({ userId: notifications.userId, eventKey: notifications.eventKey })
      .from(notifications)
      .where(and(inArray(notifications.userId, [...staff]), inArray(notifications.eventKey, eventKeys.slice(i, i + 500))))
      .all();
    for (const row of rows) held.add(`${row.userId}:${row.eventKey}`);
  }
  return held;
}

// Complaints and suggestions that crossed their target since the last week, each alerted once.
// The sweep runs every minute in every server process and meets the same overdue subjects each
// time: who already holds an alert is read in one pass, and only what is missing is written.
// (Writing them all again, left to the event keys to ignore, took 15 s of a server process's
// time per minute on the large data set: 1,500 overdue suggestions × 24 staff members.)
export function alertStaffOfOverdue(now = new Date()): number {
  const db = getDb();
  const windowStart = new Date(now.getTime() - SWEEP_WINDOW_MS);
  const complaintTarget = new Date(now.getTime() - complaintResponseTargetMs());
  const suggestionTarget = new Date(now.getTime() - getSetting("responseTargetHours") * HOUR_MS);
  const overdueComplaints = db
    .select({ id: complaints.id, title: complaints.title })
    .from(complaints)
    .where(and(ne(complaints.status, "resolved"), lte(complaints.createdAt, complaintTarget), gte(complaints.createdAt, new Date(windowStart.getTime() - complaintResponseTargetMs()))))
    .orderBy(asc(complaints.createdAt))
    .all();
  const overdueSuggestions = db
    .select({ id: suggestions.id, title: suggestions.title })
    .from(suggestions)
    .where(
      and(
        inArray(suggestions.status, ACTIVE_STATUSES),
        isNull(suggestions.firstOfficialReplyAt),
        lte(suggestions.createdAt, suggestionTarget),
        gte(suggestions.createdAt, new Date(windowStart.getTime() - getSetting("responseTargetHours") * HOUR_MS)),
      ),
    )
    .orderBy(asc(suggestions.createdAt))
    .all();
  const due: { alert: StaffAlert; subject: Subject }[] = [
    ...overdueComplaints.map((c) => ({ alert: "complaint_overdue" as const, subject: { key: String(c.id), title: c.title, path: `/complaints/${c.id}` } })),
    ...overdueSuggestions.map((s) => ({
      alert: "suggestion_overdue" as const,
      subject: { key: String(s.id), title: s.title, path: `/staff/answer/${s.id}`, suggestionId: s.id },
    })),
  ];
  const staff = due.length > 0 ? staffOnDuty(now) : [];
  if (staff.length === 0) return 0;
  const held = alreadyAlerted(staff, due.map(({ alert, subject }) => `${alert}:${subject.key}`));
  let notified = 0;
  for (const { alert, subject } of due) {
    const missing = staff.filter((userId) => !held.has(`${userId}:${alert}:${subject.key}`));
    if (missing.length > 0) notified += alertStaff(alert, subject, missing);
  }
  return notified;
}

// The count on the staff queue's bell: this staff member's unread alerts.
export function unreadStaffAlerts(userId: number): number {
  return (
    getDb()
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, "staff_alert"), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

// Every server process sweeps once a minute (STAFF_ALERT_SWEEP_SECONDS); the event keys make
// their overlap harmless.
let timer: ReturnType<typeof setInterval> | undefined;
export function startStaffAlerts(intervalMs = env().STAFF_ALERT_SWEEP_SECONDS * 1000) {
  if (timer || intervalMs <= 0) return;
  timer = setInterval(() => {
    try {
      alertStaffOfOverdue();
    } catch (error) {
      console.error("Sweeping for overdue answers failed", error);
    }
  }, intervalMs).unref();
}
