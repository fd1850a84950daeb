// What a notification says and who wants it: pure rules shared by the inbox, the emails
// and the preferences page (no database, safe in the browser).
import {
  COMPLAINT_STATUSES,
  NOTIFICATION_KINDS,
  SUGGESTION_STATUSES,
  type ComplaintStatus,
  type NotificationKind,
  type SuggestionStatus,
} from "#db/enums";
import { commentPath } from "~/features/comments/comment-pages";

export { NOTIFICATION_KINDS, type NotificationKind };

export type Channels = { inApp: boolean; email: boolean };

// Without a saved choice everyone sees everything in the inbox. Email only for what a member
// would not want to miss: staff answering them (official replies, complaint answers), their
// idea moving or shipping, and an invitation accepted. Merges and badges stay in-app.
export const DEFAULT_CHANNELS: Record<NotificationKind, Channels> = {
  official_reply: { inApp: true, email: true },
  status_change: { inApp: true, email: true },
  ship: { inApp: true, email: true },
  merge: { inApp: true, email: false },
  complaint: { inApp: true, email: true },
  badge: { inApp: true, email: false },
  invitation: { inApp: true, email: false },
  // Someone talking to you by name is worth an email; the followers' digest of new comments
  // is one notification per suggestion until read (batched), so it may email too.
  reply: { inApp: true, email: true },
  mention: { inApp: true, email: true },
  new_comments: { inApp: true, email: false },
  // Opt-out: the weekly email is on until the member turns it off.
  weekly_digest: { inApp: false, email: true },
  // Staff only: new complaints and answers overdue. Email when a staff member asks for it.
  staff_alert: { inApp: true, email: false },
};

// Kinds only staff receive, hidden from members' preferences.
export const STAFF_KINDS: readonly NotificationKind[] = ["staff_alert"];
export const STAFF_ALERTS = ["complaint_new", "complaint_overdue", "suggestion_overdue"] as const;
export type StaffAlert = (typeof STAFF_ALERTS)[number];

export function channelsFor(kind: NotificationKind, saved: Partial<Channels> | null | undefined): Channels {
  const defaults = DEFAULT_CHANNELS[kind];
  return { inApp: saved?.inApp ?? defaults.inApp, email: saved?.email ?? defaults.email };
}

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

// What callers put in a notification's payload, by kind. All optional: a notification
// still reads well when a field is missing, since payloads outlive code changes.
export type NotificationPayload = {
  // official_reply: the reply, to link straight to it
  commentId?: number;
  // status_change
  from?: SuggestionStatus;
  to?: SuggestionStatus;
  note?: string;
  // status_change, ship from a bulk action: how many suggestions the recipient follows it moved;
  // new_comments: how many comments arrived since the member last read it
  count?: number;
  // status_change: a correction, taking back an earlier change
  correction?: boolean;
  // merge: the suggestion it was merged into
  targetId?: number;
  targetTitle?: string;
  // ship
  releaseName?: string;
  // complaint, badge, invitation
  title?: string;
  complaintStatus?: ComplaintStatus;
  badgeName?: string;
  username?: string;
  // badge: taken back after a correction (the note says why)
  withdrawn?: boolean;
  // invitation: in the invitee's notification, who invited them (both were rewarded)
  invitedBy?: string;
  // staff_alert: which alert
  alert?: StaffAlert;
  // Where the notification leads when it is not about a suggestion (same-site path).
  path?: string;
  // reply, mention: who wrote the comment (display name)
  authorName?: string;
};

export type NotificationMessage = {
  // An i18n key under "notifications.messages" and its values; a value given as { key } is
  // itself translated (a status name).
  key: string;
  values: Record<string, string | { key: string }>;
  // The staff's own words (a status note), shown under the message.
  note: string | null;
  path: string;
};

const isStatus = (value: unknown): value is SuggestionStatus =>
  typeof value === "string" && (SUGGESTION_STATUSES as readonly string[]).includes(value);

const isComplaintStatus = (value: unknown): value is ComplaintStatus =>
  typeof value === "string" && (COMPLAINT_STATUSES as readonly string[]).includes(value);

const text = (value: unknown) => (typeof value === "string" ? value : "");

// Only same-site paths may come from a payload: a notification never links off-site.
function sitePath(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\")
    ? value
    : null;
}

// A notification in words: the message key and values for `t`, the note, and its link.
export function describeNotification(n: {
  kind: NotificationKind;
  suggestionId: number | null;
  suggestionTitle: string | null;
  payload: NotificationPayload;
}): NotificationMessage {
  const p = n.payload;
  const title = n.suggestionTitle ?? text(p.title);
  const suggestionPath = n.suggestionId ? `/s/${n.suggestionId}` : "/notifications";
  const note = text(p.note).trim() || null;
  switch (n.kind) {
    case "official_reply":
      return {
        key: "officialReply",
        values: { title },
        note: null,
        path: n.suggestionId && Number.isInteger(p.commentId) ? commentPath(n.suggestionId, Number(p.commentId)) : suggestionPath,
      };
    case "status_change":
      if (p.correction && isStatus(p.to))
        return { key: "statusCorrection", values: { title, to: { key: `common.status.${p.to}` } }, note, path: suggestionPath };
      if (typeof p.count === "number" && p.count > 1 && isStatus(p.to))
        return { key: "statusChangeMany", values: { title, others: String(p.count - 1), to: { key: `common.status.${p.to}` } }, note, path: suggestionPath };
      return isStatus(p.from) && isStatus(p.to)
        ? { key: "statusChange", values: { title, from: { key: `common.status.${p.from}` }, to: { key: `common.status.${p.to}` } }, note, path: suggestionPath }
        : { key: "statusChangeUnknown", values: { title }, note, path: suggestionPath };
    case "merge":
      return {
        key: "merge",
        values: { title, target: text(p.targetTitle) },
        note,
        path: typeof p.targetId === "number" ? `/s/${p.targetId}` : suggestionPath,
      };
    case "ship":
      if (typeof p.count === "number" && p.count > 1)
        return { key: "shipMany", values: { title, others: String(p.count - 1) }, note, path: suggestionPath };
      return p.releaseName
        ? { key: "shipInRelease", values: { title, release: text(p.releaseName) }, note, path: suggestionPath }
        : { key: "ship", values: { title }, note, path: suggestionPath };
    case "complaint":
      return isComplaintStatus(p.complaintStatus)
        ? {
            key: "complaintStatus",
            values: { title, status: { key: `notifications.complaintStatuses.${p.complaintStatus}` } },
            note,
            path: sitePath(p.path) ?? "/notifications",
          }
        : { key: "complaint", values: { title }, note, path: sitePath(p.path) ?? "/notifications" };
    case "badge":
      if (p.withdrawn) return { key: "badgeWithdrawn", values: { badge: text(p.badgeName) }, note, path: sitePath(p.path) ?? "/notifications" };
      return { key: "badge", values: { badge: text(p.badgeName) }, note: null, path: sitePath(p.path) ?? "/notifications" };
    case "reply":
    case "mention":
    case "new_comments": {
      const path = n.suggestionId && Number.isInteger(p.commentId) ? commentPath(n.suggestionId, Number(p.commentId)) : suggestionPath;
      if (n.kind === "new_comments") {
        const count = Number.isInteger(p.count) && Number(p.count) > 0 ? Number(p.count) : 1;
        return { key: "newComments", values: { title, count: String(count) }, note: null, path };
      }
      return { key: n.kind, values: { title, name: text(p.authorName) }, note: null, path };
    }
    case "weekly_digest":
      // Never an inbox item; a row of this kind could only come from old or foreign data.
      return { key: "weeklyDigest", values: {}, note: null, path: "/notifications/settings" };
    case "staff_alert": {
      const alert = (STAFF_ALERTS as readonly unknown[]).includes(p.alert) ? (p.alert as StaffAlert) : "complaint_new";
      const key = { complaint_new: "staffComplaintNew", complaint_overdue: "staffComplaintOverdue", suggestion_overdue: "staffSuggestionOverdue" }[alert];
      return { key, values: { title }, note: null, path: sitePath(p.path) ?? (n.suggestionId ? suggestionPath : "/staff") };
    }
    case "invitation":
      return p.invitedBy
        ? { key: "invitationWelcome", values: { username: text(p.invitedBy) }, note: null, path: sitePath(p.path) ?? "/invite" }
        : { key: "invitation", values: { username: text(p.username) }, note: null, path: sitePath(p.path) ?? "/invite" };
  }
}

export function translateMessage(t: (key: string, values?: Record<string, string | number>) => string, message: NotificationMessage) {
  const values = Object.fromEntries(
    Object.entries(message.values).map(([name, value]) => [
      name,
      // i18next picks the plural form from a numeric count.
      name === "count" && typeof value === "string" ? Number(value) : typeof value === "string" ? value : t(value.key),
    ]),
  );
  return t(`notifications.messages.${message.key}`, values);
}
