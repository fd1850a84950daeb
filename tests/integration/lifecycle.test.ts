import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { merges, notifications, releases, statusChanges, suggestionCredits, suggestions, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { changeStatus, listMerges, mergeSuggestion, undoMerge } from "~/features/lifecycle/lifecycle.server";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createStaff, createSuggestion } from "../factories";

const db = () => getDb();
const load = (id: number) => db().select().from(suggestions).where(eq(suggestions.id, id)).get()!;
const historyOf = (id: number) =>
  db().select().from(statusChanges).where(eq(statusChanges.suggestionId, id)).orderBy(asc(statusChanges.id)).all();
const voterIds = (id: number) =>
  db()
    .select({ userId: votes.userId })
    .from(votes)
    .where(eq(votes.suggestionId, id))
    .all()
    .map((v) => v.userId)
    .sort((a, b) => a - b);
const creditIds = (id: number) =>
  db()
    .select({ userId: suggestionCredits.userId })
    .from(suggestionCredits)
    .where(eq(suggestionCredits.suggestionId, id))
    .all()
    .map((c) => c.userId)
    .sort((a, b) => a - b);
const notificationCount = (eventKey: string) =>
  db().select({ n: sql<number>`count(*)` }).from(notifications).where(eq(notifications.eventKey, eventKey)).get()!.n;

async function voters(suggestionId: number, n: number) {
  const members = [];
  for (let i = 0; i < n; i++) {
    const member = await createMember();
    setVote({ suggestionId, userId: member.id, voted: true });
    members.push(member);
  }
  return members;
}

const T0 = new Date(Date.UTC(2025, 2, 1, 8));
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

describe("changeStatus", () => {
  test("records who, when, from, to and the note, and stamps the decision and ship times", async () => {
    const staff = await createStaff();
    const s = await createSuggestion({ createdAt: T0 });
    await voters(s.id, 2);

    expect(changeStatus({ suggestionId: s.id, actorId: staff.id, to: "under_review", note: "", now: hours(1) })).toMatchObject({ ok: true });
    expect(load(s.id).firstDecisionAt).toBeNull();
    const planned = changeStatus({ suggestionId: s.id, actorId: staff.id, to: "planned", note: "Next sprint.", now: hours(5) });
    expect(planned).toMatchObject({ ok: true });
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "in_progress", note: "", now: hours(9) });
    const release = db()
      .insert(releases)
      .values({ name: "Week 12", releasedAt: hours(30), createdById: staff.id })
      .returning()
      .get();
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "shipped", note: "Out now.", releaseId: release.id, now: hours(30) });

    const stored = load(s.id);
    expect(stored.status).toBe("shipped");
    expect(stored.firstDecisionAt).toEqual(hours(5));
    expect(stored.shippedAt).toEqual(hours(30));
    expect(stored.releaseId).toBe(release.id);
    expect(historyOf(s.id).map((h) => [h.fromStatus, h.toStatus, h.note, h.actorId, h.createdAt])).toEqual([
      ["open", "under_review", "", staff.id, hours(1)],
      ["under_review", "planned", "Next sprint.", staff.id, hours(5)],
      ["planned", "in_progress", "", staff.id, hours(9)],
      ["in_progress", "shipped", "Out now.", staff.id, hours(30)],
    ]);
    // Author and both voters are told of each change, once each; the ship is its own kind.
    const [, second, , last] = historyOf(s.id);
    expect(notificationCount(`status_change:${second.id}`)).toBe(3);
    expect(db().select().from(notifications).where(eq(notifications.eventKey, `status_change:${last.id}`)).all()).toSatisfy(
      (rows: { kind: string }[]) => rows.length === 3 && rows.every((r) => r.kind === "ship"),
    );
  });

  test("the first decision is kept when a declined suggestion is reopened and decided again", async () => {
    const staff = await createStaff();
    const s = await createSuggestion({ createdAt: T0 });
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "declined", note: "Not for now.", now: hours(2) });
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "open", note: "", now: hours(3) });
    changeStatus({ suggestionId: s.id, actorId: staff.id, to: "planned", note: "", now: hours(4) });
    expect(load(s.id).firstDecisionAt).toEqual(hours(2));
  });

  test.each([
    ["open", "shipped", "Done", "lifecycle.errors.notAllowed"],
    ["open", "duplicate", "Same", "lifecycle.errors.notAllowed"],
    ["open", "open", "", "lifecycle.errors.sameStatus"],
    ["open", "declined", "  ", "lifecycle.errors.noteRequired"],
    ["shipped", "planned", "Oops", "lifecycle.errors.notAllowed"],
  ] as const)("refuses %s → %s and changes nothing", async (from, to, note, error) => {
    const staff = await createStaff();
    const s = await createSuggestion({ status: from });
    expect(changeStatus({ suggestionId: s.id, actorId: staff.id, to, note })).toEqual({ ok: false, reason: "invalid", error });
    expect(load(s.id)).toEqual(s);
    expect(historyOf(s.id)).toEqual([]);
  });

  test("a release is only named when shipping, and must exist", async () => {
    const staff = await createStaff();
    const s = await createSuggestion({ status: "planned" });
    expect(changeStatus({ suggestionId: s.id, actorId: staff.id, to: "shipped", note: "", releaseId: 999_999 })).toEqual({
      ok: false,
      reason: "release_not_found",
    });
    expect(changeStatus({ suggestionId: s.id, actorId: staff.id, to: "in_progress", note: "", releaseId: 1 })).toMatchObject({ ok: false });
    expect(load(s.id)).toEqual(s);
  });

  test("a missing suggestion is not found", async () => {
    const staff = await createStaff();
    expect(changeStatus({ suggestionId: 987_654, actorId: staff.id, to: "planned", note: "" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("mergeSuggestion", () => {
  test("moves votes without double counting and credits the source's author and co-authors", async () => {
    const staff = await createStaff();
    const target = await createSuggestion();
    const source = await createSuggestion();
    const both = await voters(target.id, 2);
    for (const m of both) setVote({ suggestionId: source.id, userId: m.id, voted: true });
    await voters(source.id, 3);
    await voters(target.id, 1);
    // The source already had a co-author from an earlier merge into it.
    const earlier = await createSuggestion({ author: await createMember() });
    mergeSuggestion({ sourceId: earlier.id, targetId: source.id, actorId: staff.id, note: "Same idea." });

    const targetBefore = voterIds(target.id);
    const expected = new Set([...targetBefore, ...voterIds(source.id)]);
    const sourceBefore = load(source.id);
    const result = mergeSuggestion({ sourceId: source.id, targetId: target.id, actorId: staff.id, note: "Same idea as this one." });
    expect(result).toMatchObject({ ok: true });

    expect(voterIds(target.id)).toEqual([...expected].sort((a, b) => a - b));
    expect(load(target.id).voteCount).toBe(expected.size);
    // The source keeps its own votes; voting on it is closed now.
    expect(load(source.id).voteCount).toBe(sourceBefore.voteCount);
    expect(creditIds(target.id)).toEqual([source.authorId, earlier.authorId].sort((a, b) => a - b));

    const merged = load(source.id);
    expect(merged.status).toBe("duplicate");
    expect(merged.duplicateOfId).toBe(target.id);
    expect(merged.firstDecisionAt).not.toBeNull();
    expect(historyOf(source.id).at(-1)).toMatchObject({ fromStatus: "open", toStatus: "duplicate", note: "Same idea as this one." });
    // The merge row keeps exactly what was added: the voters who were only on the source.
    const row = db().select().from(merges).where(eq(merges.sourceId, source.id)).get()!;
    expect(row.sourceStatusBefore).toBe("open");
    expect((JSON.parse(row.movedVoterIds) as number[]).sort((a, b) => a - b)).toEqual(
      voterIds(source.id).filter((id) => !targetBefore.includes(id)),
    );
    expect(JSON.parse(row.movedVoterIds)).toHaveLength(expected.size - targetBefore.length);
    expect(JSON.parse(row.creditedUserIds)).toHaveLength(2);
    if (!result.ok) throw new Error("merge failed");
    expect(notificationCount(`merge:${result.mergeId}`)).toBeGreaterThan(0);
    expect(listMerges(target.id).map((m) => m.sourceId)).toEqual([source.id]);
  });

  test("the target's own author is not credited on it", async () => {
    const staff = await createStaff();
    const author = await createMember();
    const target = await createSuggestion({ author });
    const source = await createSuggestion({ author });
    mergeSuggestion({ sourceId: source.id, targetId: target.id, actorId: staff.id, note: "Both yours." });
    expect(creditIds(target.id)).toEqual([]);
    expect(load(target.id).voteCount).toBe(1);
  });

  test.each([
    ["into itself", "self", "lifecycle.errors.mergeIntoItself"],
    ["into a duplicate", "duplicate", "lifecycle.errors.mergeIntoDuplicate"],
    ["from a shipped suggestion", "shipped", "lifecycle.errors.mergeFromFinal"],
    ["without a note", "no-note", "lifecycle.errors.noteRequired"],
  ] as const)("refuses merging %s and changes nothing", async (_, kind, error) => {
    const staff = await createStaff();
    const source = await createSuggestion({ status: kind === "shipped" ? "shipped" : "open" });
    const target = kind === "self" ? source : await createSuggestion({ status: kind === "duplicate" ? "duplicate" : "open" });
    await voters(source.id, 2);
    const before = [load(source.id), load(target.id), voterIds(target.id)];
    const note = kind === "no-note" ? "" : "Same thing.";
    expect(mergeSuggestion({ sourceId: source.id, targetId: target.id, actorId: staff.id, note })).toEqual({
      ok: false,
      reason: "invalid",
      error,
    });
    expect([load(source.id), load(target.id), voterIds(target.id)]).toEqual(before);
    expect(historyOf(source.id)).toEqual([]);
    expect(db().select().from(merges).where(eq(merges.sourceId, source.id)).all()).toEqual([]);
  });

  test("a missing source or target is not found", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    expect(mergeSuggestion({ sourceId: s.id, targetId: 987_654, actorId: staff.id, note: "x" })).toEqual({
      ok: false,
      reason: "target_not_found",
    });
    expect(mergeSuggestion({ sourceId: 987_654, targetId: s.id, actorId: staff.id, note: "x" })).toEqual({
      ok: false,
      reason: "source_not_found",
    });
  });
});

describe("undoMerge", () => {
  test("removes exactly the votes and credits the merge added and restores the source", async () => {
    const staff = await createStaff();
    const target = await createSuggestion();
    const source = await createSuggestion({ status: "under_review" });
    const both = await voters(target.id, 2);
    for (const m of both) setVote({ suggestionId: source.id, userId: m.id, voted: true });
    await voters(source.id, 3);
    const before = { target: load(target.id), voters: voterIds(target.id), credits: creditIds(target.id) };

    const merged = mergeSuggestion({ sourceId: source.id, targetId: target.id, actorId: staff.id, note: "Same." });
    if (!merged.ok) throw new Error("merge failed");
    expect(undoMerge({ mergeId: merged.mergeId, actorId: staff.id })).toEqual({ ok: true });

    expect(load(target.id).voteCount).toBe(before.target.voteCount);
    expect(voterIds(target.id)).toEqual(before.voters);
    expect(creditIds(target.id)).toEqual(before.credits);
    const restored = load(source.id);
    expect(restored.status).toBe("under_review");
    expect(restored.duplicateOfId).toBeNull();
    expect(historyOf(source.id).map((h) => [h.fromStatus, h.toStatus])).toEqual([
      ["under_review", "duplicate"],
      ["duplicate", "under_review"],
    ]);
    expect(db().select().from(merges).where(eq(merges.id, merged.mergeId)).get()!.undoneAt).not.toBeNull();
    expect(undoMerge({ mergeId: merged.mergeId, actorId: staff.id })).toEqual({ ok: false, reason: "already_undone" });
    expect(undoMerge({ mergeId: 987_654, actorId: staff.id })).toEqual({ ok: false, reason: "not_found" });
    expect(listMerges(target.id)).toEqual([]);
  });

  test("a vote or credit another merge still in force would also give stays on the target", async () => {
    const staff = await createStaff();
    const coAuthor = await createMember();
    const target = await createSuggestion();
    const first = await createSuggestion({ author: coAuthor });
    const second = await createSuggestion({ author: coAuthor });
    const [shared] = await voters(first.id, 1);
    setVote({ suggestionId: second.id, userId: shared.id, voted: true });

    const a = mergeSuggestion({ sourceId: first.id, targetId: target.id, actorId: staff.id, note: "Same." });
    const b = mergeSuggestion({ sourceId: second.id, targetId: target.id, actorId: staff.id, note: "Same." });
    if (!a.ok || !b.ok) throw new Error("merge failed");
    // union: target author, coAuthor, shared
    expect(load(target.id).voteCount).toBe(3);

    undoMerge({ mergeId: a.mergeId, actorId: staff.id });
    expect(voterIds(target.id)).toEqual([target.authorId, coAuthor.id, shared.id].sort((x, y) => x - y));
    expect(load(target.id).voteCount).toBe(3);
    expect(creditIds(target.id)).toEqual([coAuthor.id]);
    expect(
      db()
        .select({ from: suggestionCredits.fromSuggestionId })
        .from(suggestionCredits)
        .where(and(eq(suggestionCredits.suggestionId, target.id), eq(suggestionCredits.userId, coAuthor.id)))
        .get(),
    ).toEqual({ from: second.id });

    // Undoing the second merge too leaves the target exactly as it started.
    undoMerge({ mergeId: b.mergeId, actorId: staff.id });
    expect(voterIds(target.id)).toEqual([target.authorId]);
    expect(load(target.id).voteCount).toBe(1);
    expect(creditIds(target.id)).toEqual([]);
  });
});
