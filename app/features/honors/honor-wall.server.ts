// The honor wall (/honors) and the honors on a profile (/u/:username): who contributed most,
// who holds which badge, and the shipped ideas with everyone credited on them. Staff are
// left out of the rankings: the wall celebrates the community.
import { and, desc, eq, gte, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { activityDays, badgeGrants, boards, comments, ratings, suggestionCredits, suggestions, users } from "#db/schema";
import { visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { activityDay } from "~/features/honors/rules/activity";
import { BADGE_IDS, badgeDefinition, isBadgeId, type BadgeId } from "~/features/honors/rules/badges";
import { honorPointsFor, type Contribution } from "~/features/honors/rules/levels";
import { STAFF_ROLES } from "~/features/roles/permissions";
import { creditsFor } from "~/features/lifecycle/releases.server";
import { ADOPTED_STATUSES } from "~/features/lifecycle/lifecycle";
import { countedVotesReceived } from "~/features/honors/received-votes.server";

export const TOP_CONTRIBUTORS = 10;
export const HALL_OF_FAME_SIZE = 30;

const notStaff = sql`${users.role} not in (${sql.join(
  STAFF_ROLES.map((role) => sql`${role}`),
  sql`, `,
)})`;

export type Contributor = { username: string; displayName: string; honorLevel: number; points: number };

// All time: the points the honors engine keeps on each member.
export function topContributorsAllTime(limit = TOP_CONTRIBUTORS): Contributor[] {
  return getDb()
    .select({ username: users.username, displayName: users.displayName, honorLevel: users.honorLevel, points: users.honorPoints })
    .from(users)
    .where(and(notStaff, sql`${users.honorPoints} > 0`))
    .orderBy(desc(users.honorPoints), users.id)
    .limit(limit)
    .all();
}

export const startOfUtcMonth = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

// This month: the same weights (app/features/honors/rules/levels.ts) applied to what happened since the
// 1st (UTC): ideas adopted and shipped (authors and co-authors), votes received that count
// (the same anti-gaming rules), comments marked helpful, ratings given and days active.
export function topContributorsThisMonth(now = new Date(), limit = TOP_CONTRIBUTORS): Contributor[] {
  const db = getDb();
  const since = startOfUtcMonth(now);
  const tally = new Map<number, Omit<Contribution, "recentDaysActive">>();
  const add = (userId: number, source: keyof Omit<Contribution, "recentDaysActive">, n = 1) => {
    const entry = tally.get(userId) ?? { shipped: 0, adopted: 0, votesReceived: 0, helpfulReplies: 0, ratingsGiven: 0, daysActive: 0, invitationRewards: 0 };
    entry[source] += n;
    tally.set(userId, entry);
  };

  // Authors and co-authors of each suggestion, for the ideas adopted or shipped this month.
  const creators = (where: SQL) =>
    db.all<{ userId: number }>(sql`
      select s.author_id as userId from ${suggestions} s where ${where}
      union all
      select c.user_id from ${suggestionCredits} c join ${suggestions} s on s.id = c.suggestion_id
      where ${where} and c.user_id <> s.author_id`);
  for (const { userId } of creators(sql`s.status = 'shipped' and s.shipped_at >= ${since.getTime()}`)) add(userId, "shipped");
  for (const { userId } of creators(sql`s.status in ${ADOPTED_STATUSES} and s.first_decision_at >= ${since.getTime()}`)) {
    add(userId, "adopted");
  }

  for (const { authorId, counted } of countedVotesReceived(db, { since })) add(authorId, "votesReceived", counted);

  // When a comment was marked helpful is not stored; the comment's own date stands in.
  const grouped = (rows: { userId: number; n: number }[], source: keyof Omit<Contribution, "recentDaysActive">) => {
    for (const { userId, n } of rows) add(userId, source, n);
  };
  grouped(
    db
      .select({ userId: comments.authorId, n: sql<number>`count(*)` })
      .from(comments)
      .where(and(eq(comments.isHelpful, true), gte(comments.createdAt, since)))
      .groupBy(comments.authorId)
      .all(),
    "helpfulReplies",
  );
  grouped(
    db
      .select({ userId: ratings.userId, n: sql<number>`count(*)` })
      .from(ratings)
      .innerJoin(suggestions, eq(suggestions.id, ratings.suggestionId))
      .where(and(eq(suggestions.status, "shipped"), gte(ratings.createdAt, since)))
      .groupBy(ratings.userId)
      .all(),
    "ratingsGiven",
  );
  grouped(
    db
      .select({ userId: activityDays.userId, n: sql<number>`count(*)` })
      .from(activityDays)
      .where(gte(activityDays.day, activityDay(since)))
      .groupBy(activityDays.userId)
      .all(),
    "daysActive",
  );
  grouped(
    db.all<{ userId: number; n: number }>(sql`
      select user_id as userId, count(*) as n from (
        select inviter_id as user_id from invitations where rewarded_at >= ${since.getTime()}
        union all
        select invitee_id from invitations where rewarded_at >= ${since.getTime()} and invitee_id is not null)
      group by user_id`),
    "invitationRewards",
  );

  if (tally.size === 0) return [];
  const members = db
    .select({ id: users.id, username: users.username, displayName: users.displayName, honorLevel: users.honorLevel })
    .from(users)
    .where(and(inArray(users.id, [...tally.keys()]), notStaff))
    .all();
  const ranked = members
    .map((member) => ({ ...member, points: honorPointsFor({ ...tally.get(member.id)!, recentDaysActive: 0 }) }))
    .filter((m) => m.points > 0)
    .sort((a, b) => b.points - a.points || a.id - b.id)
    .slice(0, limit);
  return ranked.map(({ username, displayName, honorLevel, points }) => ({ username, displayName, honorLevel, points }));
}

// Every badge, in the order they are defined, with how many members hold it.
export function badgeHolderCounts(): { badgeId: BadgeId; holders: number }[] {
  const rows = getDb()
    .select({ badgeId: badgeGrants.badgeId, holders: sql<number>`count(distinct ${badgeGrants.userId})` })
    .from(badgeGrants)
    .groupBy(badgeGrants.badgeId)
    .all();
  const counts = new Map(rows.map((r) => [r.badgeId, r.holders]));
  return BADGE_IDS.map((badgeId) => ({ badgeId, holders: counts.get(badgeId) ?? 0 }));
}

// Shipped suggestions the viewer may see, newest first, with their author and co-authors.
export function hallOfFame(viewer: Viewer, limit = HALL_OF_FAME_SIZE) {
  const rows = getDb()
    .select({
      id: suggestions.id,
      title: suggestions.title,
      voteCount: suggestions.voteCount,
      shippedAt: suggestions.shippedAt,
      boardSlug: boards.slug,
      boardNameEn: boards.nameEn,
      boardNameZh: boards.nameZh,
    })
    .from(suggestions)
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .where(and(eq(suggestions.status, "shipped"), isNotNull(suggestions.shippedAt), visibleSuggestions(viewer)))
    .orderBy(desc(suggestions.shippedAt), desc(suggestions.id))
    .limit(limit)
    .all();
  const credits = creditsFor(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, credits: credits.get(r.id) ?? [] }));
}

// A member's badges, most recent first, with the tier and names to show them by. Repeatable
// badges name the suggestion that earned them.
const grantsOf = preparedQuery((db) =>
  db
    .select({ badgeId: badgeGrants.badgeId, suggestionId: badgeGrants.suggestionId, grantedAt: badgeGrants.grantedAt })
    .from(badgeGrants)
    .where(eq(badgeGrants.userId, sql.placeholder("userId")))
    .orderBy(desc(badgeGrants.grantedAt), desc(badgeGrants.id))
    .prepare(),
);

export function badgesOf(userId: number) {
  return grantsOf()
    .all({ userId })
    .filter((g) => isBadgeId(g.badgeId))
    .map((g) => {
      const badge = badgeDefinition(g.badgeId as BadgeId);
      return { ...g, tier: badge.tier, name: badge.name, description: badge.description };
    });
}
