// What a member says about themselves: display name, a short Markdown bio, their picture,
// and the address Sprout writes to (changed only once the new address confirms).
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { confirmEmailChangeLink, issueEmailChangeLink } from "~/features/accounts/account-links.server";
import { removeStoredFiles, storeAvatarImage } from "~/features/uploads/images.server";
import type { ImageRefusal } from "~/features/uploads/image-rules";

export function getProfileSettings(userId: number) {
  return getDb()
    .select({ displayName: users.displayName, bio: users.bio, email: users.email, avatar: users.avatar, username: users.username })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

export function updateProfile(userId: number, input: { displayName: string; bio?: string }) {
  getDb()
    .update(users)
    .set({ displayName: input.displayName, bio: input.bio ?? "" })
    .where(eq(users.id, userId))
    .run();
}

export type EmailChangeResult = { ok: true } | { ok: false; reason: "taken" | "same" | "limited" };

// Sends a confirmation link to the new address; the account keeps the old one until then.
export function requestEmailChange(userId: number, newEmail: string, now = Date.now()): EmailChangeResult {
  const db = getDb();
  const user = db.select().from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).get();
  if (!user) return { ok: false, reason: "taken" };
  if (user.email.toLowerCase() === newEmail.toLowerCase()) return { ok: false, reason: "same" };
  if (emailTaken(newEmail, userId)) return { ok: false, reason: "taken" };
  return issueEmailChangeLink(user, newEmail, now) ? { ok: true } : { ok: false, reason: "limited" };
}

function emailTaken(email: string, exceptUserId: number) {
  return !!getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, ne(users.id, exceptUserId)))
    .get();
}

// Follows the link from the new address's mailbox.
export function confirmEmailChange(token: string, now = Date.now()): { ok: true; email: string } | { ok: false; reason: "invalid" | "taken" } {
  return confirmEmailChangeLink(token, now, (tx, link) => {
    if (tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = lower(${link.email})`, ne(users.id, link.userId))).get()) {
      return false;
    }
    tx.update(users).set({ email: link.email }).where(eq(users.id, link.userId)).run();
    return true;
  });
}

export type AvatarResult = { ok: true } | { ok: false; reason: ImageRefusal };

// Replaces the member's picture; the old file goes once the new one is in place.
export async function setAvatar(userId: number, bytes: Uint8Array): Promise<AvatarResult> {
  const stored = await storeAvatarImage(bytes);
  if (!stored.ok) return stored;
  const previous = getDb().select({ avatar: users.avatar }).from(users).where(eq(users.id, userId)).get()?.avatar;
  getDb().update(users).set({ avatar: stored.image.name }).where(eq(users.id, userId)).run();
  if (previous) await removeStoredFiles([previous]);
  return { ok: true };
}

export async function removeAvatar(userId: number) {
  const previous = getDb().select({ avatar: users.avatar }).from(users).where(eq(users.id, userId)).get()?.avatar;
  getDb().update(users).set({ avatar: null }).where(eq(users.id, userId)).run();
  if (previous) await removeStoredFiles([previous]);
}
