// "Forgot my password" from the form to the mailbox and back: a real loopback SMTP server
// receives the email, and the link in it is what the test follows.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountTokens, sessions } from "#db/schema";
import { changePassword, logIn } from "~/features/accounts/accounts.server";
import { getDb } from "~/platform/db.server";
import { findPasswordResetLink, requestPasswordReset } from "~/features/accounts/account-links.server";
import { pendingMail } from "~/platform/mail.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password.$token";
import { createSession, validateSessionToken } from "~/features/accounts/sessions.server";
import { createMember } from "../factories";
import { outcome } from "../route-requests";
import { startMailbox } from "../smtp";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(() => mailbox.close());

let addressCounter = 0;
const freshAddress = () => `192.0.2.${++addressCounter}`;

function post(path: string, form: Record<string, string>) {
  return new Request(new URL(path, "http://localhost"), { method: "POST", body: new URLSearchParams(form) });
}

async function askForReset(identifier: string, address = freshAddress()) {
  return outcome(() => forgotAction({ request: post("/forgot-password", { identifier }), params: {}, context: { clientAddress: address } }));
}

async function linkFromMailbox(email: string): Promise<string> {
  await pendingMail();
  const message = mailbox.to(email).at(-1);
  expect(message).toBeDefined();
  const token = /http:\/\/localhost:3000\/reset-password\/([a-z2-7]+)/.exec(message!.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

function submitNewPassword(token: string, password: string) {
  return outcome(() => resetAction({ request: post(`/reset-password/${token}`, { password }), params: { token }, context: {} }));
}

describe("password reset by email", () => {
  it("emails a one-time link that sets a new password and ends every other session", async () => {
    const member = await createMember({ locale: "en" });
    const phone = createSession(member.id);
    const laptop = createSession(member.id);

    const asked = await askForReset(member.username);
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ sent: true });
    const token = await linkFromMailbox(member.email);
    const message = mailbox.to(member.email).at(-1)!;
    expect(message.raw).toMatch(/Subject: Sprout: Reset your password/);

    // Only the token's hash is stored.
    const stored = getDb().select().from(accountTokens).where(eq(accountTokens.userId, member.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].id).not.toContain(token);

    const page = await outcome(() => resetLoader({ request: new Request(`http://localhost/reset-password/${token}`), params: { token }, context: {} }));
    expect(page.body).toMatchObject({ username: member.username });

    const done = await submitNewPassword(token, "a brand new password");
    expect(done.status).toBe(302);
    expect(done.location).toBe("/account?done=reset");
    const cookie = (done.body as Response).headers.get("Set-Cookie")!;
    const newToken = /sprout_session=([^;]+)/.exec(cookie)![1];
    expect(validateSessionToken(newToken)?.user.id).toBe(member.id);
    expect(validateSessionToken(phone.token)).toBeNull();
    expect(validateSessionToken(laptop.token)).toBeNull();
    expect(getDb().select().from(sessions).where(eq(sessions.userId, member.id)).all()).toHaveLength(1);

    expect((await logIn(member.username, "a brand new password", freshAddress(), { wait: async () => {} })).ok).toBe(true);
    // Used once, never again.
    expect(findPasswordResetLink(token)).toBeNull();
    const again = await submitNewPassword(token, "yet another password");
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ invalid: true });
    expect((await logIn(member.username, "yet another password", freshAddress(), { wait: async () => {} })).ok).toBe(false);
  });

  it("accepts the email address too, and writes in the member's language", async () => {
    const member = await createMember({ locale: "zh" });
    await askForReset(member.email.toUpperCase());
    await linkFromMailbox(member.email);
    expect(mailbox.to(member.email).at(-1)!.text).toContain("设置新密码");
  });

  it("answers the same for an unknown name and sends nothing", async () => {
    const before = mailbox.received.length;
    const unknown = await askForReset("nobody_by_this_name");
    const member = await createMember();
    const known = await askForReset(member.username);
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    await pendingMail();
    expect(mailbox.received.length).toBe(before + 1);
  });

  it("dies after an hour, and when the password changes", async () => {
    const member = await createMember();
    const now = Date.now();
    requestPasswordReset(member.username, freshAddress(), now);
    const token = await linkFromMailbox(member.email);
    expect(findPasswordResetLink(token, now + 59 * 60 * 1000)).not.toBeNull();
    expect(findPasswordResetLink(token, now + 60 * 60 * 1000)).toBeNull();

    await changePassword(member.id, "changed while the link was out");
    expect(findPasswordResetLink(token)).toBeNull();
    expect((await submitNewPassword(token, "a brand new password")).body).toMatchObject({ invalid: true });
  });

  it("refuses a short password next to the field and keeps the link usable", async () => {
    const member = await createMember();
    await askForReset(member.username);
    const token = await linkFromMailbox(member.email);
    const refused = await submitNewPassword(token, "short");
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ invalid: false, result: { error: { password: ["forms.passwordLength"] } } });
    expect(findPasswordResetLink(token)).not.toBeNull();
  });

  it("sends an account at most three links an hour, with the same answer after", async () => {
    const member = await createMember();
    for (let i = 0; i < 5; i++) expect((await askForReset(member.username)).body).toMatchObject({ sent: true });
    await pendingMail();
    expect(mailbox.to(member.email)).toHaveLength(3);
  });

  it("refuses a network address after ten requests an hour, whoever they name", async () => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++) expect((await askForReset(`someone_${i}`, address)).status).toBe(200);
    const refused = await askForReset("someone_else", address);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ sent: false, result: { error: { "": ["auth.forgot.limited"] } } });
    expect((await askForReset("someone_else")).status).toBe(200);
  });

  it("refuses an empty name next to the field", async () => {
    const refused = await askForReset("   ");
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ result: { error: { identifier: ["forms.required"] } } });
  });

  it("refuses malformed and unknown tokens without an error", async () => {
    for (const token of ["", "not a token", "a".repeat(500), "abcdefghijklmnopqrstuvwxyz234567"]) {
      expect(findPasswordResetLink(token)).toBeNull();
      expect((await submitNewPassword(token, "a brand new password")).body).toMatchObject({ invalid: true });
    }
  });
});
