// Email verification (an admin setting): a link emailed at sign-up proves the address, and
// while the setting is on, members who have not followed it cannot vote, so vote counts
// that decide the roadmap cannot be stuffed with throwaway accounts. The link carries the
// member's id and an HMAC of id and email, so it needs no table and dies with an email change.
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { emails, users, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { isLanguage, translator } from "~/i18n/i18n";
import { isStaff } from "~/features/roles/permissions";
import { appSecret } from "~/platform/secrets.server";
import { getSetting } from "~/platform/settings.server";

function tokenFor(userId: number, email: string): string {
  return createHmac("sha256", appSecret("emailVerificationSecret")).update(`verify-email:${userId}:${email.toLowerCase()}`).digest("base64url");
}

export function verificationLink(user: Pick<User, "id" | "email">): string {
  return new URL(`/verify-email?u=${user.id}&t=${tokenFor(user.id, user.email)}`, env().APP_URL).toString();
}

// Whether this member must still verify before voting. Staff never wait.
export function mustVerifyEmail(userId: number): boolean {
  if (!getSetting("requireEmailVerification")) return false;
  const user = getDb().select({ role: users.role, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId)).get();
  return !!user && !isStaff(user) && user.verifiedAt === null;
}

export function verifyEmail(userId: number, token: string, now = new Date()): boolean {
  const user = getDb().select({ email: users.email, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId)).get();
  if (!user || user.deletedAt) return false;
  const expected = Buffer.from(tokenFor(userId, user.email));
  const given = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
  getDb().update(users).set({ emailVerifiedAt: now }).where(and(eq(users.id, userId), isNull(users.emailVerifiedAt))).run();
  return true;
}

let transport: Transporter | undefined;

// Sent after sign-up and when the member asks again; recorded in `emails` like every email.
// A side effect of signing up (to hang on the sign-up event once events exist).
export async function sendVerificationEmail(userId: number) {
  const user = getDb().select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.emailVerifiedAt || user.deletedAt) return;
  const t = translator(isLanguage(user.locale) ? user.locale : "en");
  const subject = t("account.verify.emailSubject");
  const text = `${t("account.verify.emailBody", { name: user.displayName })}\n\n${verificationLink(user)}\n`;
  const { SMTP_URL, EMAIL_FROM } = env();
  let outcome: { status: "sent" | "not_sent" | "failed"; error: string | null } = { status: "not_sent", error: null };
  if (SMTP_URL) {
    try {
      transport ??= nodemailer.createTransport(SMTP_URL);
      await transport.sendMail({ from: EMAIL_FROM, to: user.email, subject, text });
      outcome = { status: "sent", error: null };
    } catch (error) {
      outcome = { status: "failed", error: error instanceof Error ? error.message : String(error) };
    }
  }
  getDb().insert(emails).values({ userId, toAddress: user.email, subject, ...outcome }).run();
}
