// Issue 18 (security round two): each finding of the attack, as it was reproduced, so it
// stays fixed. Early access and flag-hidden suggestions must be as unknown as missing ids.
import { beforeAll, describe, expect, test } from "vitest";
import type { Board, Suggestion, User } from "#db/schema";
import { action as newComplaintAction } from "~/routes/complaints.new";
import { loader as complaintLoader } from "~/routes/complaints.$id";
import { getDb } from "~/db.server";
import { suggestions } from "#db/schema";
import { eq } from "drizzle-orm";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

let earlyBoard: Board;
let publicBoard: Board;
let early: Suggestion;
let hidden: Suggestion;
let level2: User;
let level4: User;
let staff: User;

beforeAll(async () => {
  earlyBoard = createBoard({ visibility: "early_access" });
  publicBoard = createBoard();
  staff = await createStaff();
  level2 = await createMember({ honorLevel: 2 });
  level4 = await createMember({ honorLevel: 4 });
  early = await createSuggestion({ board: earlyBoard, title: "Secret prototype codename Nimbus" });
  hidden = await createSuggestion({ board: publicBoard, title: "Hidden by flags for a reason" });
  getDb().update(suggestions).set({ hiddenAt: new Date() }).where(eq(suggestions.id, hidden.id)).run();
});

const fileAbout = (user: User, suggestionId: number | string) =>
  outcome(() =>
    newComplaintAction(
      routeArgs(requestAs(user, "/complaints/new", { form: { subject: "decision", suggestion: String(suggestionId), title: "Please reconsider", body: "Why?" } })),
    ),
  );

describe("1. complaint references go through the visibility check", () => {
  test("an early-access or flag-hidden suggestion answers exactly as a missing id does", async () => {
    const missing = await fileAbout(level2, 9_999_999);
    expect(missing.status).toBe(400);
    for (const id of [early.id, hidden.id]) {
      const answer = await fileAbout(level2, id);
      expect(answer.status).toBe(400);
      const errors = (o: typeof answer) => (o.body as { result: { error: unknown } }).result.error;
      expect(errors(answer)).toEqual(errors(missing));
    }
  });

  test("those who can see the suggestion may still complain about it", async () => {
    expect((await fileAbout(level4, early.id)).status).toBe(302);
    expect((await fileAbout(staff, hidden.id)).status).toBe(302);
  });

  test("a complaint's page stops showing a suggestion its filer can no longer see", async () => {
    const filer = await createMember({ honorLevel: 2 });
    const moving = await createSuggestion({ board: publicBoard, title: "Moves to early access later" });
    const filed = await fileAbout(filer, moving.id);
    const id = filed.location!.split("/").pop()!;
    getDb().update(suggestions).set({ boardId: earlyBoard.id }).where(eq(suggestions.id, moving.id)).run();
    const page = await outcome(() => complaintLoader(routeArgs(requestAs(filer, `/complaints/${id}`), { id })));
    expect(page.status).toBe(200);
    expect((page.body as { suggestion: unknown }).suggestion).toBeNull();
    expect(JSON.stringify(page.body)).not.toContain("Moves to early access later");
    const staffPage = await outcome(() => complaintLoader(routeArgs(requestAs(staff, `/complaints/${id}`), { id })));
    expect((staffPage.body as { suggestion: { title: string } }).suggestion.title).toBe("Moves to early access later");
  });
});
