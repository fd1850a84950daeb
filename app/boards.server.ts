// Boards (one product area each) and the tags suggestions can carry.
import { asc, count, eq, inArray } from "drizzle-orm";
import { boards, suggestions, tags } from "#db/schema";
import { getDb } from "~/db.server";

export function listBoards() {
  return getDb()
    .select({
      id: boards.id,
      slug: boards.slug,
      nameEn: boards.nameEn,
      nameZh: boards.nameZh,
      descriptionEn: boards.descriptionEn,
      descriptionZh: boards.descriptionZh,
      suggestionCount: count(suggestions.id),
    })
    .from(boards)
    .leftJoin(suggestions, eq(suggestions.boardId, boards.id))
    .groupBy(boards.id)
    .orderBy(asc(boards.position), asc(boards.id))
    .all();
}

export function findBoardBySlug(slug: string) {
  return getDb().select().from(boards).where(eq(boards.slug, slug)).get() ?? null;
}

export function listTags() {
  return getDb().select().from(tags).orderBy(asc(tags.slug)).all();
}

export function findTagsBySlugs(slugs: string[]) {
  if (slugs.length === 0) return [];
  return getDb().select().from(tags).where(inArray(tags.slug, slugs)).all();
}
