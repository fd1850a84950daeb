// One-time links emailed about an account: "forgot my password" and "confirm my new email
// address". Tokens are random, only their SHA-256 is stored, and each is good once.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, eq, isNull, sql } from "drizzle-orm";
import { accountTokens, loginThrottles, sessions, users, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { ACCOUNT_LINKS, afterRequest, linkUsable, withinLimit, type RequestWindow } from "~/features/accounts/account-links";
import { isLanguage, translator } from "~/i18n/i18n";
import { hashPassword } from "~/features/accounts/passwords.server";
import { escapeHtml, sendEmailLater } from "~/platform/mail.server";

type Purpose = (typeof accountTokens.$inferSelect)["purpose"];

function newToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

const digest = (value: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(value)));

// Names the password an account has now without storing it again: any change of password
// changes it, which is what kills links issued before.
const passwordFingerprint = (passwordHash: string) => digest(`password:${passwordHash}`);

// ---- Request counting (per network address and per account) ----
// Kept in login_throttles under their own key prefix: a counter per key and window, which
// is the table's shape; every worker process sees the same counts.

function readWindow(key: string): RequestWindow | undefined {
  const row = getDb().select().from(loginThrottles).where(eq(loginThrottles.key, key)).get();
  return row ? { count: row.failures, startedAt: row.firstFailureAt.getTime() } : undefined;
}

function countRequest(key: string, now: number) {
  const next = afterRequest(readWindow(key), now);
  const values = { failures: next.count, firstFailureAt: new Date(next.startedAt), lockedUntil: null };
  getDb().insert(loginThrottles).values({ key, ...values }).onConflictDoUpdate({ target: loginThrottles.key, set: values }).run();
}

// ---- Issuing and reading links ----

function issueLink(user: Pick<User, "id" | "passwordHash">, purpose: Purpose, email: string, now: number): string {
  const token = newToken();
  const lifetime = purpose === "password_reset" ? ACCOUNT_LINKS.resetLifetimeMs : ACCOUNT_LINKS.emailChangeLifetimeMs;
  getDb()
    .insert(accountTokens)
    .values({
      id: digest(token),
      userId: user.id,
      purpose,
      email,
      passwordFingerprint: passwordFingerprint(user.passwordHash),
      expiresAt: new Date(now + lifetime),
      createdAt: new Date(now),
    })
    .run();
  return token;
}

function findLink(token: string, purpose: Purpose, now: number) {
  if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
  const row = getDb()
    .select({ link: accountTokens, passwordHash: users.passwordHash, username: users.username, deletedAt: users.deletedAt })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.id, digest(token)), eq(accountTokens.purpose, purpose)))
    .get();
  if (!row || row.deletedAt || !linkUsable(row.link, passwordFingerprint(row.passwordHash), now)) return null;
  return { ...row.link, username: row.username };
}

function linkEmail(input: { userId: number; to: string; locale: string | null; kind: "reset" | "emailChange"; url: string; username: string }) {
  const t = translator(isLanguage(input.locale) ? input.locale : "en");
  const values = { username: input.username };
  const subject = `${t("common.appName")}: ${t(`auth.emails.${input.kind}.subject`)}`;
  const lines = [
    t(`auth.emails.${input.kind}.intro`, values),
    `${t(`auth.emails.${input.kind}.action`)}: ${input.url}`,
    t(`auth.emails.${input.kind}.expiry`),
    t(`auth.emails.${input.kind}.ignore`),
  ];
  const html = [
    `<p>${escapeHtml(lines[0])}</p>`,
    `<p><a href="${escapeHtml(input.url)}">${escapeHtml(t(`auth.emails.${input.kind}.action`))}</a></p>`,
    `<p>${escapeHtml(lines[2])}</p>`,
    `<p style="color:#666;font-size:small">${escapeHtml(lines[3])}</p>`,
  ].join("\n");
  return { userId: input.userId, to: input.to, subject, text: lines.join("\n\n") + "\n", html };
}

const appUrl = () => env().APP_URL.replace(/\/+$/, "");

// ---- Password reset ----

export type ResetRequestResult = { ok: true } | { ok: false; reason: "address_limited" };

// Always the same answer whether or not the account exists (and whether or not its own
// limit was reached), so the form tells nobody who is a member; the email goes out after
// the response. Only a busy network address hears "later", which says nothing about accounts.
export function requestPasswordReset(identifier: string, address: string, now = Date.now()): ResetRequestResult {
  const addressKey = `reset:address:${address}`;
  if (!withinLimit(readWindow(addressKey), now, env().RESET_LIMIT_PER_ADDRESS)) return { ok: false, reason: "address_limited" };
  countRequest(addressKey, now);
  const db = getDb();
  const match = identifier.includes("@") ? sql`lower(${users.email}) = lower(${identifier})` : sql`lower(${users.username}) = lower(${identifier})`;
  const user = db.select().from(users).where(and(match, isNull(users.deletedAt))).get();
  if (!user) return { ok: true };
  const accountKey = `reset:account:${user.id}`;
  if (!withinLimit(readWindow(accountKey), now, ACCOUNT_LINKS.perAccount)) return { ok: true };
  countRequest(accountKey, now);
  const token = issueLink(user, "password_reset", user.email, now);
  sendEmailLater(() =>
    linkEmail({ userId: user.id, to: user.email, locale: user.locale, kind: "reset", url: `${appUrl()}/reset-password/${token}`, username: user.username }),
  );
  return { ok: true };
}

// Whose password a reset link would change, or null when it cannot be used.
export function findPasswordResetLink(token: string, now = Date.now()): { username: string } | null {
  const link = findLink(token, "password_reset", now);
  return link ? { username: link.username } : null;
}

// Sets the new password, spends the link (and every other link issued under the old
// password dies with it), and ends every session: whoever knew the old password is out.
export async function resetPassword(token: string, newPassword: string, now = Date.now()): Promise<{ ok: true; userId: number } | { ok: false }> {
  const link = findLink(token, "password_reset", now);
  if (!link) return { ok: false };
  const passwordHash = await hashPassword(newPassword);
  return getDb().transaction(
    (tx) => {
      // Spent here, under the write lock: of two submissions of one link only one gets through.
      const spent = tx
        .update(accountTokens)
        .set({ usedAt: new Date(now) })
        .where(and(eq(accountTokens.id, link.id), isNull(accountTokens.usedAt)))
        .run();
      if (spent.changes !== 1) return { ok: false } as const;
      tx.update(users).set({ passwordHash }).where(eq(users.id, link.userId)).run();
      tx.delete(sessions).where(eq(sessions.userId, link.userId)).run();
      tx.delete(loginThrottles).where(sql`${loginThrottles.key} = ${`account:${link.username.toLowerCase()}`}`).run();
      return { ok: true, userId: link.userId } as const;
    },
    { behavior: "immediate" },
  );
}

// ---- Email change ----

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

// Emails a confirmation link to the new address; false when the account asked too often.
export function issueEmailChangeLink(user: User, newEmail: string, now = Date.now()): boolean {
  const accountKey = `email-change:account:${user.id}`;
  if (!withinLimit(readWindow(accountKey), now, ACCOUNT_LINKS.perAccount)) return false;
  countRequest(accountKey, now);
  const token = issueLink(user, "email_change", newEmail, now);
  sendEmailLater(() =>
    linkEmail({ userId: user.id, to: newEmail, locale: user.locale, kind: "emailChange", url: `${appUrl()}/account/confirm-email/${token}`, username: user.username }),
  );
  return true;
}

// Spends an email-change link and lets `apply` make the change in the same transaction;
// `apply` answers false when the address was taken by another account in the meantime.
export function confirmEmailChangeLink(
  token: string,
  now: number,
  apply: (tx: Tx, link: { userId: number; email: string }) => boolean,
): { ok: true; email: string } | { ok: false; reason: "invalid" | "taken" } {
  const link = findLink(token, "email_change", now);
  if (!link) return { ok: false, reason: "invalid" };
  return getDb().transaction(
    (tx) => {
      const spent = tx
        .update(accountTokens)
        .set({ usedAt: new Date(now) })
        .where(and(eq(accountTokens.id, link.id), isNull(accountTokens.usedAt)))
        .run();
      if (spent.changes !== 1) return { ok: false, reason: "invalid" } as const;
      if (!apply(tx, { userId: link.userId, email: link.email })) return { ok: false, reason: "taken" } as const;
      return { ok: true, email: link.email } as const;
    },
    { behavior: "immediate" },
  );
}
