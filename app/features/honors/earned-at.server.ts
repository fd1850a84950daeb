// When a badge found by the back-fill was actually earned: the moment of the event that crossed
// its threshold (the first suggestion posted, the 10th vote received, the 7th day of a streak…),
// so that a back-fill does not date years of contribution on the day it ran, and the score's
// history (which counts grants up to each week) does not jump on that day. Badges granted on
// their event keep the event's moment, as before. Returns null when it cannot tell (then the
// back-fill's moment stands).
import type { Db } from "#db/client";
import type { BadgeId } from "~/features/honors/rules/badges";
import { CROWD_FAVORITE_VOTES, TURNED_AROUND_DAYS } from "~/features/honors/rules/badges";
import { ADOPTED_STATUSES } from "~/features/lifecycle/lifecycle";

const DAY_MS = 24 * 60 * 60 * 1000;
// Statuses are fixed identifiers, not user input, so they can be spelled into the SQL.
const ADOPTED = `(${ADOPTED_STATUSES.map((status) => `'${status}'`).join(", ")})`;

// The ordered moments of what a badge counts, and how many it needs (badges.ts's thresholds).
const COUNTED: Partial<Record<BadgeId, { moments: string; nth: number }>> = {
  first_suggestion: { moments: "select created_at as at from suggestions where author_id = @userId", nth: 1 },
  first_adopted: { moments: `select coalesce(first_decision_at, created_at) as at from suggestions where author_id = @userId and status in ${ADOPTED}`, nth: 1 },
  first_shipped: { moments: "select shipped_at as at from suggestions where author_id = @userId and shipped_at is not null", nth: 1 },
  co_creator: { moments: "select shipped_at as at from suggestions where author_id = @userId and shipped_at is not null", nth: 3 },
  senior_co_creator: { moments: "select shipped_at as at from suggestions where author_id = @userId and shipped_at is not null", nth: 10 },
  master_co_creator: { moments: "select shipped_at as at from suggestions where author_id = @userId and shipped_at is not null", nth: 25 },
  noticed: { moments: "select v.created_at as at from votes v join suggestions s on s.id = v.suggestion_id where s.author_id = @userId", nth: 10 },
  popular: { moments: "select v.created_at as at from votes v join suggestions s on s.id = v.suggestion_id where s.author_id = @userId", nth: 100 },
  beloved: { moments: "select v.created_at as at from votes v join suggestions s on s.id = v.suggestion_id where s.author_id = @userId", nth: 1000 },
  helpful_reply: { moments: "select created_at as at from comments where author_id = @userId and is_helpful = 1", nth: 1 },
  trusted_helper: { moments: "select created_at as at from comments where author_id = @userId and is_helpful = 1", nth: 10 },
  tester: { moments: "select created_at as at from ratings where user_id = @userId", nth: 5 },
  chief_tester: { moments: "select created_at as at from ratings where user_id = @userId", nth: 25 },
  inviter: { moments: "select activated_at as at from invitations where inviter_id = @userId and activated_at is not null and reward_withheld is null", nth: 1 },
  connector: { moments: "select activated_at as at from invitations where inviter_id = @userId and activated_at is not null and reward_withheld is null", nth: 3 },
  ambassador: { moments: "select activated_at as at from invitations where inviter_id = @userId and activated_at is not null and reward_withheld is null", nth: 10 },
};

const STREAKS: Partial<Record<BadgeId, number>> = { week_streak: 7, month_streak: 30, hundred_day_streak: 100 };

// The day a run of `length` consecutive active days was first completed, at noon UTC.
function streakCompleted(days: readonly string[], length: number): number | null {
  let run = 0;
  let previous: number | null = null;
  for (const day of days) {
    const at = Date.parse(`${day}T12:00:00Z`);
    run = previous !== null && at - previous === DAY_MS ? run + 1 : 1;
    previous = at;
    if (run >= length) return at;
  }
  return null;
}

export function badgeEarnedAt(db: Db, grant: { userId: number; badgeId: BadgeId; suggestionId: number }, now: Date): Date | null {
  const sqlite = db.$client;
  const { userId, badgeId } = grant;
  let at: number | null | undefined = null;
  const counted = COUNTED[badgeId];
  if (counted) {
    at = sqlite.prepare(`select at from (${counted.moments}) where at is not null order by at limit 1 offset ${counted.nth - 1}`).pluck().get({ userId }) as number | undefined;
  } else if (STREAKS[badgeId]) {
    const days = sqlite.prepare("select day from activity_days where user_id = ? order by day").pluck().all(userId) as string[];
    at = streakCompleted(days, STREAKS[badgeId]!);
  } else if (badgeId === "crowd_favorite") {
    at = sqlite
      .prepare(`select created_at from votes where suggestion_id = ? order by created_at limit 1 offset ${CROWD_FAVORITE_VOTES - 1}`)
      .pluck()
      .get(grant.suggestionId) as number | undefined;
  } else if (badgeId === "founding_member" || badgeId === "anniversary") {
    // Founding members earned it on joining; the anniversary a year later.
    const joined = sqlite.prepare("select created_at from users where id = ?").pluck().get(userId) as number | undefined;
    at = joined === undefined ? null : badgeId === "anniversary" ? joined + 365 * DAY_MS : joined;
  } else if (badgeId === "turned_around") {
    const resolved = sqlite
      .prepare("select min(resolved_at) from complaints where user_id = ? and status = 'resolved' and resolved_at is not null")
      .pluck()
      .get(userId) as number | null;
    at = resolved === null ? null : resolved + TURNED_AROUND_DAYS * DAY_MS;
  }
  if (at === null || at === undefined || !Number.isFinite(at)) return null;
  // Never after the back-fill itself (a threshold crossed by data dated later than `now`).
  return new Date(Math.min(at, now.getTime()));
}
