import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { emails, notifications, suggestionCredits } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { resetEnv } from "~/platform/env.server";
import {
  getNotificationPreferences,
  listNotifications,
  markRead,
  notifySuggestionFollowers,
  notifyUser,
  pendingEmails,
  readUnsubscribeToken,
  setNotificationPreferences,
  unreadCount,
  unsubscribeToken,
} from "~/features/notifications/notifications.server";
import { action as unsubscribeAction } from "~/routes/notifications.unsubscribe";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createStaff, createSuggestion } from "../factories";

const rowsFor = (userId: number) => getDb().select().from(notifications).where(eq(notifications.userId, userId)).all();
const emailsFor = (userId: number) => getDb().select().from(emails).where(eq(emails.userId, userId)).all();

// A suggestion followed every way there is: the author (who voted on posting and comments
// too), two voters of whom one also comments, a commenter, a co-author, and a staff member
// who comments and votes and is the one acting. (No official reply: that notifies already.)
async function followedSuggestion() {
  const author = await createMember();
  const voter = await createMember();
  const voterWhoComments = await createMember();
  const commenter = await createMember();
  const coAuthor = await createMember();
  const staff = await createStaff();
  const suggestion = await createSuggestion({ author });
  for (const user of [voter, voterWhoComments, staff]) setVote({ suggestionId: suggestion.id, userId: user.id, voted: true });
  for (const user of [author, voterWhoComments, commenter, author])
    addComment({ suggestionId: suggestion.id, authorId: user.id, body: "Me too" });
  addComment({ suggestionId: suggestion.id, authorId: staff.id, body: "Thanks, noted" });
  getDb().insert(suggestionCredits).values({ suggestionId: suggestion.id, userId: coAuthor.id }).run();
  // The setup's own comments told the followers (batched "new comments"); these tests count
  // what the event under test adds.
  getDb().delete(notifications).where(eq(notifications.suggestionId, suggestion.id)).run();
  return { suggestion, author, voter, voterWhoComments, commenter, coAuthor, staff };
}

afterEach(async () => {
  await pendingEmails();
  delete process.env.SMTP_URL;
  resetEnv();
});

describe("notifySuggestionFollowers", () => {
  it("tells each follower exactly once and never the actor", async () => {
    const f = await followedSuggestion();
    const result = notifySuggestionFollowers({
      kind: "official_reply",
      suggestionId: f.suggestion.id,
      eventKey: "official_reply:1",
      actorId: f.staff.id,
    });
    expect(result.notified).toBe(5);
    for (const user of [f.author, f.voter, f.voterWhoComments, f.commenter, f.coAuthor]) {
      expect(rowsFor(user.id)).toHaveLength(1);
    }
    expect(rowsFor(f.staff.id)).toHaveLength(0);
  });

  it("is what an official reply sets off", async () => {
    const f = await followedSuggestion();
    const reply = addComment({ suggestionId: f.suggestion.id, authorId: f.staff.id, body: "Planned for 2.4", official: true });
    expect(reply.ok).toBe(true);
    for (const user of [f.author, f.voter, f.voterWhoComments, f.commenter, f.coAuthor]) {
      expect(rowsFor(user.id)).toMatchObject([{ kind: "official_reply", suggestionId: f.suggestion.id }]);
    }
    expect(rowsFor(f.staff.id)).toHaveLength(0);
    expect(listNotifications(f.author.id).items[0].message.path).toBe(`/s/${f.suggestion.id}?comment=${reply.ok && reply.id}#comment-${reply.ok && reply.id}`);
  });

  it("adds nothing when the same event is notified again", async () => {
    const f = await followedSuggestion();
    const event = { kind: "ship", suggestionId: f.suggestion.id, eventKey: "ship:7", actorId: f.staff.id } as const;
    expect(notifySuggestionFollowers(event).notified).toBe(5);
    expect(notifySuggestionFollowers(event).notified).toBe(0);
    await pendingEmails();
    expect(rowsFor(f.author.id)).toHaveLength(1);
    expect(emailsFor(f.author.id)).toHaveLength(1);
  });

  it("works inside the caller's transaction and emails nobody if it rolls back", async () => {
    const f = await followedSuggestion();
    expect(() =>
      getDb().transaction(() => {
        notifySuggestionFollowers({ kind: "ship", suggestionId: f.suggestion.id, eventKey: "ship:rolled-back", actorId: f.staff.id });
        throw new Error("the ship failed");
      }),
    ).toThrow("the ship failed");
    await pendingEmails();
    expect(rowsFor(f.author.id)).toHaveLength(0);
    expect(emailsFor(f.author.id)).toHaveLength(0);
  });

  it("respects each member's switches", async () => {
    const f = await followedSuggestion();
    setNotificationPreferences(f.voter.id, { status_change: { inApp: false, email: false } });
    setNotificationPreferences(f.commenter.id, { status_change: { inApp: false, email: true } });
    setNotificationPreferences(f.coAuthor.id, { status_change: { inApp: true, email: false } });
    const result = notifySuggestionFollowers({
      kind: "status_change",
      suggestionId: f.suggestion.id,
      eventKey: "status_change:1",
      actorId: f.staff.id,
      payload: { from: "open", to: "planned", note: "Next sprint" },
    });
    await pendingEmails();
    // Both switches off: no row and no email.
    expect(result.notified).toBe(4);
    expect(rowsFor(f.voter.id)).toHaveLength(0);
    expect(emailsFor(f.voter.id)).toHaveLength(0);
    // Email only: emailed, and nothing in the inbox.
    expect(emailsFor(f.commenter.id)).toHaveLength(1);
    expect(unreadCount(f.commenter.id)).toBe(0);
    expect(listNotifications(f.commenter.id).items).toHaveLength(0);
    // In-app only: in the inbox, no email.
    expect(unreadCount(f.coAuthor.id)).toBe(1);
    expect(emailsFor(f.coAuthor.id)).toHaveLength(0);
    // Defaults: both.
    expect(unreadCount(f.author.id)).toBe(1);
    expect(emailsFor(f.author.id)).toHaveLength(1);
  });

  it("emails merges only to those who asked (off by default)", async () => {
    const f = await followedSuggestion();
    setNotificationPreferences(f.voter.id, { merge: { inApp: true, email: true } });
    notifySuggestionFollowers({ kind: "merge", suggestionId: f.suggestion.id, eventKey: "merge:1", actorId: f.staff.id });
    await pendingEmails();
    expect(emailsFor(f.author.id)).toHaveLength(0);
    expect(emailsFor(f.voter.id)).toHaveLength(1);
  });
});

describe("notifyUser", () => {
  it("notifies one member once per event", async () => {
    const member = await createMember();
    const input = { userId: member.id, kind: "complaint", eventKey: "complaint:3:resolved", payload: { title: "Slow", complaintStatus: "resolved" } } as const;
    expect(notifyUser(input).notified).toBe(1);
    expect(notifyUser(input).notified).toBe(0);
    const [item] = listNotifications(member.id).items;
    expect(item.message).toMatchObject({ key: "complaintStatus", values: { title: "Slow" } });
  });

  it("does nothing when both switches are off", async () => {
    const member = await createMember();
    setNotificationPreferences(member.id, { badge: { inApp: false, email: false } });
    expect(notifyUser({ userId: member.id, kind: "badge", eventKey: "badge:first" }).notified).toBe(0);
    expect(rowsFor(member.id)).toHaveLength(0);
  });
});

describe("the inbox", () => {
  it("counts unread, lists unread first, and marks read", async () => {
    const member = await createMember();
    const suggestion = await createSuggestion({ author: member });
    const staff = await createStaff();
    for (const n of [1, 2, 3]) {
      notifySuggestionFollowers({ kind: "official_reply", suggestionId: suggestion.id, eventKey: `official_reply:${n}`, actorId: staff.id });
    }
    expect(unreadCount(member.id)).toBe(3);
    const oldest = listNotifications(member.id).items.at(-1)!;
    expect(markRead(member.id, [oldest.id])).toBe(1);
    expect(unreadCount(member.id)).toBe(2);
    const list = listNotifications(member.id);
    expect(list.items.map((i) => i.read)).toEqual([false, false, true]);
    expect(list.items[0].message).toEqual({
      key: "officialReply",
      values: { title: suggestion.title },
      note: null,
      path: `/s/${suggestion.id}`,
    });
    // Someone else's ids are not theirs to mark.
    const other = await createMember();
    expect(markRead(other.id, "all")).toBe(0);
    expect(markRead(member.id, "all")).toBe(2);
    expect(unreadCount(member.id)).toBe(0);
  });

  it("pages through a long inbox", async () => {
    const member = await createMember();
    for (let n = 0; n < 25; n++) notifyUser({ userId: member.id, kind: "badge", eventKey: `badge:${n}`, payload: { badgeName: `B${n}` } });
    expect(listNotifications(member.id, 1)).toMatchObject({ page: 1, pages: 2, total: 25 });
    expect(listNotifications(member.id, 2).items).toHaveLength(5);
    expect(listNotifications(member.id, 99).page).toBe(2);
  });
});

describe("email without SMTP_URL", () => {
  it("is recorded as not sent, and nothing fails", async () => {
    const member = await createMember();
    notifyUser({ userId: member.id, kind: "complaint", eventKey: "complaint:x", payload: { title: "Slow replies" } });
    await pendingEmails();
    const [email] = emailsFor(member.id);
    expect(email).toMatchObject({ toAddress: member.email, status: "not_sent", error: null });
    expect(email.notificationId).toBe(rowsFor(member.id)[0].id);
  });
});

describe("email through a real SMTP server", () => {
  type Received = { from: string; to: string[]; raw: string };
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onRcptTo(address, _session, callback) {
        // A mailbox that does not exist, to see a refusal recorded as a failure.
        if (address.address.startsWith("nobody")) return callback(new Error("No such mailbox"));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const useSmtp = () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnv();
  };

  it("delivers a status change with a link, a plain-text part and one-click unsubscribe", async () => {
    useSmtp();
    const author = await createMember({ locale: "en" });
    const staff = await createStaff();
    const suggestion = await createSuggestion({ author, title: "Dark mode for the gallery" });
    notifySuggestionFollowers({
      kind: "status_change",
      suggestionId: suggestion.id,
      eventKey: "status_change:smtp",
      actorId: staff.id,
      payload: { from: "planned", to: "shipped", note: "In 2.4" },
    });
    await pendingEmails();

    const message = received.find((m) => m.to.includes(author.email));
    expect(message).toBeDefined();
    const headers = parseHeaders(message!.raw);
    expect(headers.get("to")).toBe(author.email);
    expect(decodeWords(headers.get("subject")!)).toBe("Sprout: “Dark mode for the gallery” moved from Planned to Shipped");
    expect(headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<(http:\/\/localhost:3000\/notifications\/unsubscribe\?token=[^>]+)>$/.exec(headers.get("list-unsubscribe")!)?.[1];
    expect(unsubscribeUrl).toBeDefined();
    expect(message!.raw).toContain("Content-Type: text/plain");
    const text = decodeQuotedPrintable(message!.raw);
    expect(text).toContain(`http://localhost:3000/s/${suggestion.id}`);
    expect(text).toContain("In 2.4");
    expect(text).toContain(unsubscribeUrl!);
    expect(emailsFor(author.id)).toMatchObject([{ status: "sent", error: null }]);

    // The mail client's RFC 8058 one-click POST, without any session.
    const response = await unsubscribeAction({
      request: new Request(unsubscribeUrl!, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      params: {},
      context: {},
    });
    expect(response.init?.status ?? 200).toBe(200);
    expect(getNotificationPreferences(author.id).status_change).toEqual({ inApp: true, email: false });

    // The next status change reaches the inbox but sends no email.
    notifySuggestionFollowers({ kind: "status_change", suggestionId: suggestion.id, eventKey: "status_change:smtp-2", actorId: staff.id });
    await pendingEmails();
    expect(unreadCount(author.id)).toBe(2);
    expect(emailsFor(author.id)).toHaveLength(1);
  });

  it("writes in the recipient's language", async () => {
    useSmtp();
    const member = await createMember({ locale: "zh" });
    const suggestion = await createSuggestion({ author: member, title: "相册深色模式" });
    const staff = await createStaff();
    notifySuggestionFollowers({ kind: "ship", suggestionId: suggestion.id, eventKey: "ship:zh", actorId: staff.id });
    await pendingEmails();
    const message = received.find((m) => m.to.includes(member.email))!;
    expect(decodeWords(parseHeaders(message.raw).get("subject")!)).toBe("新芽: 「相册深色模式」已上线");
  });

  it("records a refused delivery as failed without throwing", async () => {
    useSmtp();
    const member = await createMember({ email: `nobody-${Date.now()}@example.com` });
    notifyUser({ userId: member.id, kind: "complaint", eventKey: "complaint:refused", payload: { title: "Refunds" } });
    await pendingEmails();
    const [email] = emailsFor(member.id);
    expect(email.status).toBe("failed");
    expect(email.error).toMatch(/No such mailbox/);
  });
});

describe("unsubscribe tokens", () => {
  it("accept only what was signed", () => {
    const token = unsubscribeToken(42, "ship");
    expect(readUnsubscribeToken(token)).toEqual({ userId: 42, kind: "ship" });
    expect(readUnsubscribeToken(token.replace(/^42\./, "43."))).toBeNull();
    expect(readUnsubscribeToken(token.replace(".ship.", ".merge."))).toBeNull();
    expect(readUnsubscribeToken(token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
    expect(readUnsubscribeToken("")).toBeNull();
    expect(readUnsubscribeToken(null)).toBeNull();
  });

  it("refuse a forged link and change nothing", async () => {
    const member = await createMember();
    const forged = `${member.id}.ship.${"A".repeat(43)}`;
    const response = await unsubscribeAction({
      request: new Request(`http://localhost/notifications/unsubscribe?token=${forged}`, { method: "POST", body: new FormData() }),
      params: {},
      context: {},
    });
    expect(response.init?.status).toBe(400);
    expect(getNotificationPreferences(member.id).ship.email).toBe(true);
    expect(getDb().select().from(notifications).where(and(eq(notifications.userId, member.id))).all()).toHaveLength(0);
  });
});

// Just enough MIME for the assertions: unfolded top-level headers, encoded words and the
// quoted-printable body.
function parseHeaders(raw: string) {
  const head = raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " ");
  return new Map(
    head.split(/\r?\n/).map((line) => {
      const colon = line.indexOf(":");
      return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()] as const;
    }),
  );
}

function decodeWords(value: string) {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toLowerCase() === "b"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    );
}

function decodeQuotedPrintable(raw: string) {
  return Buffer.from(
    raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");
}
