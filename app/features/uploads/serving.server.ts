// Who may see a stored file. Avatars are public like profiles; an attachment is shown to
// whoever may see the suggestion it belongs to.
import { eq } from "drizzle-orm";
import { users } from "#db/schema";
import type { Viewer } from "~/features/boards/boards.server";
import { getDb } from "~/platform/db.server";
import { attachmentVisibleTo } from "~/features/uploads/attachments.server";

export type UploadAccess = "public" | "restricted" | "hidden";

// "restricted": visible to this viewer but not to everyone, so no shared cache may keep it.
export function uploadAccess(name: string, viewer: Viewer): UploadAccess {
  const base = name.replace(/-thumb\.webp$/, ".webp");
  if (getDb().select({ id: users.id }).from(users).where(eq(users.avatar, base)).get()) return "public";
  return attachmentVisibleTo(base, viewer);
}
