// Boards (one product area each) and the tags suggestions can carry, and who may see what:
// every query that lists or finds suggestions for someone filters with visibleSuggestions.
import { and, asc, count, eq, inArray, isNull, or, sql, type Placeholder, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "#db/client";
import { boards, campaigns, suggestions, tags } from "#db/schema";
import { cached } from "~/platform/cache.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { isStaff } from "~/features/roles/permissions";
import { canSeeEarlyAccess, type PrivilegeActor } from "~/features/honors/rules/privileges";

// Who is looking; null (the default everywhere) is a visitor, who sees the least.
export type Viewer = PrivilegeActor;

const TRUE = sql`1 = 1`;

// The early-access board belongs to the honorary development group: everyone else gets a 404,
// in lists, search, feeds and direct links alike.
export function visibleBoards(viewer: Viewer = null): SQL {
  return boardsVisibleTo(canSeeEarlyAccess(viewer));
}

const boardsVisibleTo = (early: boolean): SQL => (early ? TRUE : eq(boards.visibility, "public"));

// Suggestions the viewer may see: on a board they can see and, unless they are staff, not
// hidden by flags. ownHidden: a suggestion's own page still shows it to its author, with a
// notice, while lists leave it out.
export function visibleSuggestions(viewer: Viewer = null, { ownHidden = false } = {}): SQL {
  return suggestionsVisibleTo(accessOf(viewer), viewer?.id ?? null, ownHidden);
}

// What visibleSuggestions depends on besides the viewer's id.
type Access = { early: boolean; staff: boolean; member: boolean };

const accessOf = (viewer: Viewer): Access => ({ early: canSeeEarlyAccess(viewer), staff: isStaff(viewer), member: !!viewer });

function suggestionsVisibleTo(access: Access, viewerId: number | Placeholder | null, ownHidden: boolean): SQL {
  const onVisibleBoard = access.early ? TRUE : sql`${suggestions.boardId} in (select "id" from ${boards} where "visibility" = 'public')`;
  if (access.staff) return onVisibleBoard;
  const notHidden =
    ownHidden && access.member && viewerId !== null
      ? or(isNull(suggestions.hiddenAt), eq(suggestions.authorId, viewerId))!
      : isNull(suggestions.hiddenAt);
  return and(onVisibleBoard, notHidden)!;
}

/**
 * A prepared statement filtered by what the viewer may see: one per kind of viewer (visitor,
 * member, staff, with or without early access), since the conditions' shape depends on it.
 * `visible.suggestions(options)` stands for visibleSuggestions(viewer, options) with the
 * viewer's id as the placeholder "viewerId", bound when run (`viewerId: viewer?.id`), and
 * `visible.boards()` for visibleBoards(viewer).
 */
export function preparedForViewer<Q>(prepare: (db: Db, visible: ViewerScope) => Q): (viewer: Viewer) => Q {
  const variants = new Map<string, (db?: Db) => Q>();
  return (viewer) => {
    const access = accessOf(viewer);
    const key = `${access.early}:${access.staff}:${access.member}`;
    let variant = variants.get(key);
    if (!variant) {
      const scope: ViewerScope = {
        suggestions: ({ ownHidden = false } = {}) => suggestionsVisibleTo(access, sql.placeholder("viewerId"), ownHidden),
        boards: () => boardsVisibleTo(access.early),
      };
      variant = preparedQuery((db) => prepare(db, scope));
      variants.set(key, variant);
    }
    return variant();
  };
}

type ViewerScope = { suggestions: (options?: { ownHidden?: boolean }) => SQL; boards: () => SQL };

// What visibleSuggestions depends on for lists, as a cache key: viewers with the same key see
// the same lists.
export function visibilityKey(viewer: Viewer = null): string {
  return `${canSeeEarlyAccess(viewer) ? "early" : "public"}:${isStaff(viewer) ? "staff" : "member"}`;
}

// With their counts, on every home page view: computed once until something changes.
export function listBoards(viewer: Viewer = null) {
  return cached(`boards:${visibilityKey(viewer)}`, () => boardsWithCounts(viewer));
}

function boardsWithCounts(viewer: Viewer) {
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
    .leftJoin(suggestions, and(eq(suggestions.boardId, boards.id), visibleSuggestions(viewer)))
    .where(visibleBoards(viewer))
    .groupBy(boards.id)
    .orderBy(asc(boards.position), asc(boards.id))
    .all();
}

const boardBySlug = preparedForViewer((db, visible) =>
  db.select().from(boards).where(and(eq(boards.slug, sql.placeholder("slug")), visible.boards())).prepare(),
);

export function findBoardBySlug(slug: string, viewer: Viewer = null) {
  return boardBySlug(viewer).get({ slug }) ?? null;
}

// A campaign's tag is named after the campaign, so it belongs to the campaign's board: it
// is as invisible as that board, and it can only be on suggestions of that board (else a
// member could put an early-access campaign's name on a public suggestion).
export function visibleTags(viewer: Viewer = null, { boardId }: { boardId?: number } = {}): SQL {
  return tagsVisibleTo(canSeeEarlyAccess(viewer), boardId);
}

function tagsVisibleTo(early: boolean, boardId: number | Placeholder | undefined): SQL {
  const conditions: SQL[] = [];
  if (!early) {
    conditions.push(sql`${tags.id} not in (select ${campaigns.tagId} from ${campaigns} join ${boards} on ${boards.id} = ${campaigns.boardId}
      where ${campaigns.tagId} is not null and ${boards.visibility} != 'public')`);
  }
  if (boardId !== undefined) conditions.push(notAnotherBoardsCampaignTag(boardId));
  return conditions.length ? and(...conditions)! : TRUE;
}

// Whether the tag may be on a suggestion of this board (the same for every viewer, so what a
// suggestion shows never depends on a tag put on it before this rule).
export function notAnotherBoardsCampaignTag(boardId: number | SQLWrapper): SQL {
  return sql`not exists (select 1 from ${campaigns} where ${campaigns.tagId} = ${tags.id} and ${campaigns.boardId} != ${boardId})`;
}

// One statement per shape of visibleTags: [without, with early access][everywhere, on a board].
const tagLists = [false, true].map((early) =>
  [undefined, sql.placeholder("boardId")].map((boardId) =>
    preparedQuery((db) => db.select().from(tags).where(tagsVisibleTo(early, boardId)).orderBy(asc(tags.slug)).prepare()),
  ),
);

// The tags the viewer may see (and, with boardId, use on that board), for filters and forms;
// a board's page and a suggestion's tag editor read them on every view.
export function listTags(viewer: Viewer = null, { boardId }: { boardId?: number } = {}) {
  const early = canSeeEarlyAccess(viewer);
  return cached(`tags:${early}:${boardId ?? "all"}`, () => tagLists[Number(early)][Number(boardId !== undefined)]().all({ boardId }));
}

// Slugs outside listTags(viewer, { boardId }) are not found: callers answer "unknown tag".
export function findTagsBySlugs(slugs: string[], viewer: Viewer, boardId: number) {
  if (slugs.length === 0) return [];
  return getDb()
    .select()
    .from(tags)
    .where(and(inArray(tags.slug, slugs), visibleTags(viewer, { boardId })))
    .all();
}

// Admin: every board, whatever its visibility.
export function listAllBoards() {
  return getDb().select().from(boards).orderBy(asc(boards.position), asc(boards.id)).all();
}

export type BoardInput = Pick<typeof boards.$inferInsert, "slug" | "nameEn" | "nameZh" | "descriptionEn" | "descriptionZh" | "visibility" | "position">;

// Creates a board, or updates one when boardId is given; a slug must stay unique.
export function saveBoard(input: BoardInput & { boardId?: number }): { ok: true } | { ok: false; reason: "slug_taken" | "not_found" } {
  const db = getDb();
  const { boardId, ...values } = input;
  const clash = db.select({ id: boards.id }).from(boards).where(eq(boards.slug, values.slug)).get();
  if (clash && clash.id !== boardId) return { ok: false, reason: "slug_taken" };
  if (boardId === undefined) {
    db.insert(boards).values(values).run();
    return { ok: true };
  }
  const changed = db.update(boards).set(values).where(eq(boards.id, boardId)).run().changes;
  return changed ? { ok: true } : { ok: false, reason: "not_found" };
}
