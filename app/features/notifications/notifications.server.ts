// Notifications: the one fan-out that tells people what happened, the inbox, preferences,
// and the emails that follow. Rows are written synchronously (callers may be inside their
// own transaction, usually an event subscriber's); emails are an outbox event of their own
// (notification_emails_due), sent in the background, never in the request that caused them.
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { emails, notificationPreferences, notifications, suggestions, users } from "#db/schema";
import { memoryCache } from "~/platform/cache.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { followersOf } from "~/features/notifications/follows.server";
import { isLanguage, translator } from "~/i18n/i18n";
import {
  channelsFor,
  describeNotification,
  isNotificationKind,
  NOTIFICATION_KINDS,
  translateMessage,
  type Channels,
  type NotificationKind,
  type NotificationMessage,
  type NotificationPayload,
} from "~/features/notifications/notifications";
import { drainOutbox, recordEvent } from "~/platform/events/outbox.server";
import { deliverEmail } from "~/platform/mail.server";
import { appSecret } from "~/platform/secrets.server";

export type SuggestionEventKind = "official_reply" | "status_change" | "merge" | "ship";

export type SuggestionEvent = {
  kind: SuggestionEventKind;
  suggestionId: number;
  // Names the event, unique per recipient: e.g. "status_change:<status_changes.id>". The same
  // key twice (a retry) notifies nobody twice.
  eventKey: string;
  actorId: number;
  payload?: NotificationPayload & Record<string, unknown>;
};

type Recipient = { userId: number; saved: Partial<Channels> | null };

// Everyone who follows a suggestion (features/notifications/follows.server) with their saved
// channels for one kind, except the given members.
function followerRecipients(suggestionId: number, kind: NotificationKind, except: readonly number[]): Recipient[] {
  const rows = getDb().all<{ userId: number; inApp: number | null; email: number | null }>(sql`
    select f.user_id as userId, p.in_app as inApp, p.email as email
    from (${followersOf(suggestionId)}) f
    left join notification_preferences p on p.user_id = f.user_id and p.kind = ${kind}
  `);
  const skip = new Set(except);
  return rows
    .filter((r) => !skip.has(r.userId))
    .map((r) => ({ userId: r.userId, saved: r.inApp === null || r.email === null ? null : { inApp: !!r.inApp, email: !!r.email } }));
}

// Tells everyone who follows a suggestion (author, co-authors, voters, commenters, and who
// chose to follow it, not who unfollowed), once each, except whoever caused the event.
export function notifySuggestionFollowers(event: SuggestionEvent): { notified: number } {
  const recipients = followerRecipients(event.suggestionId, event.kind, [event.actorId]);
  return record(event.kind, event.eventKey, event.suggestionId, event.payload ?? {}, recipients);
}

// New comments reach followers batched: one unread "N new comments on X" per member and
// suggestion, counted up by each further comment instead of a new row (and a new email) each
// time. Once read, the next comment starts a new one. `except`: the commenter, and who was
// already told about this comment as a reply or a mention.
export function notifyFollowersOfComment(input: {
  suggestionId: number;
  commentId: number;
  except: readonly number[];
  now?: Date;
}): { notified: number; added: number } {
  const now = input.now ?? new Date();
  const wanted = followerRecipients(input.suggestionId, "new_comments", input.except)
    .map((r) => ({ userId: r.userId, channels: channelsFor("new_comments", r.saved) }))
    .filter((r) => r.channels.inApp || r.channels.email);
  if (wanted.length === 0) return { notified: 0, added: 0 };
  const eventKey = `new_comments:${input.suggestionId}:${input.commentId}`;
  const added = getDb().transaction((tx) => {
    const fresh: number[] = [];
    for (const r of wanted) {
      const unread = tx
        .select({ id: notifications.id, payload: notifications.payload })
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, r.userId),
            eq(notifications.kind, "new_comments"),
            eq(notifications.suggestionId, input.suggestionId),
            isNull(notifications.readAt),
          ),
        )
        .get();
      if (unread) {
        const before = parsePayload(unread.payload);
        const count = (Number.isInteger(before.count) ? Number(before.count) : 1) + 1;
        tx.update(notifications)
          .set({ payload: JSON.stringify({ ...before, count }), createdAt: now })
          .where(eq(notifications.id, unread.id))
          .run();
        continue;
      }
      const inserted = tx
        .insert(notifications)
        .values({
          userId: r.userId,
          kind: "new_comments",
          eventKey,
          suggestionId: input.suggestionId,
          payload: JSON.stringify({ count: 1, commentId: input.commentId }),
          createdAt: now,
        })
        .onConflictDoNothing()
        .run().changes;
      if (inserted) fresh.push(r.userId);
    }
    // Only a new row is mailed: a count going up is the batch the member was already told of.
    const emailTo = wanted.filter((r) => r.channels.email && fresh.includes(r.userId)).map((r) => r.userId);
    if (emailTo.length > 0) recordEvent({ type: "notification_emails_due", eventKey, userIds: emailTo });
    return fresh;
  }, { behavior: "immediate" });
  return { notified: wanted.length, added: added.length };
}

// The same change to several suggestions at once (a bulk status change from the staff queue):
// each follower is told once, about the first of theirs, with how many of theirs it touched.
export function notifyFollowersOfMany(event: Omit<SuggestionEvent, "suggestionId"> & { suggestionIds: readonly number[] }): { notified: number } {
  if (event.suggestionIds.length === 0) return { notified: 0 };
  const list = sql.join(event.suggestionIds.map((id) => sql`${id}`), sql`, `);
  const rows = getDb().all<{ userId: number; firstId: number; followed: number; inApp: number | null; email: number | null }>(sql`
    select f.user_id as userId, min(f.suggestion_id) as firstId, count(distinct f.suggestion_id) as followed,
      p.in_app as inApp, p.email as email
    from (
      select id as suggestion_id, author_id as user_id from suggestions where id in (${list})
      union select suggestion_id, user_id from suggestion_credits where suggestion_id in (${list})
      union select suggestion_id, user_id from votes where suggestion_id in (${list})
      union select suggestion_id, author_id from comments where suggestion_id in (${list})
    ) f
    left join notification_preferences p on p.user_id = f.user_id and p.kind = ${event.kind}
    where f.user_id <> ${event.actorId}
    group by f.user_id
  `);
  // Grouped by what the notification says, so each group is one write.
  const groups = new Map<string, { suggestionId: number; count: number; recipients: Recipient[] }>();
  for (const r of rows) {
    const key = `${r.firstId}:${r.followed}`;
    const group = groups.get(key) ?? { suggestionId: r.firstId, count: r.followed, recipients: [] };
    group.recipients.push({ userId: r.userId, saved: r.inApp === null || r.email === null ? null : { inApp: !!r.inApp, email: !!r.email } });
    groups.set(key, group);
  }
  let notified = 0;
  for (const group of groups.values()) {
    notified += record(event.kind, event.eventKey, group.suggestionId, { ...event.payload, count: group.count }, group.recipients).notified;
  }
  return { notified };
}

// One recipient (a complaint answered, a badge earned, an invitation accepted).
export function notifyUser(input: {
  userId: number;
  kind: NotificationKind;
  eventKey: string;
  suggestionId?: number | null;
  payload?: NotificationPayload & Record<string, unknown>;
}): { notified: number } {
  const saved = getDb()
    .select({ inApp: notificationPreferences.inApp, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, input.userId), eq(notificationPreferences.kind, input.kind)))
    .get();
  return record(input.kind, input.eventKey, input.suggestionId ?? null, input.payload ?? {}, [
    { userId: input.userId, saved: saved ?? null },
  ]);
}

// A row is kept whenever either channel is on: it is what makes a retried event email nobody
// twice. The inbox hides the kinds a member turned off in-app.
function record(
  kind: NotificationKind,
  eventKey: string,
  suggestionId: number | null,
  payload: Record<string, unknown>,
  recipients: Recipient[],
): { notified: number } {
  const wanted = recipients
    .map((r) => ({ userId: r.userId, channels: channelsFor(kind, r.saved) }))
    .filter((r) => r.channels.inApp || r.channels.email);
  if (wanted.length === 0) return { notified: 0 };
  const json = JSON.stringify(payload);
  const db = getDb();
  const inserted = db.transaction((tx) => {
    const ids: number[] = [];
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < wanted.length; i += 500) {
      const rows = tx
        .insert(notifications)
        .values(wanted.slice(i, i + 500).map((r) => ({ userId: r.userId, kind, eventKey, suggestionId, payload: json })))
        .onConflictDoNothing()
        .returning({ userId: notifications.userId })
        .all();
      ids.push(...rows.map((r) => r.userId));
    }
    const added = new Set(ids);
    const emailTo = wanted.filter((r) => r.channels.email && added.has(r.userId)).map((r) => r.userId);
    if (emailTo.length > 0) recordEvent({ type: "notification_emails_due", eventKey, userIds: emailTo });
    return added;
  }, { behavior: "immediate" });
  return { notified: inserted.size };
}

// ---- The inbox ----

export const NOTIFICATIONS_PER_PAGE = 20;

function hiddenKinds(userId: number): NotificationKind[] {
  const saved = getNotificationPreferences(userId);
  return NOTIFICATION_KINDS.filter((kind) => !saved[kind].inApp);
}

function visibleTo(userId: number) {
  const hidden = hiddenKinds(userId);
  return and(eq(notifications.userId, userId), hidden.length ? notInArray(notifications.kind, hidden) : undefined);
}

// The bell on every page: unread per kind (notifications_unread_idx alone), so one prepared
// query serves every member whatever kinds they have switched off.
const unreadByKind = preparedQuery((db) =>
  db
    .select({ kind: notifications.kind, n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .groupBy(notifications.kind)
    .prepare(),
);

// Counted again only once the database changed: a notification, a read, a preference are writes.
const recentUnreadCounts = memoryCache(5_000);

export function unreadCount(userId: number): number {
  return recentUnreadCounts(String(userId), () => {
    const hidden = new Set(hiddenKinds(userId));
    return unreadByKind()
      .all({ userId })
      .reduce((total, { kind, n }) => (hidden.has(kind) ? total : total + n), 0);
  });
}

export type InboxItem = {
  id: number;
  kind: NotificationKind;
  createdAt: Date;
  read: boolean;
  message: NotificationMessage;
};

// Unread first, then newest first.
export function listNotifications(userId: number, page = 1) {
  const db = getDb();
  const where = visibleTo(userId);
  const total = db.select({ n: count() }).from(notifications).where(where).get()!.n;
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      suggestionId: notifications.suggestionId,
      suggestionTitle: suggestions.title,
      payload: notifications.payload,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .leftJoin(suggestions, eq(suggestions.id, notifications.suggestionId))
    .where(where)
    .orderBy(sql`${notifications.readAt} is null desc`, desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset((current - 1) * NOTIFICATIONS_PER_PAGE)
    .all();
  const items: InboxItem[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.createdAt,
    read: r.readAt !== null,
    message: describeNotification({ ...r, payload: parsePayload(r.payload) }),
  }));
  return { items, page: current, pages, total };
}

// A member opens one of their notifications: it is read from then on, and the answer is
// where it leads. Null when it is not theirs (or no longer exists).
export function openNotification(userId: number, notificationId: number, now = new Date()): { path: string } | null {
  const row = getDb()
    .select({
      kind: notifications.kind,
      suggestionId: notifications.suggestionId,
      suggestionTitle: suggestions.title,
      payload: notifications.payload,
    })
    .from(notifications)
    .leftJoin(suggestions, eq(suggestions.id, notifications.suggestionId))
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .get();
  if (!row) return null;
  markRead(userId, [notificationId], now);
  return { path: describeNotification({ ...row, payload: parsePayload(row.payload) }).path };
}

export function markRead(userId: number, ids: number[] | "all", now = new Date()): number {
  if (ids !== "all" && ids.length === 0) return 0;
  return getDb()
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        ids === "all" ? undefined : inArray(notifications.id, ids),
      ),
    )
    .run().changes;
}

function parsePayload(json: string): NotificationPayload {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as NotificationPayload) : {};
  } catch {
    return {};
  }
}

// ---- Preferences ----

export type NotificationPreferences = Record<NotificationKind, Channels>;

const preferencesOf = preparedQuery((db) =>
  db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, sql.placeholder("userId"))).prepare(),
);

export function getNotificationPreferences(userId: number): NotificationPreferences {
  const rows = preferencesOf().all({ userId });
  const saved = new Map(rows.map((r) => [r.kind, r]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelsFor(kind, saved.get(kind))])) as NotificationPreferences;
}

export function setNotificationPreferences(userId: number, preferences: Partial<NotificationPreferences>) {
  const db = getDb();
  db.transaction((tx) => {
    for (const kind of NOTIFICATION_KINDS) {
      const channels = preferences[kind];
      if (!channels) continue;
      tx.insert(notificationPreferences)
        .values({ userId, kind, inApp: channels.inApp, email: channels.email })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { inApp: channels.inApp, email: channels.email },
        })
        .run();
    }
  }, { behavior: "immediate" });
}

// ---- One-click unsubscribe (RFC 8058) ----

// The link's token is "<userId>.<kind>.<HMAC>": anyone holding it may turn that one kind of
// email off for that one member, and nobody can make one for someone else.
// Read once per process: it never changes, and a digest run signs a link for every member.
let cachedUnsubscribeSecret: { databaseUrl: string; secret: string } | undefined;
function unsubscribeSecret(): string {
  const databaseUrl = env().DATABASE_URL;
  if (cachedUnsubscribeSecret?.databaseUrl !== databaseUrl) cachedUnsubscribeSecret = { databaseUrl, secret: appSecret("unsubscribe_secret") };
  return cachedUnsubscribeSecret.secret;
}

function signature(userId: number, kind: NotificationKind) {
  return createHmac("sha256", unsubscribeSecret()).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
}

export function unsubscribeToken(userId: number, kind: NotificationKind): string {
  return `${userId}.${kind}.${signature(userId, kind)}`;
}

export function readUnsubscribeToken(token: string | null | undefined): { userId: number; kind: NotificationKind } | null {
  const match = /^([1-9][0-9]{0,15})\.([a-z_]+)\.([A-Za-z0-9_-]{43})$/.exec(token ?? "");
  if (!match || !isNotificationKind(match[2])) return null;
  const userId = Number(match[1]);
  const expected = Buffer.from(signature(userId, match[2]));
  const given = Buffer.from(match[3]);
  return timingSafeEqual(expected, given) ? { userId, kind: match[2] } : null;
}

// Turns one kind of email off; the in-app switch stays as it was.
export function unsubscribe(token: string | null | undefined): { ok: true; kind: NotificationKind } | { ok: false } {
  const target = readUnsubscribeToken(token);
  if (!target) return { ok: false };
  const current = getNotificationPreferences(target.userId)[target.kind];
  setNotificationPreferences(target.userId, { [target.kind]: { inApp: current.inApp, email: false } });
  return { ok: true, kind: target.kind };
}

// ---- Email ----

// The email subscriber (app/subscribers.server.ts): one email per recipient
// of a notification that asked for one.
export async function sendNotificationEmails(event: { eventKey: string; userIds: readonly number[] }) {
  for (const userId of event.userIds) await emailNotification(userId, event.eventKey);
}

// Resolves once every email due so far has been sent or recorded (tests, shutdown).
export async function pendingEmails(): Promise<void> {
  await drainOutbox();
}

async function emailNotification(userId: number, eventKey: string) {
  const db = getDb();
  const row = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      suggestionId: notifications.suggestionId,
      suggestionTitle: suggestions.title,
      payload: notifications.payload,
      to: users.email,
      locale: users.locale,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(suggestions, eq(suggestions.id, notifications.suggestionId))
    .where(and(eq(notifications.userId, userId), eq(notifications.eventKey, eventKey)))
    .get();
  // Gone (rolled back, the member left), or emailed already: a retried delivery whose first
  // try sent the email but died before it was marked done sends nothing twice.
  if (!row || db.select({ id: emails.id }).from(emails).where(eq(emails.notificationId, row.id)).get()) return;
  const message = composeEmail({ ...row, userId, payload: parsePayload(row.payload) });
  await deliverEmail({ userId, notificationId: row.id, to: row.to, ...message });
}

function composeEmail(n: {
  userId: number;
  kind: NotificationKind;
  suggestionId: number | null;
  suggestionTitle: string | null;
  payload: NotificationPayload;
  locale: string | null;
}) {
  const t = translator(isLanguage(n.locale) ? n.locale : "en");
  const appUrl = env().APP_URL.replace(/\/+$/, "");
  const description = describeNotification(n);
  const line = translateMessage(t, description);
  const link = appUrl + description.path;
  const unsubscribeUrl = `${appUrl}/notifications/unsubscribe?token=${encodeURIComponent(unsubscribeToken(n.userId, n.kind))}`;
  const settingsUrl = `${appUrl}/notifications/settings`;
  const kindName = t(`notifications.kinds.${n.kind}`);
  const paragraphs = [
    line,
    description.note,
    `${t("notifications.email.open")}: ${link}`,
  ].filter((p): p is string => !!p);
  const footer = [
    t("notifications.email.why", { kind: kindName }),
    `${t("notifications.email.unsubscribe", { kind: kindName })}: ${unsubscribeUrl}`,
    `${t("notifications.email.settings")}: ${settingsUrl}`,
  ];
  const html = [
    `<p>${escapeHtml(line)}</p>`,
    description.note ? `<blockquote>${escapeHtml(description.note)}</blockquote>` : "",
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t("notifications.email.open"))}</a></p>`,
    `<hr><p style="color:#666;font-size:small">${escapeHtml(footer[0])}<br>`,
    `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(t("notifications.email.unsubscribe", { kind: kindName }))}</a> · `,
    `<a href="${escapeHtml(settingsUrl)}">${escapeHtml(t("notifications.email.settings"))}</a></p>`,
  ].join("\n");
  return {
    subject: `${t("common.appName")}: ${line}`,
    text: [...paragraphs, "--", ...footer].join("\n\n") + "\n",
    html,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
