import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { badgeGrants, boardParticipants, comments, notifications, savedReplies, statusChanges, suggestions, suggestionTags, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { answerSuggestion, answerView, nextWaitingSuggestion } from "~/features/staff/answers.server";
import { bulkChangeStatus, bulkMoveToBoard, bulkTag } from "~/features/staff/bulk.server";
import { saveSavedReply } from "~/features/staff/saved-replies.server";
import { changeStatus, revertStatusChange } from "~/features/lifecycle/lifecycle.server";
import { action as suggestionAction } from "~/routes/s.$id/route";
import { action as answerAction, loader as answerLoader } from "~/routes/staff_.answer.$id";
import { action as repliesAction, loader as repliesLoader } from "~/routes/staff_.replies";
import { action as queueAction } from "~/routes/staff";
import { createBoard, createMember, createStaff, createSuggestion, createTag } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const load = (id: number) => getDb().select().from(suggestions).where(eq(suggestions.id, id)).get()!;
const officialReplies = (id: number) =>
  getDb().select().from(comments).where(and(eq(comments.suggestionId, id), eq(comments.isOfficial, true))).all();
const badgesOf = (userId: number) => getDb().select().from(badgeGrants).where(eq(badgeGrants.userId, userId)).all().map((b) => b.badgeId);
const notificationsOf = (userId: number) => getDb().select().from(notifications).where(eq(notifications.userId, userId)).all();

// Older than anything else in the test database (and than the pairs before), so the pair
// leads the queue: first, then second.
let year = 1990;
async function twoWaiting() {
  year -= 1;
  const first = await createSuggestion({ createdAt: new Date(Date.UTC(year, 0, 1)) });
  const second = await createSuggestion({ createdAt: new Date(Date.UTC(year, 0, 2)) });
  return { first, second };
}

function template(actorId: number, overrides: { title?: string } = {}) {
  const saved = saveSavedReply({ title: "Planned", bodyEn: "Thanks {author}, “{title}” is planned for {board}.", bodyZh: "谢谢{author}，「{title}」已列入{board}的计划。", status: "planned", actorId, ...overrides });
  if (!saved.ok) throw new Error("not saved");
  return saved.id;
}

describe("answering from the queue", () => {
  test("an answer posts an official reply, changes the status, counts the saved reply and names the next waiting suggestion", async () => {
    const staff = await createStaff();
    const { first, second } = await twoWaiting();
    const replyId = template(staff.id);
    const result = answerSuggestion({ suggestionId: first.id, actorId: staff.id, body: "Planned, thanks!", to: "planned", savedReplyId: replyId });
    expect(result).toMatchObject({ ok: true, nextId: second.id });
    expect(load(first.id)).toMatchObject({ status: "planned" });
    expect(load(first.id).firstOfficialReplyAt).not.toBeNull();
    expect(officialReplies(first.id).map((c) => c.body)).toEqual(["Planned, thanks!"]);
    expect(getDb().select().from(statusChanges).where(eq(statusChanges.suggestionId, first.id)).get()).toMatchObject({ toStatus: "planned", note: "Planned, thanks!" });
    expect(getDb().select().from(savedReplies).where(eq(savedReplies.id, replyId)).get()!.usageCount).toBe(1);
    expect(nextWaitingSuggestion()).toBe(second.id);
  });

  test("a status the lifecycle refuses posts nothing at all", async () => {
    const staff = await createStaff();
    const s = await createSuggestion({ status: "open" });
    expect(answerSuggestion({ suggestionId: s.id, actorId: staff.id, body: "Shipping!", to: "shipped" })).toEqual({
      ok: false,
      reason: "invalid",
      error: "lifecycle.errors.notAllowed",
    });
    expect(officialReplies(s.id)).toEqual([]);
    expect(load(s.id).status).toBe("open");
  });

  test("saved replies come filled in the suggestion's language", async () => {
    const staff = await createStaff();
    const board = createBoard({ nameEn: "Camera", nameZh: "相机" });
    const author = await createMember({ displayName: "小米粉" });
    const zh = await createSuggestion({ board, author, title: "希望相机支持夜景模式", body: "晚上拍照太暗了" });
    const en = await createSuggestion({ board, author, title: "Night mode for the camera", body: "Photos are dark" });
    const replyId = template(staff.id, { title: `Planned ${zh.id}` });
    const filled = (id: number) => answerView(id, staff)!.savedReplies.find((r) => r.id === replyId)!.body;
    expect(filled(zh.id)).toBe("谢谢小米粉，「希望相机支持夜景模式」已列入相机的计划。");
    expect(filled(en.id)).toBe("Thanks 小米粉, “Night mode for the camera” is planned for Camera.");
  });

  test("the answer route: staff are sent to the next waiting suggestion, or get data back in the queue", async () => {
    const staff = await createStaff();
    const { first, second } = await twoWaiting();
    const post = (id: number, form: Record<string, string>) =>
      outcome(() => answerAction(routeArgs(requestAs(staff, `/staff/answer/${id}`, { form }), { id: String(id) })));
    expect(await post(first.id, { body: "Thanks, we are looking.", to: "under_review" })).toMatchObject({ status: 302, location: `/staff/answer/${second.id}` });
    const fromQueue = await post(second.id, { body: "Thanks!", to: "", then: "queue" });
    expect(fromQueue.status).toBe(200);
    expect(fromQueue.body).toMatchObject({ answered: { id: second.id } });
    expect(load(second.id).status).toBe("open");
  });

  test("bad input keeps the text and stores nothing", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    const post = (form: Record<string, string>) =>
      outcome(() => answerAction(routeArgs(requestAs(staff, `/staff/answer/${s.id}`, { form }), { id: String(s.id) })));
    const empty = await post({ body: "  ", to: "planned" });
    expect(empty.status).toBe(400);
    const declined = await post({ body: "No.", to: "shipped" });
    expect(declined.status).toBe(400);
    expect(declined.body).toMatchObject({ answer: { initialValue: { body: "No." }, error: { to: ["lifecycle.errors.notAllowed"] } } });
    expect(await post({ body: "x", to: "nonsense" })).toMatchObject({ status: 400 });
    expect(officialReplies(s.id)).toEqual([]);
    const missing = await outcome(() => answerAction(routeArgs(requestAs(staff, "/staff/answer/999999", { form: { body: "Hi" } }), { id: "999999" })));
    expect(missing.status).toBe(404);
  });

  test("members get 403 and visitors are sent to log in, on the page and its action", async () => {
    const s = await createSuggestion();
    const member = await createMember();
    const form = { body: "I am staff, honestly.", to: "planned" };
    for (const run of [
      () => answerLoader(routeArgs(requestAs(member, `/staff/answer/${s.id}`), { id: String(s.id) })),
      () => answerAction(routeArgs(requestAs(member, `/staff/answer/${s.id}`, { form }), { id: String(s.id) })),
    ]) {
      expect((await outcome(run)).status).toBe(403);
    }
    const visitor = await outcome(() => answerAction(routeArgs(requestAs(null, `/staff/answer/${s.id}`, { form }), { id: String(s.id) })));
    expect(visitor.status).toBe(302);
    expect(officialReplies(s.id)).toEqual([]);
  });
});

describe("saved replies page", () => {
  test("staff create, edit and delete; placeholders are checked; members are refused", async () => {
    const staff = await createStaff();
    const post = (user: { id: number }, form: Record<string, string>) =>
      outcome(() => repliesAction(routeArgs(requestAs(user, "/staff/replies", { form }))));
    const title = `Thanks ${Date.now()}`;
    expect(await post(staff, { formId: "new", title, bodyEn: "Thanks {author}!", bodyZh: "谢谢{author}！", status: "" })).toMatchObject({ status: 302 });
    const created = getDb().select().from(savedReplies).where(eq(savedReplies.title, title)).get()!;
    expect(created).toMatchObject({ bodyZh: "谢谢{author}！", status: null, usageCount: 0 });

    const typo = await post(staff, { formId: `reply-${created.id}`, id: String(created.id), title, bodyEn: "Thanks {autor}!", bodyZh: "谢谢", status: "planned" });
    expect(typo).toMatchObject({ status: 400, body: { result: { error: { bodyEn: ["staff.replies.errors.placeholder"] } } } });
    expect(await post(staff, { formId: `reply-${created.id}`, id: String(created.id), title, bodyEn: "Thanks!", bodyZh: "谢谢！", status: "planned" })).toMatchObject({ status: 302 });
    expect(getDb().select().from(savedReplies).where(eq(savedReplies.id, created.id)).get()).toMatchObject({ bodyEn: "Thanks!", status: "planned" });

    const member = await createMember();
    expect((await post(member, { formId: "new", title: "Mine", bodyEn: "x", bodyZh: "x" })).status).toBe(403);
    expect((await outcome(() => repliesLoader(routeArgs(requestAs(member, "/staff/replies"))))).status).toBe(403);
    expect((await post(member, { intent: "delete", id: String(created.id) })).status).toBe(403);

    expect(await post(staff, { intent: "delete", formId: `reply-${created.id}`, id: String(created.id) })).toMatchObject({ status: 302 });
    expect(getDb().select().from(savedReplies).where(eq(savedReplies.id, created.id)).get()).toBeUndefined();
  });
});

describe("bulk actions", () => {
  test("one status for several in one go, each follower told once with how many of theirs moved", async () => {
    const staff = await createStaff();
    const fan = await createMember();
    const a = await createSuggestion({ author: fan });
    const b = await createSuggestion({ author: fan });
    const c = await createSuggestion();
    const result = bulkChangeStatus({ ids: [a.id, b.id, c.id], to: "declined", note: "Out of scope this year.", actorId: staff.id });
    expect(result).toMatchObject({ ok: true, changed: 3 });
    expect([a, b, c].map((s) => load(s.id).status)).toEqual(["declined", "declined", "declined"]);
    const told = notificationsOf(fan.id).filter((n) => n.kind === "status_change");
    expect(told).toHaveLength(1);
    expect(JSON.parse(told[0]!.payload)).toMatchObject({ to: "declined", count: 2, note: "Out of scope this year." });
  });

  test("one refused suggestion refuses the whole batch, naming it", async () => {
    const staff = await createStaff();
    const open = await createSuggestion();
    const shipped = await createSuggestion({ status: "shipped" });
    const result = bulkChangeStatus({ ids: [open.id, shipped.id], to: "declined", note: "No.", actorId: staff.id });
    expect(result).toEqual({ ok: false, refused: [{ id: shipped.id, title: shipped.title, error: "lifecycle.errors.notAllowed" }] });
    expect(load(open.id).status).toBe("open");
    expect(getDb().select().from(statusChanges).where(inArray(statusChanges.suggestionId, [open.id, shipped.id])).all()).toEqual([]);
  });

  test("tag and move to a board; the moved suggestions' people join the new board", async () => {
    const voter = await createMember();
    const a = await createSuggestion();
    const b = await createSuggestion({ author: voter });
    const tag = createTag();
    expect(bulkTag({ ids: [a.id, b.id], tagId: tag.id })).toMatchObject({ ok: true, changed: 2 });
    expect(bulkTag({ ids: [a.id], tagId: tag.id })).toMatchObject({ ok: true, changed: 0 });
    expect(getDb().select().from(suggestionTags).where(eq(suggestionTags.tagId, tag.id)).all()).toHaveLength(2);
    const board = createBoard();
    expect(bulkMoveToBoard({ ids: [a.id, b.id], boardId: board.id })).toMatchObject({ ok: true, changed: 2 });
    expect([load(a.id).boardId, load(b.id).boardId]).toEqual([board.id, board.id]);
    const people = getDb().select().from(boardParticipants).where(eq(boardParticipants.boardId, board.id)).all().map((p) => p.userId);
    expect(people.sort()).toEqual([a.authorId, voter.id].sort());
  });

  test("the queue's bulk form: staff only, unknown tag or nothing ticked is a clear refusal", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    const post = (user: { id: number } | null, form: Record<string, string>) =>
      outcome(() => queueAction(routeArgs(requestAs(user, "/staff", { form }))));
    expect((await post(await createMember(), { bulk: "status", ids: String(s.id), to: "planned", note: "" })).status).toBe(403);
    expect((await post(null, { bulk: "status", ids: String(s.id), to: "planned", note: "" })).status).toBe(302);
    expect(await post(staff, { bulk: "tag", ids: String(s.id), tag: "no-such-tag" })).toMatchObject({ status: 400, body: { bulk: { error: { tag: ["forms.unknownTag"] } } } });
    expect(await post(staff, { bulk: "status", to: "planned", note: "" })).toMatchObject({ status: 400, body: { bulk: { error: { ids: ["staff.bulk.errors.none"] } } } });
    expect(load(s.id).status).toBe("open");
    expect(await post(staff, { bulk: "status", ids: String(s.id), to: "planned", note: "On the list." })).toMatchObject({ status: 200, body: { done: { changed: 1 } } });
    expect(load(s.id).status).toBe("planned");
  });
});

describe("undoing a wrong status change", () => {
  test("a mistaken ship is taken back: status and stamps restored, both in the history, a correction for those told, the badge withdrawn with the reason", async () => {
    const staff = await createStaff();
    const author = await createMember();
    const voter = await createMember();
    const s = await createSuggestion({ author, status: "planned" });
    getDb().insert(votes).values({ suggestionId: s.id, userId: voter.id }).run();
    const shipped = changeStatus({ suggestionId: s.id, actorId: staff.id, to: "shipped", note: "" });
    if (!shipped.ok) throw new Error("ship failed");
    expect(badgesOf(author.id)).toContain("first_shipped");

    const post = (user: { id: number }, form: Record<string, string>) =>
      outcome(() => suggestionAction(routeArgs(requestAs(user, `/s/${s.id}`, { form }), { id: String(s.id) })));
    const form = { intent: "revert", statusChangeId: String(shipped.statusChangeId), note: "Shipped by mistake: it comes in the next release." };
    expect((await post(await createMember(), form)).status).toBe(403);
    expect(await post(staff, { ...form, note: "" })).toMatchObject({ status: 400, body: { staff: { reply: { error: { note: ["lifecycle.errors.noteRequired"] } } } } });
    expect(load(s.id).status).toBe("shipped");

    expect(await post(staff, form)).toMatchObject({ status: 302, location: `/s/${s.id}#history-heading` });
    expect(load(s.id)).toMatchObject({ status: "planned", shippedAt: null, releaseId: null });
    const history = getDb().select().from(statusChanges).where(eq(statusChanges.suggestionId, s.id)).all();
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.revertsId])).toEqual([
      ["planned", "shipped", null],
      ["shipped", "planned", shipped.statusChangeId],
    ]);

    for (const member of [author, voter]) {
      const corrections = notificationsOf(member.id).filter((n) => n.kind === "status_change" && JSON.parse(n.payload).correction);
      expect(corrections).toHaveLength(1);
      expect(JSON.parse(corrections[0]!.payload)).toMatchObject({ to: "planned", note: form.note });
    }
    expect(badgesOf(author.id)).not.toContain("first_shipped");
    const withdrawn = notificationsOf(author.id).filter((n) => n.kind === "badge" && JSON.parse(n.payload).withdrawn);
    expect(withdrawn.map((n) => JSON.parse(n.payload).note)).toEqual([form.note]);

    // The correction itself is final: the same form again is refused, nothing changes.
    expect(await post(staff, form)).toMatchObject({ status: 400 });
    expect(load(s.id).status).toBe("planned");
  });

  test("only the latest change can be taken back", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    const first = changeStatus({ suggestionId: s.id, actorId: staff.id, to: "under_review", note: "" });
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "planned", note: "" });
    if (!first.ok) throw new Error("change failed");
    expect(revertStatusChange({ suggestionId: s.id, statusChangeId: first.statusChangeId, actorId: staff.id, note: "Wrong." })).toEqual({
      ok: false,
      reason: "invalid",
      error: "lifecycle.errors.revertNotLatest",
    });
    expect(load(s.id).status).toBe("planned");
  });
});
