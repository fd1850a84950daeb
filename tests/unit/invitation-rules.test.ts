import { describe, expect, it } from "vitest";
import {
  ACTIVATION_DAYS,
  CODE_ALPHABET,
  CODE_LENGTH,
  CODE_VALID_DAYS,
  INVITATION_STATUSES,
  INVITE_BUDGET_BY_LEVEL,
  activationDeadline,
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
  normalizeAddress,
  normalizeEmail,
  normalizeInviteCode,
  withheldReason,
  type FarmingFacts,
  type InvitationRecord,
  type InvitationStatus,
  type Signup,
} from "~/features/invitations/invitation-rules";

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const made = new Date("2025-03-01T12:00:00Z");
const at = (ms: number) => new Date(made.getTime() + ms);

const fresh: InvitationRecord = {
  createdAt: made,
  expiresAt: codeExpiry(made),
  openedAt: null,
  joinedAt: null,
  activatedAt: null,
  rewardedAt: null,
  rewardWithheld: null,
};
const opened = { ...fresh, openedAt: at(DAY) };
const joined = { ...opened, joinedAt: at(2 * DAY) };
const activated = { ...joined, activatedAt: at(3 * DAY) };
const rewarded = { ...activated, rewardedAt: at(3 * DAY) };
const withheld = { ...activated, rewardWithheld: "inviter_address" };

describe("invite budget", () => {
  it("grows with honor level and is scarce at the start", () => {
    expect(INVITE_BUDGET_BY_LEVEL).toEqual([1, 2, 4, 8, 15]);
    for (const level of [0, 1, 2, 3, 4]) expect(inviteBudget({ role: "member", honorLevel: level })).toBe(INVITE_BUDGET_BY_LEVEL[level]);
  });

  it("clamps levels outside 0–4", () => {
    expect(inviteBudget({ role: "member", honorLevel: -1 })).toBe(1);
    expect(inviteBudget({ role: "member", honorLevel: 9 })).toBe(15);
  });

  it("is unlimited for staff, leads and admins", () => {
    for (const role of ["staff", "lead", "admin"]) expect(inviteBudget({ role, honorLevel: 0 })).toBe(Infinity);
  });

  it("counts codes in play and never goes below zero", () => {
    const member = { role: "member", honorLevel: 2 };
    expect(codesLeft(member, 0)).toBe(4);
    expect(codesLeft(member, 3)).toBe(1);
    expect(codesLeft(member, 4)).toBe(0);
    expect(codesLeft(member, 6)).toBe(0);
  });

  it("gives a code back when it expires unused, never once it was used", () => {
    const later = at(CODE_VALID_DAYS * DAY);
    expect(countsAgainstBudget(fresh, at(DAY))).toBe(true);
    expect(countsAgainstBudget(fresh, later)).toBe(false);
    expect(countsAgainstBudget(opened, later)).toBe(false);
    expect(countsAgainstBudget(joined, later)).toBe(true);
    expect(countsAgainstBudget(rewarded, at(365 * DAY))).toBe(true);
  });
});

describe("invite codes", () => {
  it("are CODE_LENGTH symbols of the unambiguous alphabet", () => {
    for (let i = 0; i < 50; i++) {
      const code = generateInviteCode();
      expect(code).toHaveLength(CODE_LENGTH);
      expect(CODE_LENGTH).toBeGreaterThanOrEqual(10);
      for (const symbol of code) expect(CODE_ALPHABET).toContain(symbol);
    }
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it("differ from one another (a cryptographic source)", () => {
    const codes = new Set(Array.from({ length: 500 }, () => generateInviteCode()));
    expect(codes.size).toBe(500);
  });

  it("use every symbol evenly: bytes past the last whole alphabet are rejected", () => {
    // 248 = 8 × 31 is the first byte rejected; 0 and 31 both map to the first symbol.
    let calls = 0;
    const bytes = () => {
      calls++;
      return calls === 1 ? new Uint8Array([248, 255, 0, 31, 1, 2, 3, 4, 5, 6, 7, 8]) : new Uint8Array(CODE_LENGTH).fill(30);
    };
    const code = generateInviteCode(bytes);
    expect(code.slice(0, 10)).toBe(`${CODE_ALPHABET[0]}${CODE_ALPHABET[0]}${CODE_ALPHABET.slice(1, 9)}`);
    expect(code.slice(10)).toBe(CODE_ALPHABET[30].repeat(2));
    expect(calls).toBe(2);
  });

  it("are read in any case, with spaces or dashes, and anything else is not a code", () => {
    expect(normalizeInviteCode("abcd-efgh-jkmn")).toBe("ABCDEFGHJKMN");
    expect(normalizeInviteCode(" ABCD EFGH JKMN ")).toBe("ABCDEFGHJKMN");
    expect(normalizeInviteCode("ABCDEFGHJKM")).toBeNull(); // too short
    expect(normalizeInviteCode("ABCDEFGHJKMNP")).toBeNull(); // too long
    expect(normalizeInviteCode("ABCDEFGHJKM0")).toBeNull(); // not in the alphabet
    expect(normalizeInviteCode("' OR 1=1 --")).toBeNull();
    expect(normalizeInviteCode("")).toBeNull();
    expect(normalizeInviteCode(null)).toBeNull();
  });
});

describe("the state machine", () => {
  const cases: [string, InvitationRecord, Date, InvitationStatus][] = [
    ["a new code", fresh, at(1), "created"],
    ["a followed link", opened, at(DAY + 1), "opened"],
    ["an unused code past its expiry", fresh, at(CODE_VALID_DAYS * DAY), "expired"],
    ["an opened code past its expiry", opened, at(CODE_VALID_DAYS * DAY + 1), "expired"],
    ["a code without expiry", { ...fresh, expiresAt: null }, at(999 * DAY), "created"],
    ["a joined invitee", joined, at(3 * DAY), "joined"],
    ["a joined invitee past the code's expiry", joined, at(CODE_VALID_DAYS * DAY + 1), "joined"],
    ["a joined invitee silent for the activation window", joined, activationDeadline(joined.joinedAt!), "lapsed"],
    ["an activation before the reward step", activated, at(3 * DAY), "active"],
    ["a rewarded invitation", rewarded, at(999 * DAY), "rewarded"],
    ["a withheld reward", withheld, at(999 * DAY), "withheld"],
  ];
  it.each(cases)("%s", (_name, invitation, now, status) => {
    expect(invitationStatus(invitation, now)).toBe(status);
  });

  it("names every status it can reach", () => {
    expect(new Set(cases.map((c) => c[3]))).toEqual(new Set(INVITATION_STATUSES));
  });

  it("shows the steps passed, joining implying opening", () => {
    expect(invitationSteps(fresh)).toEqual({ opened: false, joined: false, active: false, rewarded: false });
    expect(invitationSteps({ ...fresh, joinedAt: at(DAY) })).toEqual({ opened: true, joined: true, active: false, rewarded: false });
    expect(invitationSteps(rewarded)).toEqual({ opened: true, joined: true, active: true, rewarded: true });
    expect(invitationSteps(withheld)).toEqual({ opened: true, joined: true, active: true, rewarded: false });
  });

  it("expires codes CODE_VALID_DAYS after they are made", () => {
    expect(codeExpiry(made).getTime() - made.getTime()).toBe(CODE_VALID_DAYS * DAY);
  });

  describe("signing up with a code", () => {
    it("accepts an unused, unexpired code, opened or not", () => {
      expect(codeRefusal(fresh, at(1))).toBeNull();
      expect(codeRefusal(opened, at(2 * DAY))).toBeNull();
      expect(codeRefusal(fresh, at(CODE_VALID_DAYS * DAY - 1))).toBeNull();
    });
    it("refuses a code no invitation has as forged", () => {
      expect(codeRefusal(undefined, at(1))).toBe("forged");
      expect(codeRefusal(null, at(1))).toBe("forged");
    });
    it("refuses a used code, even after expiry", () => {
      expect(codeRefusal(joined, at(3 * DAY))).toBe("used");
      expect(codeRefusal(rewarded, at(CODE_VALID_DAYS * DAY + 1))).toBe("used");
    });
    it("refuses an expired code from its expiry on", () => {
      expect(codeRefusal(fresh, at(CODE_VALID_DAYS * DAY))).toBe("expired");
    });
  });

  it("records opening once, and only while the code is usable", () => {
    expect(canOpen(fresh, at(1))).toBe(true);
    expect(canOpen(opened, at(2 * DAY))).toBe(false);
    expect(canOpen(fresh, at(CODE_VALID_DAYS * DAY))).toBe(false);
    expect(canOpen({ ...fresh, joinedAt: at(1) }, at(2))).toBe(false);
  });

  describe("becoming active", () => {
    it("needs a joined invitee", () => {
      expect(canActivate(fresh, at(1))).toBe(false);
      expect(canActivate(opened, at(2 * DAY))).toBe(false);
    });
    it("happens within ACTIVATION_DAYS of joining", () => {
      expect(canActivate(joined, at(2 * DAY + 1))).toBe(true);
      expect(canActivate(joined, new Date(activationDeadline(joined.joinedAt!).getTime() - 1))).toBe(true);
      expect(canActivate(joined, activationDeadline(joined.joinedAt!))).toBe(false);
      expect(activationDeadline(joined.joinedAt!).getTime() - joined.joinedAt!.getTime()).toBe(ACTIVATION_DAYS * DAY);
    });
    it("happens once", () => {
      expect(canActivate(activated, at(4 * DAY))).toBe(false);
      expect(canActivate(rewarded, at(4 * DAY))).toBe(false);
      expect(canActivate(withheld, at(4 * DAY))).toBe(false);
    });
  });
});

describe("farming", () => {
  const inviter = { userId: 1, email: "fan@example.com", address: "203.0.113.5" };
  let next = 100;
  const signup = (overrides: Partial<Signup> = {}): Signup => ({
    userId: next++,
    email: `friend${next}@example.com`,
    address: `198.51.100.${next % 250}`,
    joinedAt: at(next * DAY),
    ...overrides,
  });
  const facts = (invitee: Signup, otherInvitees: Signup[] = []): FarmingFacts => ({ inviter, invitee, otherInvitees });

  it("rewards an ordinary friend", () => {
    expect(withheldReason(facts(signup()))).toBeNull();
    expect(withheldReason(facts(signup({ address: null }), [signup({ address: null }), signup({ address: null })]))).toBeNull();
  });

  describe("self-invitation", () => {
    it("is the inviter's own account", () => {
      expect(withheldReason(facts(signup({ userId: 1 })))).toBe("self_invitation");
    });
    it("is the inviter's email, however it is dressed up", () => {
      expect(withheldReason(facts(signup({ email: "FAN@example.com" })))).toBe("self_invitation");
      expect(withheldReason(facts(signup({ email: "fan+second@example.com" })))).toBe("self_invitation");
      expect(withheldReason(facts(signup({ email: "fan@other.example" })))).toBeNull();
    });
    it("sees Gmail's ignored dots", () => {
      const gmailInviter = { ...inviter, email: "sprout.fan@gmail.com" };
      expect(withheldReason({ inviter: gmailInviter, invitee: signup({ email: "sproutfan+x@googlemail.com" }), otherInvitees: [] })).toBe(
        "self_invitation",
      );
    });
  });

  it("withholds a signup from the inviter's own address", () => {
    expect(withheldReason(facts(signup({ address: "203.0.113.5" })))).toBe("inviter_address");
    expect(withheldReason(facts(signup({ address: "::ffff:203.0.113.5" })))).toBe("inviter_address");
  });

  it("allows two invitees at one address (a household) but not three", () => {
    const home = "192.0.2.44";
    expect(withheldReason(facts(signup({ address: home }), [signup({ address: home })]))).toBeNull();
    expect(withheldReason(facts(signup({ address: home }), [signup({ address: home }), signup({ address: home })]))).toBe("shared_address");
  });

  describe("rapid signups", () => {
    const base = at(400 * DAY);
    const joinedAt = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);
    it("withholds the third invitee within ten minutes, and each one of the burst", () => {
      const burst = [0, 4, 9].map((m) => signup({ joinedAt: joinedAt(m) }));
      for (const invitee of burst) {
        expect(withheldReason(facts(invitee, burst.filter((b) => b !== invitee)))).toBe("rapid_signups");
      }
    });
    it("lets two quick signups and a third one later through", () => {
      const spread = [0, 5, 10].map((m) => signup({ joinedAt: joinedAt(m) }));
      for (const invitee of spread) {
        expect(withheldReason(facts(invitee, spread.filter((b) => b !== invitee)))).toBeNull();
      }
    });
    it("finds a window that does not start with this signup", () => {
      const others = [signup({ joinedAt: joinedAt(-8) }), signup({ joinedAt: joinedAt(-3) })];
      expect(withheldReason(facts(signup({ joinedAt: joinedAt(0) }), others))).toBe("rapid_signups");
      expect(withheldReason(facts(signup({ joinedAt: joinedAt(3) }), others))).toBeNull();
    });
  });

  it("gives the first reason when several apply", () => {
    expect(withheldReason(facts(signup({ email: "fan@example.com", address: inviter.address })))).toBe("self_invitation");
  });
});

describe("normalizing", () => {
  it("emails", () => {
    expect(normalizeEmail(" Fan+Tag@Example.COM ")).toBe("fan@example.com");
    expect(normalizeEmail("f.a.n@gmail.com")).toBe("fan@gmail.com");
    expect(normalizeEmail("f.a.n@example.com")).toBe("f.a.n@example.com");
  });
  it("addresses: IPv4 as is, IPv6 by its /64, nothing for unknown", () => {
    expect(normalizeAddress("198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeAddress("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(normalizeAddress("2001:db8:0:1:aaaa::1")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("2001:0DB8:0000:0001:bbbb:cccc:dddd:eeee")).toBe("2001:db8:0:1::/64");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("::1")).toBe("0:0:0:0::/64");
    expect(normalizeAddress("unknown")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
    expect(normalizeAddress(null)).toBeNull();
  });
});
