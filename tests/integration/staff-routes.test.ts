import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { merges, statusChanges, suggestions } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { action as suggestionAction } from "~/routes/s.$id/route";
import { loader as queueLoader } from "~/routes/staff";
import { loader as eventsLoader } from "~/routes/staff.events";
import { action as settingsAction, loader as settingsLoader } from "~/routes/staff_.settings";
import { getSetting, saveSettings } from "~/platform/settings.server";
import { createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const load = (id: number) => getDb().select().from(suggestions).where(eq(suggestions.id, id)).get()!;
const historyOf = (id: number) => getDb().select().from(statusChanges).where(eq(statusChanges.suggestionId, id)).all();

function post(user: { id: number } | null, suggestionId: number, form: Record<string, string>) {
  const request = requestAs(user, `/s/${suggestionId}`, { form });
  return outcome(() => suggestionAction(routeArgs(request, { id: String(suggestionId) })));
}

type StaffReply = { staff: { form: string; reply: { error?: Record<string, string[] | null> } } };
const errorsOf = (body: unknown) => (body as StaffReply).staff.reply.error;

describe("staff intents on /s/:id", () => {
  test.each(["status", "merge"])("%s: a visitor is sent to log in, a member is refused, and nothing changes", async (intent) => {
    const target = await createSuggestion();
    const s = await createSuggestion();
    const filled: Record<string, string> =
      intent === "status"
        ? { intent, to: "planned", note: "" }
        : { intent, targetId: String(target.id), note: "Same idea." };
    const before = [load(s.id), load(target.id)];

    const visitor = await post(null, s.id, filled);
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login\?redirectTo=/);
    expect((await post(await createMember(), s.id, filled)).status).toBe(403);

    expect([load(s.id), load(target.id)]).toEqual(before);
    expect(historyOf(s.id)).toEqual([]);
  });

  test("undo-merge: a member is refused and the merge stays", async () => {
    const staff = await createStaff();
    const target = await createSuggestion();
    const s = await createSuggestion();
    const merged = mergeSuggestion({ sourceId: s.id, targetId: target.id, actorId: staff.id, note: "Same." });
    if (!merged.ok) throw new Error("merge failed");
    const result = await post(await createMember(), s.id, { intent: "undo-merge", mergeId: String(merged.mergeId) });
    expect(result.status).toBe(403);
    expect(load(s.id).status).toBe("duplicate");
    expect(getDb().select().from(merges).where(eq(merges.id, merged.mergeId)).get()!.undoneAt).toBeNull();
  });

  test("staff change the status with a note and see it in the history", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    const result = await post(staff, s.id, { intent: "status", to: "declined", note: "Not in our plans." });
    expect(result).toMatchObject({ status: 302, location: `/s/${s.id}#history-heading` });
    expect(load(s.id).status).toBe("declined");
    expect(historyOf(s.id)).toMatchObject([{ fromStatus: "open", toStatus: "declined", note: "Not in our plans.", actorId: staff.id }]);
  });

  test("an invalid transition or a missing note comes back as a field error and changes nothing", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    const invalid = await post(staff, s.id, { intent: "status", to: "shipped", note: "" });
    expect(invalid.status).toBe(400);
    expect(errorsOf(invalid.body)).toMatchObject({ to: ["lifecycle.errors.notAllowed"] });
    const noNote = await post(staff, s.id, { intent: "status", to: "declined", note: " " });
    expect(noNote.status).toBe(400);
    expect(errorsOf(noNote.body)).toMatchObject({ note: ["lifecycle.errors.noteRequired"] });
    const unknown = await post(staff, s.id, { intent: "status", to: "launched" });
    expect(unknown.status).toBe(400);
    expect(load(s.id)).toEqual(s);
    expect(historyOf(s.id)).toEqual([]);
  });

  test("merging into itself, into a missing suggestion or without a note is refused with a clear error", async () => {
    const staff = await createStaff();
    const s = await createSuggestion();
    const target = await createSuggestion();
    const itself = await post(staff, s.id, { intent: "merge", targetId: String(s.id), note: "Same." });
    expect(errorsOf(itself.body)).toMatchObject({ targetId: ["lifecycle.errors.mergeIntoItself"] });
    const missing = await post(staff, s.id, { intent: "merge", targetId: "987654", note: "Same." });
    expect(errorsOf(missing.body)).toMatchObject({ targetId: ["lifecycle.errors.targetNotFound"] });
    const noNote = await post(staff, s.id, { intent: "merge", targetId: String(target.id) });
    expect(errorsOf(noNote.body)).toMatchObject({ note: ["lifecycle.errors.noteRequired"] });
    expect([itself.status, missing.status, noNote.status]).toEqual([400, 400, 400]);
    expect(load(s.id)).toEqual(s);

    const merged = await post(staff, s.id, { intent: "merge", targetId: String(target.id), note: "Same." });
    expect(merged.status).toBe(302);
    expect(load(s.id)).toMatchObject({ status: "duplicate", duplicateOfId: target.id });
    const mergeId = getDb().select().from(merges).where(eq(merges.sourceId, s.id)).get()!.id;
    expect((await post(staff, s.id, { intent: "undo-merge", mergeId: String(mergeId) })).status).toBe(302);
    expect(load(s.id)).toMatchObject({ status: "open", duplicateOfId: null });
    const again = await post(staff, s.id, { intent: "undo-merge", mergeId: String(mergeId) });
    expect(again.status).toBe(400);
    expect(errorsOf(again.body)).toMatchObject({ "": ["lifecycle.errors.mergeGone"] });
  });
});

describe("/staff", () => {
  test("is for staff, leads and admins; members are refused and visitors sent to log in", async () => {
    const queue = (user: { id: number } | null) => outcome(() => queueLoader(routeArgs(requestAs(user, "/staff?status=bogus"))));
    expect((await queue(null)).location).toMatch(/^\/login\?redirectTo=%2Fstaff/);
    expect((await queue(await createMember())).status).toBe(403);
    for (const role of ["staff", "lead", "admin"] as const) {
      const seen = await queue(await createMember({ role }));
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({ isAdmin: role === "admin", query: { status: "" } });
    }
  });

  test("its live feed is refused to anyone but staff and streams events to staff", async () => {
    const events = (user: { id: number } | null, signal?: AbortSignal) =>
      outcome(() => eventsLoader(routeArgs(new Request(requestAs(user, "/staff/events?after=1"), { signal }))));
    expect((await events(null)).status).toBe(403);
    expect((await events(await createMember())).status).toBe(403);
    const abort = new AbortController();
    const stream = await events(await createStaff(), abort.signal);
    const response = stream.body as Response;
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    abort.abort();
    await response.body?.cancel();
  });
});

describe("/staff/settings", () => {
  test("only admins read and change settings; bad values come back as field errors", async () => {
    const settingsPost = (user: { id: number }, hours: string) =>
      outcome(() => settingsAction(routeArgs(requestAs(user, "/staff/settings", { form: { responseTargetHours: hours } }))));
    const staff = await createStaff();
    expect((await outcome(() => settingsLoader(routeArgs(requestAs(staff, "/staff/settings"))))).status).toBe(403);
    expect((await settingsPost(staff, "4")).status).toBe(403);
    expect(getSetting("responseTargetHours")).toBe(24);

    const admin = await createMember({ role: "admin" });
    const bad = await settingsPost(admin, "0");
    expect(bad.status).toBe(400);
    expect(getSetting("responseTargetHours")).toBe(24);
    expect(await settingsPost(admin, "6")).toMatchObject({ status: 302, location: "/staff/settings?saved" });
    expect(getSetting("responseTargetHours")).toBe(6);
    saveSettings({ responseTargetHours: 24 });
  });
});
