// Usernames offered while typing "@" in a comment box: members whose username starts with what
// was typed, shortest first (an exact name leads), deleted accounts left out.
import { and, asc, isNull, sql } from "drizzle-orm";
import { users } from "#db/schema";
import { getDb } from "~/platform/db.server";

export const MENTION_QUERY = /^[A-Za-z0-9_-]{1,30}$/;

export function mentionCandidates(prefix: string, limit = 8): { username: string; displayName: string }[] {
  if (!MENTION_QUERY.test(prefix)) return [];
  // "_" is a LIKE wildcard; usernames may contain it.
  const pattern = prefix.toLowerCase().replace(/_/g, "\\_") + "%";
  return getDb()
    .select({ username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(sql`lower(${users.username}) like ${pattern} escape '\\'`, isNull(users.deletedAt)))
    .orderBy(sql`length(${users.username})`, asc(users.username))
    .limit(limit)
    .all();
}
