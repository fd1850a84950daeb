// Following a suggestion: who hears about its comments and changes. Taking part (posting,
// co-authoring, voting, commenting) follows it without a row; a member's own choice, to follow
// without voting or to stop following, is a row in suggestion_follows and wins.
import { and, eq, sql } from "drizzle-orm";
import { suggestionFollows } from "#db/schema";
import { getDb, preparedQuery } from "~/platform/db.server";

// The followers' user ids as a subquery (column user_id), for the notification fan-outs.
export function followersOf(suggestionId: number) {
  return sql`
    select user_id from (
      select author_id as user_id from suggestions where id = ${suggestionId}
      union select user_id from suggestion_credits where suggestion_id = ${suggestionId}
      union select user_id from votes where suggestion_id = ${suggestionId}
      union select author_id from comments where suggestion_id = ${suggestionId}
      union select user_id from suggestion_follows where suggestion_id = ${suggestionId} and following = 1
    )
    where user_id not in (select user_id from suggestion_follows where suggestion_id = ${suggestionId} and following = 0)
  `;
}

// Whether one member follows, on every view of a suggestion's page: the same rule as
// followersOf, read as lookups by key that stop at the first that answers (their own choice,
// then a vote, authorship, a credit, a comment), instead of gathering every follower.
const follower = preparedQuery((db) =>
  db
    .select({
      following: sql<number>`coalesce(
        (select following from suggestion_follows where suggestion_id = ${sql.placeholder("suggestionId")} and user_id = ${sql.placeholder("userId")}),
        exists (select 1 from votes where suggestion_id = ${sql.placeholder("suggestionId")} and user_id = ${sql.placeholder("userId")})
        or exists (select 1 from suggestions where id = ${sql.placeholder("suggestionId")} and author_id = ${sql.placeholder("userId")})
        or exists (select 1 from suggestion_credits where suggestion_id = ${sql.placeholder("suggestionId")} and user_id = ${sql.placeholder("userId")})
        or exists (select 1 from comments where suggestion_id = ${sql.placeholder("suggestionId")} and author_id = ${sql.placeholder("userId")}))`,
    })
    .from(sql`(select 1)`)
    .prepare(),
);

export function isFollowing(suggestionId: number, userId: number): boolean {
  return follower().get({ suggestionId, userId })?.following === 1;
}

// Callers have checked the member may see the suggestion (findVisibleSuggestion).
export function setFollowing(input: { suggestionId: number; userId: number; following: boolean; now?: Date }) {
  const now = input.now ?? new Date();
  getDb()
    .insert(suggestionFollows)
    .values({ suggestionId: input.suggestionId, userId: input.userId, following: input.following, createdAt: now })
    .onConflictDoUpdate({
      target: [suggestionFollows.suggestionId, suggestionFollows.userId],
      set: { following: input.following, createdAt: now },
    })
    .run();
  return { following: isFollowing(input.suggestionId, input.userId) };
}

// A member who comments again after unfollowing has chosen to take part: they follow again.
export function followAgainOnComment(suggestionId: number, userId: number) {
  getDb()
    .delete(suggestionFollows)
    .where(and(eq(suggestionFollows.suggestionId, suggestionId), eq(suggestionFollows.userId, userId), eq(suggestionFollows.following, false)))
    .run();
}
