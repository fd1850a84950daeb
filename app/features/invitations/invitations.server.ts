// Invitations and share links: how word of mouth is passed on and who gets credit for it.
// The rules (budget, codes, the state machine, farming) are pure, in app/features/invitations/invitation-rules.ts;
// this module loads what they need and stores what they decide.
//
// - A member makes scarce, single-use codes; each has its link (/signup?invite=CODE, or
//   the short /i/CODE). Following one marks it opened; signing up with it joins; the
//   newcomer's first suggestion, vote or comment within 30 days makes it active, and then
//   both sides are rewarded once (honor points, the inviter's badges, a notification each)
//   unless it looks farmed: then the reward is withheld and the reason shown on /invite.
// - Any page opened with ?ref=<username> counts a visit for that member's share statistics
//   and remembers the sharer for SHARE_COOKIE_DAYS; a signup in that time is credited to them
//   (signup_source "share_link"). Share-link signups are counted (on /invite and in the
//   score) but earn no honor points: share links are unlimited, so rewarding them would undo
//   the scarcity of codes and pay for farming. Codes are how members earn.
import { createHmac } from "node:crypto";
import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import { invitations, users, type User } from "#db/schema";
import { createUser, DisplayNameReservedError, staffNames } from "~/features/accounts/accounts.server";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { getDb } from "~/platform/db.server";
import { isReservedDisplayName } from "~/features/accounts/reserved-names";
import { countSignupAttempt } from "~/features/accounts/signup-throttle.server";
import {
  ACTIVATION_DAYS,
  canActivate,
  canOpen,
  codeExpiry,
  codeRefusal,
  codesLeft,
  countsAgainstBudget,
  generateInviteCode,
  inviteBudget,
  invitationStatus,
  invitationSteps,
  normalizeInviteCode,
  withheldReason,
  type CodeRefusal,
  type InvitationRecord,
} from "~/features/invitations/invitation-rules";
import { notifyUser } from "~/features/notifications/notifications.server";
import type { EventOf } from "~/platform/events/events";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";
import { clearCookie, readCookie, requestCookie, SHARE_COOKIE, setCookie } from "~/platform/cookies.server";
import { appSecret } from "~/platform/secrets.server";
import { getSetting } from "~/platform/settings.server";

const DAY_MS = 24 * 60 * 60 * 1000;
export { SHARE_COOKIE };
export const SHARE_COOKIE_DAYS = 7;

type Invitation = typeof invitations.$inferSelect;

// ---- Codes and the budget ----

function invitationsOf(inviterId: number) {
  return getDb().select().from(invitations).where(eq(invitations.inviterId, inviterId)).orderBy(desc(invitations.id)).all();
}

// null budget and left: unlimited (staff).
export type InviteBudget = { budget: number | null; inPlay: number; left: number | null };

function budgetOf(inviter: Pick<User, "role" | "honorLevel">, rows: readonly InvitationRecord[], now: Date): InviteBudget {
  const inPlay = rows.filter((row) => countsAgainstBudget(row, now)).length;
  const budget = inviteBudget(inviter);
  return Number.isFinite(budget) ? { budget, inPlay, left: codesLeft(inviter, inPlay) } : { budget: null, inPlay, left: null };
}

export type CreateInvitationResult = { ok: true; code: string } | { ok: false; reason: "over_budget"; budget: number };

// Counted and inserted in one immediate transaction, so two quick clicks cannot both take
// the last code.
export function createInvitation(inviterId: number, now = new Date()): CreateInvitationResult {
  const db = getDb();
  return db.transaction((tx) => {
    const inviter = tx.select({ role: users.role, honorLevel: users.honorLevel }).from(users).where(eq(users.id, inviterId)).get();
    if (!inviter) throw new Error(`No member ${inviterId}`);
    const rows = tx.select().from(invitations).where(eq(invitations.inviterId, inviterId)).all();
    const budget = budgetOf(inviter, rows, now);
    if (budget.left !== null && budget.left <= 0) return { ok: false, reason: "over_budget", budget: budget.budget ?? 0 } as const;
    const code = generateInviteCode();
    tx.insert(invitations).values({ inviterId, code, createdAt: now, expiresAt: codeExpiry(now) }).run();
    return { ok: true, code } as const;
  }, { behavior: "immediate" });
}

function findInvitation(code: string | null | undefined): Invitation | undefined {
  const normalized = normalizeInviteCode(code);
  if (!normalized) return undefined;
  return getDb().select().from(invitations).where(eq(invitations.code, normalized)).get();
}

// Why a code cannot be used at signup, or null when it can (for the signup page's notice).
export function inviteCodeProblem(code: string, now = new Date()): CodeRefusal | null {
  return codeRefusal(findInvitation(code), now);
}

// Someone followed an invite link: recorded once, while the code is still usable.
export function openInvitation(code: string, now = new Date()) {
  const invitation = findInvitation(code);
  if (!invitation || !canOpen(invitation, now)) return;
  getDb()
    .update(invitations)
    .set({ openedAt: now })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.openedAt)))
    .run();
}

// ---- Signing up ----

export class InviteCodeRefusedError extends Error {
  constructor(readonly reason: CodeRefusal | "required") {
    super(`Invite code refused: ${reason}`);
  }
}

export type SignupInput = {
  username: string;
  email: string;
  password: string;
  displayName?: string;
  locale?: string | null;
  inviteCode?: string;
  // The request's Cookie header (share-link credit) and the client's address.
  cookieHeader?: string | null;
  address?: string | null;
  now?: Date;
};

// Creates the account and says who brought the member in: an invite code (required when
// registration is invite-only, single-use, claimed in the account's own transaction so two
// people can never join with one code), else a share link followed in the last days, else
// nobody. Throws InviteCodeRefusedError, SignupThrottledError (too many attempts from the
// address), DisplayNameReservedError (a name posing as the team's), or createUser's
// UsernameTaken/EmailTaken errors.
export async function signUpMember(input: SignupInput): Promise<User> {
  const now = input.now ?? new Date();
  const code = input.inviteCode?.trim() ? normalizeInviteCode(input.inviteCode) : null;
  if (input.inviteCode?.trim() && !code) throw new InviteCodeRefusedError("forged");
  if (!code && getSetting("inviteOnly")) throw new InviteCodeRefusedError("required");
  const invitation = code ? findInvitation(code) : undefined;
  if (code) {
    const refusal = codeRefusal(invitation, now);
    if (refusal) throw new InviteCodeRefusedError(refusal);
  }
  const sharerId = invitation ? null : sharerFromCookie(input.cookieHeader, now);
  countSignupAttempt(input.address, now.getTime());
  if (isReservedDisplayName(input.displayName?.trim() || input.username, staffNames())) throw new DisplayNameReservedError();
  return createUser({
    username: input.username,
    email: input.email,
    password: input.password,
    displayName: input.displayName,
    locale: input.locale,
    createdAt: now,
    invitedById: invitation?.inviterId ?? sharerId,
    signupSource: invitation ? "invitation" : sharerId ? "share_link" : "direct",
    signupAddress: input.address ?? null,
    whileCreating: (tx, user) => {
      if (!invitation) return;
      // Conditional on the code still being free: of two signups racing for it, one wins.
      const claimed = tx
        .update(invitations)
        .set({ inviteeId: user.id, joinedAt: now, openedAt: sql`coalesce(${invitations.openedAt}, ${now.getTime()})` })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.joinedAt)))
        .run().changes;
      if (!claimed) throw new InviteCodeRefusedError("used");
    },
  });
}

// ---- Becoming active, and the reward ----

function signupOf(user: Pick<User, "id" | "email" | "signupAddress" | "createdAt">, joinedAt: Date | null) {
  return { userId: user.id, email: user.email, address: user.signupAddress, joinedAt: joinedAt ?? user.createdAt };
}

// The invitations subscriber to suggestion_posted, vote_cast and comment_posted (and callable
// directly). For a member who joined by invitation
// and has not been activated yet, this is their first: the invitation becomes active and both
// sides are rewarded, exactly once. Activation and the reward decision are conditional
// updates in one immediate transaction, so the invitee's first vote and first comment
// arriving together (even through two processes) reward once. Cheap for everyone else: one
// indexed lookup that finds nothing.
export function activateInvitationFor(userId: number, now = new Date()): { rewarded: boolean } {
  const db = getDb();
  const pending = db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.inviteeId, userId),
        isNull(invitations.activatedAt),
        gt(invitations.joinedAt, new Date(now.getTime() - ACTIVATION_DAYS * DAY_MS)),
      ),
    )
    .get();
  if (!pending) return { rewarded: false };

  const outcome = db.transaction((tx) => {
    const invitation = tx.select().from(invitations).where(eq(invitations.id, pending.id)).get();
    if (!invitation || !canActivate(invitation, now)) return null;
    const inviter = tx.select().from(users).where(eq(users.id, invitation.inviterId)).get();
    const invitee = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!inviter || !invitee) return null;
    const others = tx
      .select({ user: users, joinedAt: invitations.joinedAt })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.inviteeId))
      .where(and(eq(invitations.inviterId, inviter.id), isNotNull(invitations.joinedAt), sql`${invitations.id} <> ${invitation.id}`))
      .all()
      .map((o) => signupOf(o.user, o.joinedAt));
    const reason = withheldReason({
      inviter: { userId: inviter.id, email: inviter.email, address: inviter.signupAddress },
      invitee: signupOf(invitee, invitation.joinedAt),
      otherInvitees: others,
    });
    const activated = tx
      .update(invitations)
      .set({ activatedAt: now, rewardWithheld: reason })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.activatedAt)))
      .run().changes;
    if (!activated || reason) return null;
    const rewarded = tx
      .update(invitations)
      .set({ rewardedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.rewardedAt), isNull(invitations.rewardWithheld)))
      .run().changes;
    if (!rewarded) return null;
    // Rewards are honor points and badges computed from rewarded invitations, so the honors
    // subscriber re-evaluating both members is what grants them; both are told, once.
    recordEvent({
      type: "invitation_activated",
      invitationId: invitation.id,
      inviterId: inviter.id,
      inviterUsername: inviter.username,
      inviteeId: invitee.id,
      inviteeUsername: invitee.username,
      at: now.getTime(),
    });
    return true;
  }, { behavior: "immediate" });
  deliverEvents();
  return { rewarded: !!outcome };
}

// Subscriber to invitation_activated: the event keys make each notice a one-off.
export function notifyInvitationActivated(event: EventOf<"invitation_activated">) {
  notifyUser({
    userId: event.inviterId,
    kind: "invitation",
    eventKey: `invitation:${event.invitationId}`,
    payload: { username: event.inviteeUsername, path: "/invite" },
  });
  notifyUser({
    userId: event.inviteeId,
    kind: "invitation",
    eventKey: `invitation:${event.invitationId}`,
    payload: { invitedBy: event.inviterUsername, path: "/invite" },
  });
}

// ---- Share links ----

// The cookie holds "<sharer id>.<when>"; the time is checked here too, since a browser's
// cookie expiry is the browser's to keep.
function sharerFromCookie(header: string | null | undefined, now: Date): number | null {
  const match = /^([1-9][0-9]{0,15})\.([0-9]{1,16})$/.exec(readCookie(header, SHARE_COOKIE) ?? "");
  if (!match) return null;
  if (now.getTime() - Number(match[2]) > SHARE_COOKIE_DAYS * DAY_MS) return null;
  const sharer = getDb().select({ id: users.id }).from(users).where(eq(users.id, Number(match[1]))).get();
  return sharer?.id ?? null;
}

function shareCookie(sharerId: number, now: Date): string {
  return setCookie(SHARE_COOKIE, `${sharerId}.${now.getTime()}`, { maxAgeSeconds: SHARE_COOKIE_DAYS * 86400 });
}

// After a signup the credit is spent: the cookie that clears it, when the request had one.
export function spentShareCookie(request: Request): string | null {
  if (requestCookie(request, SHARE_COOKIE) === null) return null;
  return clearCookie(SHARE_COOKIE);
}

// A visitor is known only by a keyed hash of their address and browser: enough to count
// them once, never enough to recover the address.
function visitorKey(address: string, userAgent: string): string {
  return createHmac("sha256", appSecret("share_visit_salt")).update(`${address}\n${userAgent}`).digest("base64url");
}

// The root loader calls this on every page; without ?ref= it returns at once. Counts the
// visit once per visitor, sharer and page (a suggestion, or any other page as one), not
// when sharers open their own links, and returns the cookie that credits a later signup
// (visitors only: members have joined already).
export function recordShareVisit(request: Request, context: { clientAddress?: string }, now = new Date()): string | null {
  const url = new URL(request.url);
  const ref = url.searchParams.get("ref");
  if (!ref || ref.length > 30 || request.method !== "GET") return null;
  const db = getDb();
  const sharer = db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${ref})`).get();
  if (!sharer) return null;
  const viewer = getOptionalUser(request);
  if (viewer?.id === sharer.id) return null;
  const suggestionId = Number(/^\/s\/([1-9][0-9]{0,9})(?:\/|$)/.exec(url.pathname)?.[1] ?? 0) || null;
  const key = visitorKey(context.clientAddress ?? "unknown", request.headers.get("User-Agent") ?? "");
  // One statement, so "not yet counted" and "count it" cannot be split by another request.
  // A page that is not a suggestion has a null suggestion_id, which a unique index would
  // not deduplicate, hence NOT EXISTS with IS.
  db.run(sql`
    insert into share_visits (sharer_id, suggestion_id, visitor_key, created_at)
    select ${sharer.id}, (select id from suggestions where id = ${suggestionId}), ${key}, ${now.getTime()}
    where not exists (
      select 1 from share_visits where sharer_id = ${sharer.id} and visitor_key = ${key}
        and suggestion_id is (select id from suggestions where id = ${suggestionId}))`);
  return viewer ? null : shareCookie(sharer.id, now);
}

// ---- What /invite shows ----

// Newcomers "active" by the invitation rule (a suggestion, vote or comment within
// ACTIVATION_DAYS of joining, and before `until`), for share-link signups, which have no
// invitation row to record it.
function activeWithinWindow(until: number) {
  const by = sql`min(u.created_at + ${ACTIVATION_DAYS * DAY_MS}, ${until})`;
  return sql`(
    exists (select 1 from suggestions s where s.author_id = u.id and s.created_at <= ${by})
    or exists (select 1 from votes v where v.user_id = u.id and v.created_at <= ${by})
    or exists (select 1 from comments c where c.author_id = u.id and c.created_at <= ${by}))`;
}

export type ShareStats = { visits: number; signups: number; active: number };

export function shareStatsFor(sharerId: number, now = new Date()): ShareStats {
  const visits = getDb().get<{ n: number }>(sql`select count(*) as n from share_visits where sharer_id = ${sharerId}`).n;
  const { shareSignups, shareSignupsActive } = invitationSignals({ inviterId: sharerId, until: now });
  return { visits, signups: shareSignups, active: shareSignupsActive };
}

export function invitationOverview(member: { id: number; username: string }, now = new Date()) {
  const db = getDb();
  const inviter = db.select({ role: users.role, honorLevel: users.honorLevel }).from(users).where(eq(users.id, member.id)).get()!;
  const rows = invitationsOf(member.id);
  const invitees = new Map(
    db
      .select({ id: users.id, username: users.username, displayName: users.displayName })
      .from(users)
      .where(eq(users.invitedById, member.id))
      .all()
      .map((u) => [u.id, u]),
  );
  return {
    budget: budgetOf(inviter, rows, now),
    invitations: rows.map((row) => ({
      id: row.id,
      code: row.code,
      createdAt: row.createdAt,
      expiresAt: row.expiresAt,
      status: invitationStatus(row, now),
      steps: invitationSteps(row),
      withheld: row.rewardWithheld,
      invitee: row.inviteeId ? (invitees.get(row.inviteeId) ?? null) : null,
    })),
    shareStats: shareStatsFor(member.id, now),
  };
}

// ---- Attribution for the word-of-mouth score ----

export type InvitationSignals = {
  // Invitations created; those a newcomer joined through; invitees who became active and
  // were rewarded (farmed ones do not count); signups through share links; and those of
  // them active within ACTIVATION_DAYS.
  sent: number;
  joined: number;
  activeInvitees: number;
  shareSignups: number;
  shareSignupsActive: number;
};

// For the score's loyalty dimension: the whole community, or one member's (inviterId), as
// things stood at `until` (weekly snapshots). Activity after `until` does not count.
export function invitationSignals(options: { inviterId?: number; until?: Date } = {}): InvitationSignals {
  const db = getDb();
  const until = (options.until ?? new Date()).getTime();
  const inviter = options.inviterId === undefined ? sql`1 = 1` : sql`inviter_id = ${options.inviterId}`;
  const sharer = options.inviterId === undefined ? sql`1 = 1` : sql`u.invited_by_id = ${options.inviterId}`;
  const invited = db.get<{ sent: number; joined: number; active: number }>(sql`
    select count(*) as sent,
           coalesce(sum(joined_at is not null and joined_at <= ${until}), 0) as joined,
           coalesce(sum(rewarded_at is not null and rewarded_at <= ${until}), 0) as active
    from invitations where ${inviter} and created_at <= ${until}`);
  const shared = db.get<{ signups: number; active: number }>(sql`
    select count(*) as signups, coalesce(sum(${activeWithinWindow(until)}), 0) as active
    from users u where ${sharer} and u.signup_source = 'share_link' and u.created_at <= ${until}`);
  return { sent: invited.sent, joined: invited.joined, activeInvitees: invited.active, shareSignups: shared.signups, shareSignupsActive: shared.active };
}
