// Campaigns: staff run a time-boxed call for ideas on a board ("Suggest for the next
// release"). Each campaign owns a tag; suggestions posted on its board while it runs carry
// it from the moment they are created (see createSuggestion), and those tagged suggestions
// are its entries (listSuggestions with the campaign's board and tag). When it
// has ended, staff pick entries, each with a note. The rules are in app/features/campaigns/campaign-rules.ts.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { boards, campaignPicks, campaigns, suggestions, suggestionTags, tags, users } from "#db/schema";
import type { Db } from "#db/client";
import { preparedForViewer, visibleBoards, visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { campaignPhase, campaignSlug, canPickEntries, isCampaignEntry, timeUntil } from "~/features/campaigns/campaign-rules";
import { getDb } from "~/platform/db.server";

export type CampaignInput = {
  boardId: number;
  titleEn: string;
  titleZh: string;
  bannerEn: string;
  bannerZh: string;
  startsAt: Date;
  endsAt: Date;
  createdById: number;
};

// A free slug: "suggest-for-6-0", else "suggest-for-6-0-2", …
function freeSlug(base: string, taken: (slug: string) => boolean) {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!taken(slug)) return slug;
  }
}

// Creates the campaign and its tag. Suggestions already posted on the board within its
// window (a campaign created after its start) become entries at once, like later ones.
export function createCampaign(input: CampaignInput, db: Db = getDb()) {
  return db.transaction((tx) => {
    const slug = freeSlug(campaignSlug(input.titleEn), (s) => !!tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, s)).get());
    const tagSlug = freeSlug(`campaign-${slug}`, (s) => !!tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, s)).get());
    const tag = tx.insert(tags).values({ slug: tagSlug, nameEn: input.titleEn, nameZh: input.titleZh }).returning({ id: tags.id }).get();
    const campaign = tx
      .insert(campaigns)
      .values({ ...input, slug, tagId: tag.id })
      .returning()
      .get();
    tx.run(sql`
      insert or ignore into ${suggestionTags} (suggestion_id, tag_id)
      select ${suggestions.id}, ${tag.id} from ${suggestions}
      where ${suggestions.boardId} = ${input.boardId}
        and ${suggestions.createdAt} >= ${input.startsAt.getTime()} and ${suggestions.createdAt} < ${input.endsAt.getTime()}`);
    return campaign;
  }, { behavior: "immediate" });
}

// The tags a suggestion posted now on this board gets: those of the campaigns running there.
// Called by createSuggestion, inside its transaction.
export function campaignTagIds(boardId: number, postedAt: Date, db: Pick<Db, "select"> = getDb()): number[] {
  return db
    .select({ boardId: campaigns.boardId, startsAt: campaigns.startsAt, endsAt: campaigns.endsAt, tagId: campaigns.tagId })
    .from(campaigns)
    .where(eq(campaigns.boardId, boardId))
    .all()
    .filter((c) => c.tagId !== null && isCampaignEntry(c, { boardId, postedAt }))
    .map((c) => c.tagId!);
}

const campaignColumns = {
  id: campaigns.id,
  slug: campaigns.slug,
  titleEn: campaigns.titleEn,
  titleZh: campaigns.titleZh,
  bannerEn: campaigns.bannerEn,
  bannerZh: campaigns.bannerZh,
  startsAt: campaigns.startsAt,
  endsAt: campaigns.endsAt,
  tagId: campaigns.tagId,
  boardId: campaigns.boardId,
  boardSlug: boards.slug,
  boardNameEn: boards.nameEn,
  boardNameZh: boards.nameZh,
};

// What pages show about where a campaign stands: its phase and the time to its next edge.
function withStanding<T extends { startsAt: Date; endsAt: Date }>(campaign: T, now: Date) {
  const phase = campaignPhase(campaign, now);
  return {
    ...campaign,
    phase,
    timeLeft: phase === "running" ? timeUntil(campaign.endsAt, now) : null,
    startsIn: phase === "upcoming" ? timeUntil(campaign.startsAt, now) : null,
  };
}

// Running at "now", on boards the viewer may see: everywhere, or on one board.
const runningOn = [undefined, sql.placeholder("boardId")].map((boardId) =>
  preparedForViewer((db, visible) =>
    db
      .select(campaignColumns)
      .from(campaigns)
      .innerJoin(boards, eq(boards.id, campaigns.boardId))
      .where(
        and(
          visible.boards(),
          boardId && eq(campaigns.boardId, boardId),
          sql`${campaigns.startsAt} <= ${sql.placeholder("now")} and ${campaigns.endsAt} > ${sql.placeholder("now")}`,
        ),
      )
      .orderBy(asc(campaigns.endsAt), asc(campaigns.id))
      .prepare(),
  ),
);

// Campaigns running now that the viewer may see, on one board or anywhere: the banners.
export function runningCampaigns({ viewer = null, boardId, now = new Date() }: { viewer?: Viewer; boardId?: number; now?: Date }) {
  return runningOn[Number(boardId !== undefined)](viewer)
    .all({ boardId, now: now.getTime() })
    .map((c) => withStanding(c, now));
}

// Every campaign, newest first, with its entry and pick counts: the staff page.
export function listCampaigns(now = new Date()) {
  const rows = getDb()
    .select({
      ...campaignColumns,
      entries: sql<number>`(select count(*) from ${suggestionTags} st join ${suggestions} s on s.id = st.suggestion_id
        where st.tag_id = ${campaigns.tagId} and s.board_id = ${campaigns.boardId})`,
      picks: sql<number>`(select count(*) from ${campaignPicks} where ${campaignPicks.campaignId} = ${campaigns.id})`,
    })
    .from(campaigns)
    .innerJoin(boards, eq(boards.id, campaigns.boardId))
    .orderBy(desc(campaigns.startsAt), desc(campaigns.id))
    .all();
  return rows.map((c) => withStanding(c, now));
}

// A campaign the viewer may see (its board's visibility decides), or null.
export function findCampaign(slug: string, viewer: Viewer, now = new Date()) {
  const row = getDb()
    .select(campaignColumns)
    .from(campaigns)
    .innerJoin(boards, eq(boards.id, campaigns.boardId))
    .where(and(eq(campaigns.slug, slug), visibleBoards(viewer)))
    .get();
  return row ? withStanding(row, now) : null;
}

export type Campaign = NonNullable<ReturnType<typeof findCampaign>>;

// The staff's picks with their notes, in the order they were picked.
export function campaignPicksOf(campaignId: number, viewer: Viewer = null) {
  return getDb()
    .select({
      suggestionId: suggestions.id,
      title: suggestions.title,
      status: suggestions.status,
      voteCount: suggestions.voteCount,
      authorName: users.displayName,
      authorUsername: users.username,
      note: campaignPicks.note,
    })
    .from(campaignPicks)
    .innerJoin(suggestions, eq(suggestions.id, campaignPicks.suggestionId))
    .innerJoin(users, eq(users.id, suggestions.authorId))
    .where(and(eq(campaignPicks.campaignId, campaignId), visibleSuggestions(viewer)))
    .orderBy(asc(campaignPicks.createdAt), asc(suggestions.id))
    .all();
}

export type PickResult = { ok: true } | { ok: false; reason: "not_finished" | "not_entry" };

function isEntry(db: Pick<Db, "select">, campaign: { tagId: number | null; boardId: number }, suggestionId: number) {
  if (campaign.tagId === null) return false;
  return !!db
    .select({ id: suggestions.id })
    .from(suggestions)
    .innerJoin(suggestionTags, and(eq(suggestionTags.suggestionId, suggestions.id), eq(suggestionTags.tagId, campaign.tagId)))
    .where(and(eq(suggestions.id, suggestionId), eq(suggestions.boardId, campaign.boardId)))
    .get();
}

// Staff pick an entry of a finished campaign (picking it again updates the note).
export function pickEntry(
  input: { campaign: Pick<Campaign, "id" | "boardId" | "tagId" | "startsAt" | "endsAt">; suggestionId: number; note: string; now?: Date },
  db: Db = getDb(),
): PickResult {
  const now = input.now ?? new Date();
  if (!canPickEntries(input.campaign, now)) return { ok: false, reason: "not_finished" };
  if (!isEntry(db, input.campaign, input.suggestionId)) return { ok: false, reason: "not_entry" };
  db.insert(campaignPicks)
    .values({ campaignId: input.campaign.id, suggestionId: input.suggestionId, note: input.note, createdAt: now })
    .onConflictDoUpdate({ target: [campaignPicks.campaignId, campaignPicks.suggestionId], set: { note: input.note } })
    .run();
  return { ok: true };
}

export function unpickEntry(input: { campaignId: number; suggestionId: number }) {
  getDb()
    .delete(campaignPicks)
    .where(and(eq(campaignPicks.campaignId, input.campaignId), eq(campaignPicks.suggestionId, input.suggestionId)))
    .run();
}
