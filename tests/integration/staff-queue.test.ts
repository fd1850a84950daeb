import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { notifications, suggestions, suggestionTags } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { DEFAULT_SETTINGS } from "~/platform/settings-form";
import { getSetting, getSettings, saveSettings } from "~/platform/settings.server";
import { latestSuggestionId, queueCounts, queueEvents, staffQueue } from "~/features/staff/staff-queue.server";
import { createBoard, createMember, createStaff, createSuggestion, createTag } from "../factories";

const HOUR = 3_600_000;
const NOW = Date.UTC(2025, 5, 2, 12);
const ago = (hours: number) => new Date(NOW - hours * HOUR);

async function queueFixture() {
  const board = createBoard();
  const tag = createTag();
  const make = (hoursAgo: number, extra: Partial<typeof suggestions.$inferInsert> = {}) =>
    createSuggestion({ board, createdAt: ago(hoursAgo), ...extra });
  const late = await make(30);
  const waiting = await make(10);
  const answeredLongAgo = await make(50, { firstOfficialReplyAt: ago(49) });
  const declined = await make(5, { status: "declined" });
  const fresh = await make(2);
  const answeredToday = await make(6, { firstOfficialReplyAt: ago(3), status: "planned" });
  const answeredLastMonth = await make(800, { firstOfficialReplyAt: ago(700) });
  getDb().insert(suggestionTags).values({ suggestionId: fresh.id, tagId: tag.id }).run();
  return { board, tag, late, waiting, answeredLongAgo, declined, fresh, answeredToday, answeredLastMonth };
}

const ids = (items: { id: number }[]) => items.map((i) => i.id);

describe("staff queue", () => {
  test("unanswered first, oldest first; by default only what the team still has to act on", async () => {
    const f = await queueFixture();
    const { items, total } = staffQueue({ boardId: f.board.id }, { page: 1 });
    expect(ids(items)).toEqual([f.late.id, f.waiting.id, f.fresh.id, f.answeredLastMonth.id, f.answeredLongAgo.id, f.answeredToday.id]);
    expect(total).toBe(6);
  });

  test("filters by status and tag", async () => {
    const f = await queueFixture();
    expect(ids(staffQueue({ boardId: f.board.id, status: "declined" }, { page: 1 }).items)).toEqual([f.declined.id]);
    expect(ids(staffQueue({ tagId: f.tag.id }, { page: 1 }).items)).toEqual([f.fresh.id]);
    expect(staffQueue({ boardId: -1 }, { page: 1 }).items).toEqual([]);
  });

  test("counts unanswered, over target and the median first response of the last seven days", async () => {
    const f = await queueFixture();
    expect(queueCounts({ boardId: f.board.id }, { targetMs: 24 * HOUR, now: NOW })).toEqual({
      unanswered: 3,
      overTarget: 1,
      // 1 h (answered 49 h ago) and 3 h (answered today); last month's answer is out of the week.
      medianFirstResponseMs: 2 * HOUR,
      answeredThisWeek: 2,
    });
    expect(queueCounts({ boardId: f.board.id }, { targetMs: 8 * HOUR, now: NOW })).toMatchObject({ overTarget: 2 });
    expect(queueCounts({ tagId: f.tag.id }, { targetMs: 24 * HOUR, now: NOW })).toEqual({
      unanswered: 1,
      overTarget: 0,
      medianFirstResponseMs: null,
      answeredThisWeek: 0,
    });
  });

  test("the live feed sends suggestions posted after the one given, then ends when the request does", async () => {
    const after = latestSuggestionId();
    const abort = new AbortController();
    const reader = queueEvents({ after, signal: abort.signal, intervalMs: 10 }).getReader();
    const posted = await createSuggestion();
    let received = "";
    while (!received.includes(`id: ${posted.id}\n`)) {
      const { value } = await reader.read();
      received += new TextDecoder().decode(value);
    }
    expect(received).toContain("event: suggestion\n");
    expect(received).toContain(JSON.stringify({ id: posted.id, title: posted.title }));
    abort.abort();
    // Whatever was already queued drains, then the stream is over.
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

describe("response times", () => {
  test("the first official reply stamps the suggestion once and tells its followers", async () => {
    const staff = await createStaff();
    const author = await createMember();
    const s = await createSuggestion({ author, createdAt: ago(5) });
    const member = await createMember();
    addComment({ suggestionId: s.id, authorId: member.id, body: "Me too", now: ago(4) });
    const reply = addComment({ suggestionId: s.id, authorId: staff.id, body: "On it.", official: true, now: ago(3) });
    addComment({ suggestionId: s.id, authorId: staff.id, body: "Still on it.", official: true, now: ago(1) });
    if (!reply.ok) throw new Error("reply failed");
    expect(getDb().select().from(suggestions).where(eq(suggestions.id, s.id)).get()!.firstOfficialReplyAt).toEqual(ago(3));
    const told = getDb().select().from(notifications).where(eq(notifications.eventKey, `official_reply:${reply.id}`)).all();
    // The author and the member who commented; not the staff member who replied.
    expect(told.map((n) => n.userId).sort((a, b) => a - b)).toEqual([author.id, member.id].sort((a, b) => a - b));
    expect(told.every((n) => n.kind === "official_reply")).toBe(true);
  });
});

describe("settings", () => {
  test("read their defaults until saved, and refuse invalid values", () => {
    expect(getSettings()).toEqual(DEFAULT_SETTINGS);
    expect(getSetting("responseTargetHours")).toBe(24);
    expect(saveSettings({ responseTargetHours: 8 })).toEqual({ ...DEFAULT_SETTINGS, responseTargetHours: 8 });
    expect(getSetting("responseTargetHours")).toBe(8);
    expect(() => saveSettings({ responseTargetHours: 0 })).toThrow();
    expect(() => saveSettings({ responseTargetHours: 2.5 })).toThrow();
    expect(getSetting("responseTargetHours")).toBe(8);
    saveSettings({ responseTargetHours: 24 });
  });
});
