import { describe, expect, it } from "vitest";
import { createUser, EmailTakenError, getProfile, logIn, UsernameTakenError } from "~/features/accounts/accounts.server";
import { THROTTLE } from "~/features/accounts/login-throttle";
import { setVote } from "~/features/votes/votes.server";
import { createMember, createSuggestion, MEMBER_PASSWORD } from "../factories";

describe("signing up", () => {
  it("refuses a username or email already taken, whatever their case", async () => {
    const existing = await createMember();
    await expect(createUser({ username: existing.username.toUpperCase(), email: "new@example.com", password: "long-enough" })).rejects.toBeInstanceOf(UsernameTakenError);
    await expect(createUser({ username: "someone_new", email: existing.email.toUpperCase(), password: "long-enough" })).rejects.toBeInstanceOf(EmailTakenError);
  });
});

describe("logging in", () => {
  it("accepts the username or the email with the right password", async () => {
    const member = await createMember();
    expect(await logIn(member.username, MEMBER_PASSWORD, "10.0.0.1")).toEqual({ ok: true, userId: member.id });
    expect(await logIn(member.email, MEMBER_PASSWORD, "10.0.0.1")).toEqual({ ok: true, userId: member.id });
    expect(await logIn(member.username, "wrong-password", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("slows an account's guessing from changing addresses, and locks the address that keeps guessing it, saying for how long", async () => {
    const member = await createMember();
    const now = Date.now();
    const delays: number[] = [];
    const wait = async (ms: number) => delays.push(ms);
    for (let i = 0; i < THROTTLE.lockAfterFailures; i++) {
      await logIn(member.username, "wrong-password", `10.1.0.${i}`, { now, wait });
    }
    // Answers slowed down after the free failures, a little more each time, whatever the address.
    expect(delays).toEqual([500, 1000, 1500, 2000]);
    // Nobody elsewhere can lock the member out: their own login still works (slowly).
    expect(await logIn(member.username, MEMBER_PASSWORD, "10.1.1.1", { now: now + 1000, wait })).toEqual({ ok: true, userId: member.id });
    // One address guessing one account is locked, whether it types the username or the email.
    for (let i = 0; i < THROTTLE.lockAfterFailures; i++) {
      await logIn(i % 2 ? member.username : member.email, "wrong-password", "10.1.2.1", { now, wait });
    }
    const locked = await logIn(member.email.toUpperCase(), MEMBER_PASSWORD, "10.1.2.1", { now: now + 1000, wait });
    expect(locked).toMatchObject({ ok: false, reason: "locked" });
    if (!locked.ok && locked.reason === "locked") expect(locked.retryAfterSeconds).toBeGreaterThan(60);
    // Once the lock has passed, the right password works again.
    expect(await logIn(member.username, MEMBER_PASSWORD, "10.1.2.1", { now: now + THROTTLE.lockMs + 1000, wait })).toEqual({ ok: true, userId: member.id });
  });

  it("locks an address that sprays many accounts", async () => {
    const members = await Promise.all(Array.from({ length: THROTTLE.lockAfterFailures }, () => createMember()));
    const options = { now: Date.now(), wait: async () => undefined };
    for (const m of members) await logIn(m.username, "wrong-password", "10.2.0.1", options);
    const fresh = await createMember();
    expect(await logIn(fresh.username, MEMBER_PASSWORD, "10.2.0.1", options)).toMatchObject({ ok: false, reason: "locked" });
    expect(await logIn(fresh.username, MEMBER_PASSWORD, "10.2.0.2", options)).toEqual({ ok: true, userId: fresh.id });
  });
});

describe("profiles", () => {
  it("count suggestions and the votes others gave them, not the author's own", async () => {
    const author = await createMember();
    const [first, second] = [await createSuggestion({ author }), await createSuggestion({ author })];
    expect(getProfile(author.username.toUpperCase())!.stats).toEqual({ suggestionCount: 2, commentCount: 0, votesReceived: 0 });
    const [fan, other] = [await createMember(), await createMember()];
    for (const [suggestion, voter] of [[first, author], [first, fan], [second, fan], [second, other], [second, author]] as const) {
      setVote({ suggestionId: suggestion.id, userId: voter.id, voted: true });
    }
    setVote({ suggestionId: second.id, userId: other.id, voted: false });
    expect(getProfile(author.username)!.stats).toEqual({ suggestionCount: 2, commentCount: 0, votesReceived: 2 });
    expect(getProfile("no-such-member")).toBeNull();
  });
});
