// The team's saved replies: shared by all staff, counted each time an answer uses one.
import { asc, eq, sql } from "drizzle-orm";
import { savedReplies, type SuggestionStatus } from "#db/schema";
import { getDb } from "~/platform/db.server";

export type SavedReplyInput = { title: string; bodyEn: string; bodyZh: string; status?: SuggestionStatus };

export function listSavedReplies() {
  return getDb().select().from(savedReplies).orderBy(asc(savedReplies.title), asc(savedReplies.id)).all();
}

export function findSavedReply(id: number) {
  return getDb().select().from(savedReplies).where(eq(savedReplies.id, id)).get() ?? null;
}

export function saveSavedReply(input: SavedReplyInput & { id?: number; actorId: number; now?: Date }): { ok: true; id: number } | { ok: false } {
  const db = getDb();
  const values = { title: input.title, bodyEn: input.bodyEn, bodyZh: input.bodyZh, status: input.status ?? null };
  if (input.id === undefined) {
    const { id } = db.insert(savedReplies).values({ ...values, createdById: input.actorId }).returning({ id: savedReplies.id }).get();
    return { ok: true, id };
  }
  const changed = db
    .update(savedReplies)
    .set({ ...values, updatedAt: input.now ?? new Date() })
    .where(eq(savedReplies.id, input.id))
    .run().changes;
  return changed === 1 ? { ok: true, id: input.id } : { ok: false };
}

export function deleteSavedReply(id: number): boolean {
  return getDb().delete(savedReplies).where(eq(savedReplies.id, id)).run().changes === 1;
}

export function countSavedReplyUse(id: number, now = new Date()) {
  getDb()
    .update(savedReplies)
    .set({ usageCount: sql`${savedReplies.usageCount} + 1`, lastUsedAt: now })
    .where(eq(savedReplies.id, id))
    .run();
}
