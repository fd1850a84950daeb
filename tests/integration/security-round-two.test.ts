// Issue 18 (security round two): each finding of the attack, as it was reproduced, so it
// stays fixed. Early access and flag-hidden suggestions must be as unknown as missing ids.
import { beforeAll, describe, expect, test, vi } from "vitest";
import type { Board, Suggestion, User } from "#db/schema";
import { action as newComplaintAction } from "~/routes/complaints.new";
import { loader as boardLoader } from "~/routes/b.$board";
import { action as newSuggestionAction, loader as newSuggestionLoader } from "~/routes/s.new";
import { action as suggestionAction, loader as suggestionLoader } from "~/routes/s.$id/route";
import { loader as staffLoader } from "~/routes/staff";
import { createCampaign } from "~/features/campaigns/campaigns.server";
import { listTags } from "~/features/boards/boards.server";
import { mergeSuggestion } from "~/features/lifecycle/lifecycle.server";
import { proposeMerge } from "~/features/lifecycle/merge-proposals.server";
import { loader as complaintLoader } from "~/routes/complaints.$id";
import { getDb } from "~/platform/db.server";
import fs from "node:fs";
import path from "node:path";
import { loader as cardLoader } from "~/routes/s.$id.card[.]png";
import { suggestionShareCard } from "~/features/sharing/share-cards.server";
import { comments, emails, suggestions, suggestionTags, users, votes } from "#db/schema";
import { verificationLink } from "~/features/accounts/email-verification.server";
import { loader as verifyLoader } from "~/routes/verify-email";
import { saveSettings } from "~/platform/settings.server";
import { getProfile } from "~/features/accounts/accounts.server";
import { searchSuggestions } from "~/features/search/search.server";
import { loader as feedLoader } from "~/routes/changelog[.]atom";
import { loader as healthzLoader } from "~/routes/healthz";
import { headers as accountHeaders } from "~/routes/account";
import { headers as notificationsHeaders } from "~/routes/notifications._index";
import { headers as complaintHeaders } from "~/routes/complaints.$id";
import { signupSchema } from "~/features/accounts/forms";
import { setVote } from "~/features/votes/votes.server";
import { logIn } from "~/features/accounts/accounts.server";
import { THROTTLE } from "~/features/accounts/login-throttle";
import * as passwords from "~/features/accounts/passwords.server";
import { MEMBER_PASSWORD } from "../factories";
import { deleteAccount } from "~/features/accounts/privacy.server";
import { action as signupAction } from "~/routes/signup";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { and, eq } from "drizzle-orm";
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

describe("2. an early-access campaign's tag is as invisible as its board", () => {
  const NAME = "Project Zephyr private beta";
  let tagSlug: string;
  let publicOwn: Suggestion;
  beforeAll(async () => {
    const campaign = createCampaign({
      boardId: earlyBoard.id,
      titleEn: NAME,
      titleZh: "西风计划",
      bannerEn: "",
      bannerZh: "",
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000),
      createdById: staff.id,
    });
    tagSlug = listTags(staff).find((t) => t.id === campaign.tagId)!.slug;
    publicOwn = await createSuggestion({ board: publicBoard, author: level4 });
  });

  test("tag lists leave it out below level 4: the board filter, the new-suggestion form, the staff filter", async () => {
    expect(listTags(level2).some((t) => t.slug === tagSlug)).toBe(false);
    expect(listTags(null).some((t) => t.slug === tagSlug)).toBe(false);
    expect(listTags(level4).some((t) => t.slug === tagSlug)).toBe(true);
    const form = (await outcome(() => newSuggestionLoader(routeArgs(requestAs(level2, "/s/new"))))).body;
    expect(JSON.stringify(form)).not.toContain(NAME);
    // A public board's filter never offers another board's campaign, whoever looks.
    for (const viewer of [null, level2, level4, staff]) {
      const page = await outcome(() => boardLoader(routeArgs(requestAs(viewer, `/b/${publicBoard.slug}`), { board: publicBoard.slug })));
      expect(JSON.stringify(page.body)).not.toContain(NAME);
    }
    expect(JSON.stringify((await outcome(() => staffLoader(routeArgs(requestAs(staff, "/staff"))))).body)).toContain(NAME);
  });

  test("nobody can put it on a public suggestion: the tag editor and the new-suggestion form refuse it as unknown", async () => {
    for (const user of [level4, staff]) {
      const page = await outcome(() => suggestionLoader(routeArgs(requestAs(user, `/s/${publicOwn.id}`), { id: String(publicOwn.id) })));
      expect(JSON.stringify(page.body)).not.toContain(NAME);
      const tagged = await outcome(() =>
        suggestionAction(routeArgs(requestAs(user, `/s/${publicOwn.id}`, { form: { intent: "tags", tags: tagSlug } }), { id: String(publicOwn.id) })),
      );
      expect(tagged.status).toBe(400);
      expect(JSON.stringify(tagged.body)).toContain("forms.unknownTag");
    }
    const posted = await outcome(() =>
      newSuggestionAction(
        routeArgs(requestAs(level4, "/s/new", { form: { title: "A public idea with a private tag", body: "Words.", board: publicBoard.slug, tags: tagSlug } })),
      ),
    );
    expect(posted.status).toBe(400);
    expect(JSON.stringify(posted.body)).toContain("forms.unknownTag");
  });

  test("a campaign tag already on another board's suggestion is not shown there", async () => {
    const stuck = await createSuggestion({ board: publicBoard });
    const tagId = listTags(staff).find((t) => t.slug === tagSlug)!.id;
    getDb().insert(suggestionTags).values({ suggestionId: stuck.id, tagId }).run();
    const page = await outcome(() => suggestionLoader(routeArgs(requestAs(null, `/s/${stuck.id}`), { id: String(stuck.id) })));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain(NAME);
  });
});

describe("3. merges never point a public suggestion at an early-access one", () => {
  test("staff merging public into early access are refused and nothing changes", async () => {
    const source = await createSuggestion({ board: publicBoard });
    const target = await createSuggestion({ board: earlyBoard, title: "Early-access merge target Orion" });
    const merged = await outcome(() =>
      suggestionAction(
        routeArgs(requestAs(staff, `/s/${source.id}`, { form: { intent: "merge", targetId: String(target.id), note: "The same idea." } }), { id: String(source.id) }),
      ),
    );
    expect(merged.status).toBe(400);
    expect(JSON.stringify(merged.body)).toContain("lifecycle.errors.mergeIntoLessVisible");
    expect(getDb().select().from(suggestions).where(eq(suggestions.id, source.id)).get()!.status).toBe("open");
    // The other way round is fine: early-access voters can see public suggestions.
    expect(mergeSuggestion({ sourceId: target.id, targetId: source.id, actorId: staff.id, note: "Same." }).ok).toBe(true);
  });

  test("a level-4 member cannot propose it either", async () => {
    const source = await createSuggestion({ board: publicBoard });
    const target = await createSuggestion({ board: earlyBoard });
    expect(proposeMerge({ sourceId: source.id, targetId: target.id, proposer: level4 })).toEqual({
      ok: false,
      reason: "invalid",
      error: "lifecycle.errors.mergeIntoLessVisible",
    });
  });

  test("a duplicate whose target is no longer visible does not name it", async () => {
    const source = await createSuggestion({ board: publicBoard });
    const target = await createSuggestion({ board: publicBoard, title: "Later moved to early access Vega" });
    expect(mergeSuggestion({ sourceId: source.id, targetId: target.id, actorId: staff.id, note: "Same." }).ok).toBe(true);
    getDb().update(suggestions).set({ boardId: earlyBoard.id }).where(eq(suggestions.id, target.id)).run();
    const page = await outcome(() => suggestionLoader(routeArgs(requestAs(level2, `/s/${source.id}`), { id: String(source.id) })));
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain("Vega");
  });
});

const healthz = async () => healthzLoader() as Response;
let addressSeq = 0;
// Each sign-up from its own address unless a test says otherwise (sign-ups are throttled per address).
const signUp = (form: Record<string, string>, address = `198.51.100.${++addressSeq % 250}`) =>
  outcome(() => signupAction({ ...routeArgs(requestAs(null, "/signup", { form })), context: { clientAddress: address } }));
const freshName = () => `fan_${Math.random().toString(36).slice(2, 10)}`;

describe("4. nobody can block another member's account deletion", () => {
  test("a squatter holding the old deleted-<id> names no longer makes the deletion fail", async () => {
    const leaving = await createMember();
    await createMember({ username: `deleted-${leaving.id}`, email: `deleted-${leaving.id}@deleted.invalid` });
    expect(() => deleteAccount(leaving.id)).not.toThrow();
    const after = getDb().select().from(users).where(eq(users.id, leaving.id)).get()!;
    expect(after.username).toBe(`deleted:${leaving.id}`);
    expect(after.deletedAt).not.toBeNull();
  });

  test("sign-up cannot produce the deleted form and refuses the old one as reserved", async () => {
    expect(signupSchema.safeParse({ username: "deleted:12", email: "a@example.com", password: "long enough pass" }).success).toBe(false);
    expect(signupSchema.safeParse({ username: "x", email: "deleted:12", password: "long enough pass" }).success).toBe(false);
    const refused = await signUp({ username: "deleted-152", email: "squat@example.com", password: "a long unusual passphrase" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("forms.usernameReserved");
  });
});

describe("8. display names do not pose as the team", () => {
  test("the team suffix and a staff member's name are refused at sign-up", async () => {
    const teamMember = await createStaff({ displayName: "Mia Zhang (Sprout team)" });
    for (const displayName of ["Eve (Sprout team)", "Bob - staff", "小王 官方", teamMember.displayName, "mia zhang  (sprout TEAM)"]) {
      const refused = await signUp({ username: freshName(), email: `${freshName()}@example.com`, password: "a long unusual passphrase", displayName });
      expect(refused.status, displayName).toBe(400);
      expect(JSON.stringify(refused.body)).toContain("forms.displayNameReserved");
    }
    const fine = await signUp({ username: freshName(), email: `${freshName()}@example.com`, password: "a long unusual passphrase", displayName: "Steamfan Teamwork" });
    expect(fine.status).toBe(302);
  });
});

describe("5. the login throttle counts the account, not what was typed", () => {
  test("failures with the username slow down guesses with the email too", async () => {
    const member = await createMember();
    const now = Date.now();
    const delays: number[] = [];
    const wait = async (ms: number) => delays.push(ms);
    for (let i = 0; i <= THROTTLE.freeFailures; i++) await logIn(member.username, "wrong-password", `10.5.0.${i}`, { now, wait });
    await logIn(member.email, "wrong-password", "10.5.1.1", { now, wait });
    expect(delays).toEqual([THROTTLE.delayStepMs]);
  });

  test("one address guessing by username then email is locked; the member elsewhere is not", async () => {
    const member = await createMember();
    const now = Date.now();
    const wait = async () => undefined;
    for (let i = 0; i < THROTTLE.lockAfterFailures; i++) await logIn(member.username, "wrong-password", "10.5.2.1", { now, wait });
    expect(await logIn(member.email, MEMBER_PASSWORD, "10.5.2.1", { now, wait })).toMatchObject({ ok: false, reason: "locked" });
    // Guessing from one place does not lock the member out everywhere.
    expect(await logIn(member.username, MEMBER_PASSWORD, "10.5.2.2", { now, wait })).toEqual({ ok: true, userId: member.id });
  });
});

describe("6. logging in says nothing about who is a member", () => {
  test("an unknown name runs the same password check as a known one", async () => {
    const member = await createMember();
    const verify = vi.spyOn(passwords, "verifyPassword");
    await logIn(`nobody_${member.id}`, "wrong-password", "10.6.0.1", { wait: async () => undefined });
    await logIn(member.username, "wrong-password", "10.6.0.2", { wait: async () => undefined });
    expect(verify).toHaveBeenCalledTimes(2);
    expect(verify.mock.calls.map(([, hash]) => hash.split("$")[0])).toEqual(["scrypt", "scrypt"]);
    verify.mockRestore();
  });

  test("a deleted account cannot log in, and is checked like any other", async () => {
    const leaving = await createMember();
    deleteAccount(leaving.id);
    expect(await logIn(`deleted:${leaving.id}`, "!", "10.6.0.3", { wait: async () => undefined })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("6 and 8. sign-ups are throttled per address, and so is asking whether an email is registered", () => {
  test("after the limit, an address gets 429 with the wait, whether its attempts made accounts or hit a taken email", async () => {
    const taken = await createMember();
    const address = "203.0.113.77";
    for (let i = 0; i < 10; i++) {
      const answer = await signUp(
        i % 2 ? { username: freshName(), email: taken.email, password: "a long unusual passphrase" } : { username: freshName(), email: `${freshName()}@example.com`, password: "a long unusual passphrase" },
        address,
      );
      expect(answer.status).toBe(i % 2 ? 400 : 302);
    }
    const throttled = await signUp({ username: freshName(), email: taken.email, password: "a long unusual passphrase" }, address);
    expect(throttled.status).toBe(429);
    // Whether the email is registered is no longer said.
    expect(JSON.stringify(throttled.body)).not.toContain("forms.emailTaken");
    expect(JSON.stringify(throttled.body)).toContain("forms.signupThrottled");
    expect((throttled.body as { retryMinutes: number }).retryMinutes).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signUp({ username: freshName(), email: `${freshName()}@example.com`, password: "a long unusual passphrase" }, "203.0.113.78")).status).toBe(302);
  });
});

describe("9. text hygiene in every shared form schema", () => {
  const post = (form: Record<string, string>) =>
    outcome(() => newSuggestionAction(routeArgs(requestAs(level2, "/s/new", { form: { board: publicBoard.slug, ...form } }))));
  const countOwn = () => getDb().select().from(suggestions).where(eq(suggestions.authorId, level2.id)).all().length;

  test.each([
    ["a title of nine zero-width spaces", { title: "\u200B".repeat(9), body: "Words." }, "title", "forms.noVisibleCharacters"],
    ["a NUL byte in the title", { title: "Nice idea\u0000 here", body: "Words." }, "title", "forms.controlCharacters"],
    ["a newline in the title", { title: "Nice idea\nhere now", body: "Words." }, "title", "forms.controlCharacters"],
    ["a NUL byte in the body", { title: "A fine title here", body: "Line one\u0000" }, "body", "forms.controlCharacters"],
    ["an escape sequence in the body", { title: "A fine title here", body: "\u001b[31mred" }, "body", "forms.controlCharacters"],
    ["a right-to-left override in the title", { title: "Invoice \u202Efdp.exe now", body: "Words." }, "title", "forms.controlCharacters"],
    ["a bidi isolate in the body", { title: "A fine title here", body: "a \u2067b\u2069 c" }, "body", "forms.controlCharacters"],
  ])("%s is refused next to its field, nothing stored", async (_, form, field, message) => {
    const before = countOwn();
    const refused = await post(form);
    expect(refused.status).toBe(400);
    expect((refused.body as { result: { error: Record<string, string[]> } }).result.error[field]).toContain(message);
    expect(countOwn()).toBe(before);
  });

  test("newlines and tabs in a body, and Chinese or emoji titles, are fine", async () => {
    expect((await post({ title: "更好的深色模式 🌙", body: "Line one\n\tindented\r\nline two" })).status).toBe(302);
  });

  test("comments, complaints and staff notes refuse them too", async () => {
    const target = await createSuggestion({ board: publicBoard });
    const comment = await outcome(() =>
      suggestionAction(routeArgs(requestAs(level2, `/s/${target.id}`, { form: { intent: "comment", body: "hi\u0007" } }), { id: String(target.id) })),
    );
    expect(comment.status).toBe(400);
    const complaint = await outcome(() =>
      newComplaintAction(routeArgs(requestAs(level2, "/complaints/new", { form: { subject: "product", title: "\u200B\u200C\u200D\u2060\uFEFF\u200B\u200B\u200B", body: "Why?" } }))),
    );
    expect(complaint.status).toBe(400);
    const status = await outcome(() =>
      suggestionAction(routeArgs(requestAs(staff, `/s/${target.id}`, { form: { intent: "status", to: "declined", note: "No\u202E" } }), { id: String(target.id) })),
    );
    expect(status.status).toBe(400);
  });
});

describe("8. passwords: the most common ones and the member's own name are refused", () => {
  test.each([
    ["a common password", "Password123", "forms.passwordCommon"],
    ["a keyboard walk", "1qaz2wsx3edc", "forms.passwordCommon"],
    ["a common Chinese-site choice", "woaini1314", "forms.passwordCommon"],
  ])("sign-up refuses %s next to the password field", async (_, password, message) => {
    const username = freshName();
    const refused = await signUp({ username, email: `${username}@example.com`, password });
    expect(refused.status).toBe(400);
    expect((refused.body as { result: { error: Record<string, string[]> } }).result.error.password).toEqual([message]);
    expect(getDb().select().from(users).where(eq(users.username, username)).get()).toBeUndefined();
  });

  test("the password may not be the username", async () => {
    const username = `${freshName()}long`;
    const refused = await signUp({ username, email: `${freshName()}@example.com`, password: username.toUpperCase() });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("forms.passwordIsUsername");
  });

  test("changing the password refuses them too", async () => {
    const member = await createMember();
    for (const newPassword of ["iloveyou123", member.username]) {
      const refused = await outcome(() =>
        accountAction(routeArgs(requestAs(member, "/account", { form: { intent: "password", currentPassword: MEMBER_PASSWORD, newPassword: newPassword.padEnd(8, "1") } }))),
      );
      expect(refused.status).toBe(400);
    }
    expect(await logIn(member.username, MEMBER_PASSWORD, "10.8.0.1", { wait: async () => undefined })).toMatchObject({ ok: true });
  });
});

describe("12. smaller findings", () => {
  test("non-canonical ids are not found", async () => {
    const s = await createSuggestion({ board: publicBoard });
    for (const id of [`0x${s.id.toString(16)}`, `${s.id}.0`, `0${s.id}`, `${s.id}e0`, ` ${s.id}`, `+${s.id}`]) {
      const page = await outcome(() => suggestionLoader(routeArgs(requestAs(null, `/s/${id}`), { id })));
      expect(page.status, id).toBe(404);
    }
    expect((await outcome(() => suggestionLoader(routeArgs(requestAs(null, `/s/${s.id}`), { id: String(s.id) })))).status).toBe(200);
  });

  test("profile counts leave out what the viewer cannot see", async () => {
    const insider = await createMember({ honorLevel: 4 });
    const early = await createSuggestion({ board: earlyBoard, author: insider });
    await createSuggestion({ board: publicBoard, author: insider });
    setVote({ suggestionId: early.id, userId: level4.id, voted: true });
    getDb().insert(comments).values({ suggestionId: early.id, authorId: insider.id, body: "Early words." }).run();
    expect(getProfile(insider.username, level2)!.stats).toEqual({ suggestionCount: 1, commentCount: 0, votesReceived: 0 });
    expect(getProfile(insider.username, level4)!.stats).toEqual({ suggestionCount: 2, commentCount: 1, votesReceived: 1 });
  });

  test("the Atom feed an early-access viewer gets is not publicly cacheable", async () => {
    const publicFeed = (await outcome(() => feedLoader(routeArgs(requestAs(level2, "/changelog.atom"))))).body as Response;
    expect(publicFeed.headers.get("Cache-Control")).toMatch(/^public/);
    const insiderFeed = (await outcome(() => feedLoader(routeArgs(requestAs(level4, "/changelog.atom"))))).body as Response;
    expect(insiderFeed.headers.get("Cache-Control")).toBe("private, no-store");
  });

  test("personal pages say private, no-store", () => {
    for (const headers of [accountHeaders, notificationsHeaders, complaintHeaders]) {
      expect(new Headers(headers({} as Parameters<typeof headers>[0]) as HeadersInit).get("Cache-Control")).toBe("private, no-store");
    }
  });

  test("search takes what people type: quotes, brackets, a leading minus, a trailing star", () => {
    const title = `Zanzibar exportable spreadsheet ${Date.now().toString(36)}`;
    return (async () => {
      const wanted = await createSuggestion({ board: publicBoard, title, body: "Export the roadmap as a spreadsheet." });
      const unwanted = await createSuggestion({ board: publicBoard, title: "Zanzibar exportable pictures", body: "As photos." });
      const ids = (query: string) => searchSuggestions({ query }).results.map((r) => r.id);
      expect(ids('"zanzibar exportable"')).toEqual(expect.arrayContaining([wanted.id, unwanted.id]));
      expect(ids("(zanzibar)")).toEqual(expect.arrayContaining([wanted.id, unwanted.id]));
      expect(ids("[Zanzibar]")).toEqual(expect.arrayContaining([wanted.id, unwanted.id]));
      expect(ids("zanzib*")).toEqual(expect.arrayContaining([wanted.id, unwanted.id]));
      expect(ids("zanzibar -pictures")).toContain(wanted.id);
      expect(ids("zanzibar -pictures")).not.toContain(unwanted.id);
      expect(ids("“zanzibar”")).toEqual(expect.arrayContaining([wanted.id, unwanted.id]));
    })();
  });

  test("/healthz notices a disk that takes no writes, or is full", async () => {
    expect((await healthz()).status).toBe(200);
    const write = vi.spyOn(fs, "writeFileSync").mockImplementation(() => {
      throw Object.assign(new Error("read-only file system"), { code: "EROFS" });
    });
    const readOnly = await healthz();
    expect(readOnly.status).toBe(503);
    expect(await readOnly.json()).toMatchObject({ disk: "read_only" });
    write.mockRestore();
    const statfs = vi.spyOn(fs, "statfsSync").mockReturnValue({ bavail: 10, bsize: 4096 } as ReturnType<typeof fs.statfsSync>);
    const full = await healthz();
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ disk: "full" });
    statfs.mockRestore();
  });
});

describe("10. share cards are drawn once and kept on disk", { timeout: 60_000 }, () => {
  const cardOf = (id: number) => outcome(() => cardLoader(routeArgs(requestAs(null, `/s/${id}/card.png?lang=en`), { id: String(id) })));
  const storeDir = () => path.join(path.dirname(path.resolve(process.env.DATABASE_URL!)), "share-cards");

  test("a rendered card is stored under the data directory, named by what it shows", async () => {
    const s = await createSuggestion({ board: publicBoard });
    const first = (await cardOf(s.id)).body as Response;
    const hash = first.headers.get("ETag")!.replaceAll('"', "");
    const stored = fs.readFileSync(path.join(storeDir(), `${s.id}-${hash}.png`));
    expect(Buffer.from(await first.arrayBuffer()).equals(stored)).toBe(true);
  });

  test("a stored card is served as stored, without drawing it again (as after a restart)", async () => {
    const s = await createSuggestion({ board: publicBoard });
    const hash = suggestionShareCard(s.id, null, "en")!.etag.replaceAll('"', "");
    const marker = Buffer.from("a picture drawn before the restart");
    fs.mkdirSync(storeDir(), { recursive: true });
    fs.writeFileSync(path.join(storeDir(), `${s.id}-${hash}.png`), marker);
    const served = (await cardOf(s.id)).body as Response;
    expect(Buffer.from(await served.arrayBuffer()).equals(marker)).toBe(true);
  });

});

describe("8. optional email verification before votes count", () => {
  const vote = (user: User, id: number, voted = true) =>
    outcome(() => suggestionAction(routeArgs(requestAs(user, `/s/${id}`, { form: { intent: "vote", voted: String(voted) } }), { id: String(id) })));
  const verifiedAt = (id: number) => getDb().select().from(users).where(eq(users.id, id)).get()!.emailVerifiedAt;

  test("with the setting on, a new member's vote is refused until they follow the emailed link", async () => {
    const username = freshName();
    const joined = await signUp({ username, email: `${username}@example.com`, password: "a long unusual passphrase" });
    expect(joined.status).toBe(302);
    const member = getDb().select().from(users).where(eq(users.username, username)).get()!;
    const sent = getDb().select().from(emails).where(eq(emails.userId, member.id)).all();
    expect(sent.map((e) => e.subject)).toEqual(["Confirm your email address for Sprout"]);
    const target = await createSuggestion({ board: publicBoard });
    saveSettings({ requireEmailVerification: true });
    try {
      const refused = await vote(member, target.id);
      expect(refused.status).toBe(403);
      expect((refused.body as { vote: { reason: string } }).vote.reason).toBe("unverified");
      expect(getDb().select().from(votes).where(and(eq(votes.userId, member.id), eq(votes.suggestionId, target.id))).all()).toEqual([]);
      const account = await outcome(() => accountLoader(routeArgs(requestAs(member, "/account"))));
      expect((account.body as { unverifiedEmail: string }).unverifiedEmail).toBe(member.email);

      // A forged or someone else's link does nothing.
      const link = new URL(verificationLink(member));
      const forged = await outcome(() => verifyLoader(routeArgs(new Request(`http://localhost/verify-email?u=${member.id}&t=${"x".repeat(43)}`))));
      expect(forged.location).toBe("/account?done=verification-failed");
      expect(verifiedAt(member.id)).toBeNull();
      const followed = await outcome(() => verifyLoader(routeArgs(new Request(`http://localhost${link.pathname}${link.search}`))));
      expect(followed.location).toBe("/account?done=verified");
      expect(verifiedAt(member.id)).not.toBeNull();
      expect((await vote(member, target.id)).status).toBe(200);
      // Staff never wait.
      expect((await vote(await createStaff(), target.id)).status).toBe(200);
    } finally {
      saveSettings({ requireEmailVerification: false });
    }
  });

  test("with the setting off (the default), nothing changes", async () => {
    const member = await createMember();
    expect(verifiedAt(member.id)).toBeNull();
    expect((await vote(member, (await createSuggestion({ board: publicBoard })).id)).status).toBe(200);
  });
});
