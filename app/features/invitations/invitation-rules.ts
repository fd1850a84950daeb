// Invitations as pure rules: the life of an invitation, how many codes a member may hand
// out, what a code looks like, and when a reward is withheld because the invitation looks
// farmed. app/features/invitations/invitations.server.ts loads the rows, asks these rules and stores the answer.
//
// The life of an invitation:
//   created → opened (someone followed the link) → joined (an account was made with the code)
//   → active (the newcomer's first suggestion, vote or comment within ACTIVATION_DAYS of
//   joining) → rewarded (both sides earn honor points; the inviter's badges count it).
// Side exits: a code nobody joined with expires CODE_VALID_DAYS after it was made (and gives
// its place in the budget back); a newcomer who does nothing for ACTIVATION_DAYS "lapses";
// an activation that looks farmed is recorded as active with the reward withheld, and why.

const DAY_MS = 24 * 60 * 60 * 1000;
export const CODE_VALID_DAYS = 30;
export const ACTIVATION_DAYS = 30;

// ---- Budget ----

// Codes a member may have in play (unused and unexpired, or used) by honor level. Scarce on
// purpose, as Gmail's invitations were: a new member has one, an honorary developer fifteen.
// Staff invite without limit (launch events, press).
export const INVITE_BUDGET_BY_LEVEL: readonly number[] = [1, 2, 4, 8, 15];

export type Inviter = { role: string; honorLevel: number };

export function inviteBudget(inviter: Inviter): number {
  if (inviter.role !== "member") return Infinity;
  const level = Math.max(0, Math.min(INVITE_BUDGET_BY_LEVEL.length - 1, Math.trunc(inviter.honorLevel)));
  return INVITE_BUDGET_BY_LEVEL[level];
}

// A code counts against the budget until it expires unused.
export function countsAgainstBudget(invitation: InvitationRecord, now: Date): boolean {
  return invitationStatus(invitation, now) !== "expired";
}

export function codesLeft(inviter: Inviter, inPlay: number): number {
  return Math.max(0, inviteBudget(inviter) - inPlay);
}

// ---- Codes ----

// 31 symbols without look-alikes (no 0/O, 1/I/L): easy to read aloud and to type from a
// phone. 12 of them from a cryptographic source give 59 bits: not guessable, not listable.
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 12;

export function generateInviteCode(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  let code = "";
  // Rejection sampling keeps every symbol equally likely whatever the alphabet's size.
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH)) {
      if (byte < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

// What people type or paste: any case, with spaces or dashes from "ABCD-EFGH-JKMN" groupings.
// Null for what cannot be a code (so it never reaches the database).
export function normalizeInviteCode(input: string | null | undefined): string | null {
  const code = (input ?? "").replace(/[\s-]/g, "").toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  for (const symbol of code) if (!CODE_ALPHABET.includes(symbol)) return null;
  return code;
}

// ---- The state machine ----

export type InvitationRecord = {
  createdAt: Date;
  expiresAt: Date | null;
  openedAt: Date | null;
  joinedAt: Date | null;
  activatedAt: Date | null;
  rewardedAt: Date | null;
  rewardWithheld: string | null;
};

export const INVITATION_STATUSES = ["created", "opened", "joined", "lapsed", "active", "rewarded", "withheld", "expired"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export function codeExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + CODE_VALID_DAYS * DAY_MS);
}

export function activationDeadline(joinedAt: Date): Date {
  return new Date(joinedAt.getTime() + ACTIVATION_DAYS * DAY_MS);
}

// "active" is the moment between activation and the reward decision; the server takes both
// steps in one transaction, so members normally see rewarded or withheld.
export function invitationStatus(invitation: InvitationRecord, now: Date): InvitationStatus {
  if (invitation.rewardedAt) return "rewarded";
  if (invitation.activatedAt) return invitation.rewardWithheld ? "withheld" : "active";
  if (invitation.joinedAt) return now >= activationDeadline(invitation.joinedAt) ? "lapsed" : "joined";
  if (invitation.expiresAt && now >= invitation.expiresAt) return "expired";
  return invitation.openedAt ? "opened" : "created";
}

// The steps an invitation has passed, for the timeline on /invite.
export function invitationSteps(invitation: InvitationRecord): { opened: boolean; joined: boolean; active: boolean; rewarded: boolean } {
  return {
    opened: invitation.openedAt !== null || invitation.joinedAt !== null,
    joined: invitation.joinedAt !== null,
    active: invitation.activatedAt !== null,
    rewarded: invitation.rewardedAt !== null,
  };
}

export type CodeRefusal = "forged" | "used" | "expired";

// Why a code typed at signup cannot be used, or null when it can. A well-formed code that
// no invitation has is forged as much as a malformed one.
export function codeRefusal(invitation: InvitationRecord | undefined | null, now: Date): CodeRefusal | null {
  if (!invitation) return "forged";
  if (invitation.joinedAt) return "used";
  if (invitation.expiresAt && now >= invitation.expiresAt) return "expired";
  return null;
}

// Opening is recorded once, and only while the code can still be used.
export function canOpen(invitation: InvitationRecord, now: Date): boolean {
  return invitation.openedAt === null && codeRefusal(invitation, now) === null;
}

// An invitee's first suggestion, vote or comment makes the invitation active, if it comes
// within ACTIVATION_DAYS of joining.
export function canActivate(invitation: InvitationRecord, activityAt: Date): boolean {
  return invitation.joinedAt !== null && invitation.activatedAt === null && activityAt < activationDeadline(invitation.joinedAt);
}

// ---- Farming ----

export const RAPID_SIGNUPS = 3;
export const RAPID_WINDOW_MINUTES = 10;
// Invitees of one inviter sharing one address: a household may have two, a farm has more.
export const MAX_OTHERS_AT_ONE_ADDRESS = 1;

export const WITHHELD_REASONS = ["self_invitation", "inviter_address", "shared_address", "rapid_signups"] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

export type Signup = { userId: number; email: string; address: string | null; joinedAt: Date };

export type FarmingFacts = {
  inviter: { userId: number; email: string; address: string | null };
  invitee: Signup;
  // The inviter's other invitees (by invitation), this one excluded.
  otherInvitees: readonly Signup[];
};

// Mailbox identity: case, "+tags" and Gmail's ignored dots do not make a second person.
export function normalizeEmail(email: string): string {
  const [local = "", domain = ""] = email.trim().toLowerCase().split(/@(?=[^@]*$)/);
  let name = local.split("+")[0];
  const gmail = domain === "gmail.com" || domain === "googlemail.com";
  if (gmail) name = name.replaceAll(".", "");
  return `${name}@${gmail ? "gmail.com" : domain}`;
}

// One network, one key: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64, which a
// single household or phone usually holds whole.
export function normalizeAddress(address: string | null | undefined): string | null {
  const raw = (address ?? "").trim().toLowerCase();
  if (!raw || raw === "unknown") return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(raw);
  if (mapped) return mapped[1];
  if (!raw.includes(":")) return raw;
  const [head, tail = ""] = raw.split("::");
  const left = head ? head.split(":") : [];
  const right = raw.includes("::") && tail ? tail.split(":") : [];
  const groups = raw.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

// Why this invitee's activation earns nothing, or null when both sides are rewarded. The
// first reason found is given; each says what a member could check on /invite.
export function withheldReason(facts: FarmingFacts): WithheldReason | null {
  const { inviter, invitee, otherInvitees } = facts;
  if (invitee.userId === inviter.userId || normalizeEmail(invitee.email) === normalizeEmail(inviter.email)) {
    return "self_invitation";
  }
  const address = normalizeAddress(invitee.address);
  if (address && address === normalizeAddress(inviter.address)) return "inviter_address";
  if (address && otherInvitees.filter((o) => normalizeAddress(o.address) === address).length > MAX_OTHERS_AT_ONE_ADDRESS) {
    return "shared_address";
  }
  if (isRapidSignup(invitee, otherInvitees)) return "rapid_signups";
  return null;
}

// Some RAPID_WINDOW_MINUTES window holds this signup and at least RAPID_SIGNUPS - 1 others.
function isRapidSignup(invitee: Signup, others: readonly Signup[]): boolean {
  const window = RAPID_WINDOW_MINUTES * 60 * 1000;
  const at = invitee.joinedAt.getTime();
  const near = others
    .map((o) => o.joinedAt.getTime())
    .filter((t) => Math.abs(t - at) < window)
    .sort((a, b) => a - b);
  // Windows starting at each nearby signup (or this one) and containing this one.
  for (const start of [at, ...near]) {
    if (start > at) break;
    const inside = near.filter((t) => t >= start && t < start + window).length;
    if (at < start + window && inside + 1 >= RAPID_SIGNUPS) return true;
  }
  return false;
}
