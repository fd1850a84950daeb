import { Worker } from "node:worker_threads";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { badgeGrants, invitations, notifications, shareVisits, users } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { HONOR_POINT_WEIGHTS } from "~/features/honors/rules/levels";
import { CODE_VALID_DAYS } from "~/features/invitations/invitation-rules";
import {
  activateInvitationFor,
  createInvitation,
  invitationOverview,
  invitationSignals,
  InviteCodeRefusedError,
  recordShareVisit,
  shareStatsFor,
  signUpMember,
  SHARE_COOKIE,
} from "~/features/invitations/invitations.server";
import { drainOutbox } from "~/platform/events/outbox.server";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite";
import { action as signupAction, loader as signupLoader } from "~/routes/signup";
import { saveSettings } from "~/platform/settings.server";
import { setVote } from "~/features/votes/votes.server";
import { createInvitationRow, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const DAY = 24 * 60 * 60 * 1000;
let seq = 0;
const newcomer = (overrides: Partial<Parameters<typeof signUpMember>[0]> = {}) => {
  seq++;
  return { username: `newcomer_${seq}`, email: `newcomer${seq}@example.net`, password: "a-long-password", address: `198.51.100.${seq}`, ...overrides };
};
const refusal = (run: () => Promise<unknown>) =>
  run().then(
    () => "accepted",
    (error: unknown) => (error instanceof InviteCodeRefusedError ? error.reason : Promise.reject(error)),
  );
const userCount = () => getDb().get<{ n: number }>(sql`select count(*) as n from users`).n;
const invitationById = (id: number) => getDb().select().from(invitations).where(eq(invitations.id, id)).get()!;
const invitationNotices = (userId: number) =>
  getDb().select().from(notifications).where(sql`${notifications.userId} = ${userId} and ${notifications.kind} = 'invitation'`).all();

beforeEach(() => {
  saveSettings({ inviteOnly: false });
});

describe("invite budget", () => {
  it("refuses a code beyond the member's budget, and gives expired ones back", async () => {
    const member = await createMember({ honorLevel: 0 });
    const now = new Date();
    expect(createInvitation(member.id, now)).toMatchObject({ ok: true });
    expect(createInvitation(member.id, now)).toEqual({ ok: false, reason: "over_budget", budget: 1 });
    expect(getDb().select().from(invitations).where(eq(invitations.inviterId, member.id)).all()).toHaveLength(1);

    const later = new Date(now.getTime() + CODE_VALID_DAYS * DAY);
    expect(createInvitation(member.id, later)).toMatchObject({ ok: true });
  });

  it("grows with the honor level; staff are unlimited", async () => {
    const sapling = await createMember({ honorLevel: 2 });
    for (let i = 0; i < 4; i++) expect(createInvitation(sapling.id).ok).toBe(true);
    expect(createInvitation(sapling.id).ok).toBe(false);
    expect(invitationOverview(sapling).budget).toEqual({ budget: 4, inPlay: 4, left: 0 });

    const staff = await createStaff();
    for (let i = 0; i < 20; i++) expect(createInvitation(staff.id).ok).toBe(true);
    expect(invitationOverview(staff).budget).toEqual({ budget: null, inPlay: 20, left: null });
  });

  it("makes unguessable, distinct codes", async () => {
    const staff = await createStaff();
    const codes = Array.from({ length: 30 }, () => createInvitation(staff.id)).map((r) => (r.ok ? r.code : ""));
    expect(new Set(codes).size).toBe(30);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
  });
});

describe("signing up with an invite code", () => {
  it("joins through a valid code: attribution, address and the invitation's state", async () => {
    const inviter = await createMember();
    const invitation = await createInvitationRow({ inviter });
    const user = await signUpMember(newcomer({ inviteCode: invitation.code.toLowerCase(), address: "192.0.2.10" }));
    expect(user).toMatchObject({ invitedById: inviter.id, signupSource: "invitation", signupAddress: "192.0.2.10" });
    const after = invitationById(invitation.id);
    expect(after.inviteeId).toBe(user.id);
    expect(after.joinedAt).not.toBeNull();
    expect(after.openedAt).not.toBeNull();
  });

  it("refuses forged, used and expired codes clearly, and makes no account", async () => {
    const inviter = await createMember();
    const used = await createInvitationRow({ inviter, joinedAt: new Date(), inviteeId: inviter.id });
    const expired = await createInvitationRow({ inviter, createdAt: new Date(Date.now() - 40 * DAY), expiresAt: new Date(Date.now() - 10 * DAY) });
    const before = userCount();
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: "ABCDEFGHJKMN" })))).toBe("forged");
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: "not a code" })))).toBe("forged");
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: used.code })))).toBe("used");
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: expired.code })))).toBe("expired");
    expect(userCount()).toBe(before);
  });

  it("when invite-only: refuses a signup without a code, accepts a valid one once", async () => {
    saveSettings({ inviteOnly: true });
    const invitation = await createInvitationRow();
    const before = userCount();
    expect(await refusal(() => signUpMember(newcomer()))).toBe("required");
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: "   " })))).toBe("required");
    expect(userCount()).toBe(before);
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: invitation.code })))).toBe("accepted");
    expect(await refusal(() => signUpMember(newcomer({ inviteCode: invitation.code })))).toBe("used");
    expect(userCount()).toBe(before + 1);
  });

  it("lets only one of two simultaneous signups use a code", async () => {
    const invitation = await createInvitationRow();
    const results = await Promise.all([
      refusal(() => signUpMember(newcomer({ inviteCode: invitation.code }))),
      refusal(() => signUpMember(newcomer({ inviteCode: invitation.code }))),
    ]);
    expect(results.sort()).toEqual(["accepted", "used"]);
    expect(getDb().select().from(users).where(eq(users.invitedById, invitation.inviterId)).all()).toHaveLength(1);
  });

  describe("through the signup route", () => {
    const form = (fields: Record<string, string>) => ({ username: `route_${++seq}`, email: `route${seq}@example.net`, password: "a-long-password", ...fields });

    it("shows the code from an invite link, marks it opened and says what is wrong with a bad one", async () => {
      const invitation = await createInvitationRow();
      const page = await outcome(() => signupLoader(routeArgs(requestAs(null, `/signup?invite=${invitation.code}`))));
      expect(page.body).toMatchObject({ invite: invitation.code, inviteProblem: null, inviteOnly: false });
      expect(invitationById(invitation.id).openedAt).not.toBeNull();
      const forged = await outcome(() => signupLoader(routeArgs(requestAs(null, "/signup?invite=ZZZZZZZZZZZZ"))));
      expect(forged.body).toMatchObject({ inviteProblem: "forged" });
    });

    it("answers 400 with the reason next to the code field when invite-only and no code is given", async () => {
      saveSettings({ inviteOnly: true });
      const refused = await outcome(() => signupAction({ ...routeArgs(requestAs(null, "/signup", { form: form({}) })), context: { clientAddress: "192.0.2.1" } }));
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain("invitations.refused.required");
    });

    it("signs up with a valid code, logs in and spends any share credit", async () => {
      saveSettings({ inviteOnly: true });
      const invitation = await createInvitationRow();
      const request = requestAs(null, "/signup", { form: form({ invite: invitation.code }) });
      request.headers.set("Cookie", `${SHARE_COOKIE}=1.${Date.now()}`);
      const done = await outcome(() => signupAction({ ...routeArgs(request), context: { clientAddress: "192.0.2.2" } }));
      expect(done.status).toBe(302);
      const cookies = (done.body as Response).headers.getSetCookie();
      expect(cookies.some((c) => c.startsWith("sprout_session="))).toBe(true);
      expect(cookies.some((c) => c.startsWith(`${SHARE_COOKIE}=;`))).toBe(true);
      const invitee = getDb().select().from(users).where(eq(users.id, invitationById(invitation.id).inviteeId!)).get()!;
      expect(invitee.signupAddress).toBe("192.0.2.2");
    });
  });
});

describe("activation and rewards", () => {
  async function joinedInvitee(address = "198.51.100.200") {
    const inviter = await createMember({ signupAddress: "203.0.113.9" });
    const invitation = await createInvitationRow({ inviter });
    const invitee = await signUpMember(newcomer({ inviteCode: invitation.code, address }));
    return { inviter, invitee, invitation };
  }

  it("rewards both sides once on the invitee's first vote, and notifies each", async () => {
    const { inviter, invitee, invitation } = await joinedInvitee();
    const suggestion = await createSuggestion();
    expect(setVote({ suggestionId: suggestion.id, userId: invitee.id, voted: true }).ok).toBe(true);
    const after = invitationById(invitation.id);
    expect(after.activatedAt).not.toBeNull();
    expect(after.rewardedAt).not.toBeNull();
    expect(after.rewardWithheld).toBeNull();
    expect(invitationOverview(inviter).invitations[0]).toMatchObject({ status: "rewarded", invitee: { username: invitee.username } });
    expect(invitationNotices(inviter.id)).toHaveLength(1);
    expect(invitationNotices(invitee.id)).toHaveLength(1);
    expect(JSON.parse(invitationNotices(invitee.id)[0].payload)).toMatchObject({ invitedBy: inviter.username });
    // Honor points toward levels on both sides, and the inviter's first inviter badge.
    const member = (id: number) => getDb().select().from(users).where(eq(users.id, id)).get()!;
    expect(member(inviter.id).honorPoints).toBeGreaterThanOrEqual(HONOR_POINT_WEIGHTS.invitationRewards);
    expect(member(invitee.id)).toMatchObject({ honorLevel: 1 });
    expect(getDb().select().from(badgeGrants).where(eq(badgeGrants.userId, inviter.id)).all().map((g) => g.badgeId)).toContain("inviter");
  });

  it("rewards once when the first vote and the first comment arrive together", async () => {
    const { inviter, invitee, invitation } = await joinedInvitee();
    const suggestion = await createSuggestion();
    await Promise.all([
      Promise.resolve().then(() => setVote({ suggestionId: suggestion.id, userId: invitee.id, voted: true })),
      Promise.resolve().then(() => addComment({ suggestionId: suggestion.id, authorId: invitee.id, body: "Me too!" })),
      Promise.resolve().then(() => activateInvitationFor(invitee.id)),
    ]);
    expect(invitationById(invitation.id).rewardedAt).not.toBeNull();
    expect(activateInvitationFor(invitee.id)).toEqual({ rewarded: false });
    expect(invitationNotices(inviter.id)).toHaveLength(1);
    expect(invitationNotices(invitee.id)).toHaveLength(1);
  });

  it("rewards once when two server workers activate at the same moment", async () => {
    const { inviter, invitee, invitation } = await joinedInvitee();
    // Two threads of this process, each with its own connection to this test's database file
    // (as two server workers have), running at the same time.
    const script = `
      const { parentPort, workerData } = await import("node:worker_threads");
      (await import("tsx/esm/api")).register();
      const { activateInvitationFor } = await import(${JSON.stringify(new URL("../../app/features/invitations/invitations.server.ts", import.meta.url).href)});
      parentPort.postMessage(activateInvitationFor(workerData));`;
    const other = () =>
      new Promise<{ rewarded: boolean }>((resolve, reject) => {
        const worker = new Worker(script, { eval: true, workerData: invitee.id, env: process.env });
        worker.once("message", (outcome) => {
          resolve(outcome);
          void worker.terminate();
        });
        worker.once("error", reject);
      });
    const outcomes = await Promise.all([other(), other()]);
    expect(outcomes.filter((o) => o.rewarded)).toHaveLength(1);
    expect(activateInvitationFor(invitee.id)).toEqual({ rewarded: false });
    expect(invitationById(invitation.id).rewardedAt).not.toBeNull();
    // Those scripts register no event subscribers: their invitation_activated waits in the
    // outbox for a process that has them, as a server's start-up would handle it.
    await drainOutbox();
    expect(invitationNotices(inviter.id)).toHaveLength(1);
    expect(invitationNotices(invitee.id)).toHaveLength(1);
  }, 120_000);

  it("withholds the reward from a signup at the inviter's address, says why, and tells nobody", async () => {
    const { inviter, invitee, invitation } = await joinedInvitee("203.0.113.9");
    const suggestion = await createSuggestion();
    setVote({ suggestionId: suggestion.id, userId: invitee.id, voted: true });
    const after = invitationById(invitation.id);
    expect(after.activatedAt).not.toBeNull();
    expect(after.rewardedAt).toBeNull();
    expect(after.rewardWithheld).toBe("inviter_address");
    expect(invitationOverview(inviter).invitations[0]).toMatchObject({ status: "withheld", withheld: "inviter_address" });
    expect(invitationNotices(inviter.id)).toHaveLength(0);
    expect(invitationNotices(invitee.id)).toHaveLength(0);
  });

  it("withholds rewards from a burst of invitees of one inviter", async () => {
    const inviter = await createStaff();
    const joined = [];
    for (let i = 0; i < 3; i++) {
      const created = createInvitation(inviter.id);
      if (!created.ok) throw new Error("no code");
      joined.push(await signUpMember(newcomer({ inviteCode: created.code })));
    }
    for (const invitee of joined) expect(activateInvitationFor(invitee.id)).toEqual({ rewarded: false });
    expect(invitationOverview(inviter).invitations.map((i) => i.withheld)).toEqual(["rapid_signups", "rapid_signups", "rapid_signups"]);
  });

  it("does not activate after the window, nor members who joined without an invitation", async () => {
    const { invitee, invitation } = await joinedInvitee();
    expect(activateInvitationFor(invitee.id, new Date(Date.now() + 31 * DAY))).toEqual({ rewarded: false });
    expect(invitationById(invitation.id).activatedAt).toBeNull();
    const direct = await signUpMember(newcomer());
    expect(direct.signupSource).toBe("direct");
    expect(activateInvitationFor(direct.id)).toEqual({ rewarded: false });
  });
});

describe("share links", () => {
  const visit = (path: string, { address = "192.0.2.50", agent = "Firefox", viewer = null as { id: number } | null } = {}) => {
    const request = requestAs(viewer, path);
    request.headers.set("User-Agent", agent);
    return recordShareVisit(request, { clientAddress: address });
  };

  it("counts each visitor once per page, not the sharer, not unknown names, and skips pages without ?ref", async () => {
    const sharer = await createMember();
    const suggestion = await createSuggestion();
    expect(visit("/")).toBeNull();
    expect(visit("/?ref=nobody_by_that_name")).toBeNull();
    expect(visit(`/s/${suggestion.id}?ref=${sharer.username}`)).toMatch(new RegExp(`^${SHARE_COOKIE}=${sharer.id}\\.\\d+;`));
    visit(`/s/${suggestion.id}?ref=${sharer.username.toUpperCase()}`);
    visit(`/?ref=${sharer.username}`);
    visit(`/?ref=${sharer.username}`);
    visit(`/roadmap?ref=${sharer.username}`, { agent: "Safari" });
    visit(`/s/999999?ref=${sharer.username}`, { address: "192.0.2.51" });
    expect(visit(`/?ref=${sharer.username}`, { viewer: sharer })).toBeNull();
    const rows = getDb().select().from(shareVisits).where(eq(shareVisits.sharerId, sharer.id)).all();
    expect(rows.map((r) => r.suggestionId).sort()).toEqual([suggestion.id, null, null, null].sort());
    expect(rows.every((r) => !r.visitorKey.includes("192.0.2"))).toBe(true);
    expect(shareStatsFor(sharer.id).visits).toBe(4);
  });

  it("credits a signup within a week to the sharer, counts it active after a first vote, and not later ones", async () => {
    const sharer = await createMember();
    const cookie = visit(`/?ref=${sharer.username}`)!.split(";")[0];
    const member = await signUpMember(newcomer({ cookieHeader: `other=1; ${cookie}` }));
    expect(member).toMatchObject({ signupSource: "share_link", invitedById: sharer.id });
    expect(shareStatsFor(sharer.id)).toMatchObject({ signups: 1, active: 0 });
    const suggestion = await createSuggestion();
    setVote({ suggestionId: suggestion.id, userId: member.id, voted: true });
    expect(shareStatsFor(sharer.id)).toMatchObject({ signups: 1, active: 1 });

    const stale = `${SHARE_COOKIE}=${sharer.id}.${Date.now() - 8 * DAY}`;
    expect((await signUpMember(newcomer({ cookieHeader: stale }))).signupSource).toBe("direct");
    expect((await signUpMember(newcomer({ cookieHeader: `${SHARE_COOKIE}=forged` }))).signupSource).toBe("direct");
  });

  it("gives way to an invite code: the code's inviter gets the credit", async () => {
    const sharer = await createMember();
    const invitation = await createInvitationRow();
    const cookie = visit(`/?ref=${sharer.username}`)!.split(";")[0];
    const member = await signUpMember(newcomer({ inviteCode: invitation.code, cookieHeader: cookie }));
    expect(member).toMatchObject({ signupSource: "invitation", invitedById: invitation.inviterId });
  });
});

describe("/invite", () => {
  it("sends visitors to log in", async () => {
    const result = await outcome(() => inviteLoader(routeArgs(requestAs(null, "/invite"))));
    expect(result.status).toBe(302);
    expect(result.location).toBe("/login?redirectTo=%2Finvite");
  });

  it("makes a code and lists it; refuses one beyond the budget with a 400", async () => {
    const member = await createMember();
    const made = await outcome(() => inviteAction(routeArgs(requestAs(member, "/invite", { form: { intent: "create" } }))));
    expect(made.status).toBe(302);
    expect(made.location).toMatch(/^\/invite\?created=[2-9A-Z]{12}$/);
    const page = await outcome(() => inviteLoader(routeArgs(requestAs(member, "/invite"))));
    expect(page.body).toMatchObject({ budget: { budget: 1, left: 0 }, invitations: [{ status: "created" }], shareStats: { visits: 0 } });
    const refused = await outcome(() => inviteAction(routeArgs(requestAs(member, "/invite", { form: { intent: "create" } }))));
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("invitations.overBudget");
  });
});

describe("attribution for the score", () => {
  it("counts invitations sent, joined, rewarded, and share-link signups, as of a date", async () => {
    const inviter = await createMember({ signupAddress: "203.0.113.77" });
    const open = await createInvitationRow({ inviter });
    const rewarded = await createInvitationRow({ inviter });
    const withheld = await createInvitationRow({ inviter });
    const a = await signUpMember(newcomer({ inviteCode: rewarded.code }));
    const b = await signUpMember(newcomer({ inviteCode: withheld.code, address: "203.0.113.77" }));
    activateInvitationFor(a.id);
    activateInvitationFor(b.id);
    const shared = await signUpMember(newcomer({ cookieHeader: `${SHARE_COOKIE}=${inviter.id}.${Date.now()}` }));
    addComment({ suggestionId: (await createSuggestion()).id, authorId: shared.id, body: "Welcome me" });
    expect(invitationSignals({ inviterId: inviter.id })).toEqual({ sent: 3, joined: 2, activeInvitees: 1, shareSignups: 1, shareSignupsActive: 1 });
    expect(invitationSignals({ inviterId: inviter.id, until: new Date(Date.now() - DAY) })).toEqual({
      sent: 0,
      joined: 0,
      activeInvitees: 0,
      shareSignups: 0,
      shareSignupsActive: 0,
    });
    expect(invitationSignals().sent).toBeGreaterThanOrEqual(3);
    expect(open.code).not.toBe(rewarded.code);
  });
});
