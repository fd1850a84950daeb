// Honors: gathers one member's contribution facts, grants the badges they earn (once each,
// however often it runs) and keeps their honor level and points current. The rules are
// pure (app/features/honors/rules/*.ts); this module loads what they need and stores what they decide.
// The honors event subscriber (app/subscribers.server.ts) calls it after the
// events that can earn something; the back-fill (`npm run honors:backfill`) evaluates everyone.
import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { activityDays, badgeGrants, suggestions, users } from "#db/schema";
import { cached } from "~/platform/cache.server";
import { getDb, preparedQuery } from "~/platform/db.server";
import { activityDay, longestStreak, recentDaysActive } from "~/features/honors/rules/activity";
import { countedVotesReceived } from "~/features/honors/received-votes.server";
import {
  badgeDefinition,
  badgesEarned,
  contributionOf,
  FOUNDING_MEMBERS,
  isBadgeId,
  type EarnedBadge,
  type HonorEvent,
  type MemberFacts,
} from "~/features/honors/rules/badges";
import {
  honorLevelFor,
  honorPointsFor,
  RECENT_WINDOW_DAYS,
  settleHonorLevel,
  type Contribution,
  type HonorLevel,
} from "~/features/honors/rules/levels";
import { badgeEarnedAt } from "~/features/honors/earned-at.server";
import { badgesToWithdraw } from "~/features/honors/rules/withdrawals";
import { ADOPTED_STATUSES } from "~/features/lifecycle/lifecycle";
import { notifyUser } from "~/features/notifications/notifications.server";

type Member = {
  id: number;
  username: string;
  locale: string | null;
  createdAt: Date;
  honorLevel: number;
  honorLevelSince: Date | null;
  honorLevelManual: number | null;
};

// Run for a vote's author after every vote: compiled once per database.
const memberStatements = preparedQuery((db) => ({
  find: db
    .select({
      id: users.id,
      username: users.username,
      locale: users.locale,
      createdAt: users.createdAt,
      honorLevel: users.honorLevel,
      honorLevelSince: users.honorLevelSince,
      honorLevelManual: users.honorLevelManual,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
  // The time as stored (ms) or null, bound as is.
  storeHonors: db
    .update(users)
    .set({ honorPoints: sql`${sql.placeholder("points")}`, honorLevel: sql`${sql.placeholder("level")}`, honorLevelSince: sql`${sql.placeholder("since")}` })
    .where(eq(users.id, sql.placeholder("id")))
    .prepare(),
  authorOf: db.$client
    .prepare<{ suggestionId: number }, { userId: number; received: number }>(`
      select author_id as userId, (select sum(vote_count) from suggestions where author_id = s.author_id) as received
      from suggestions s where id = @suggestionId`),
}));

function findMember(db: Db, userId: number): Member | undefined {
  return memberStatements(db).find.get({ id: userId });
}

// Every query below reads one member's rows through an index (author, user or primary key).
// They run after every vote, for its suggestion's author: compiled once (preparedQuery).
const factQueries = preparedQuery(({ $client: sqlite }) => {
  const count = (text: string) => sqlite.prepare<{ id: number }, number>(text).pluck();
  return {
    credited: sqlite.prepare<{ id: number }, { id: number; status: string }>(`
      select id, status from suggestions where author_id = @id
      union
      select s.id, s.status from suggestion_credits c join suggestions s on s.id = c.suggestion_id where c.user_id = @id`),
    days: sqlite.prepare<{ id: number }, string>(`select day from activity_days where user_id = @id order by day`).pluck(),
    // Counted only as far as it decides anything: counting every earlier account took about
    // a millisecond on 50,000 members, on every vote, inside the write lock.
    memberNumber: count(`select count(*) from (select 1 from users where id <= @id limit ${FOUNDING_MEMBERS + 1})`),
    suggestionsPosted: count(`select count(*) from suggestions where author_id = @id`),
    helpfulReplies: count(`select count(*) from comments where author_id = @id and is_helpful = 1`),
    ratingsGiven: count(`
      select count(*) from ratings r join suggestions s on s.id = r.suggestion_id
      where r.user_id = @id and s.status = 'shipped'`),
    // An invitation whose reward was withheld (self-invitation, farming) earns no honor either.
    activeInvitees: count(`
      select count(*) from invitations
      where inviter_id = @id and activated_at is not null and reward_withheld is null`),
    invitationRewards: count(`
      select count(*) from invitations
      where rewarded_at is not null and (inviter_id = @id or invitee_id = @id)`),
    resolvedComplaintsAt: sqlite
      .prepare<{ id: number }, number>(`
        select resolved_at from complaints
        where user_id = @id and status = 'resolved' and resolved_at is not null`)
      .pluck(),
  };
});

function gatherFacts(db: Db, member: Member, now: Date): MemberFacts {
  const id = { id: member.id };
  const q = factQueries(db);
  const credited = q.credited.all(id);
  const votesBySuggestion: Record<number, number> = {};
  for (const { suggestionId, counted } of countedVotesReceived(db, { authorId: member.id })) votesBySuggestion[suggestionId] = counted;
  const days = q.days.all(id);

  return {
    now,
    joinedAt: member.createdAt,
    memberNumber: q.memberNumber.get(id)!,
    suggestionsPosted: q.suggestionsPosted.get(id)!,
    adoptedSuggestionIds: credited.filter((s) => (ADOPTED_STATUSES as readonly string[]).includes(s.status)).map((s) => s.id),
    shippedSuggestionIds: credited.filter((s) => s.status === "shipped").map((s) => s.id),
    votesBySuggestion,
    helpfulReplies: q.helpfulReplies.get(id)!,
    ratingsGiven: q.ratingsGiven.get(id)!,
    activeInvitees: q.activeInvitees.get(id)!,
    invitationRewards: q.invitationRewards.get(id)!,
    daysActive: days.length,
    recentDaysActive: recentDaysActive(days, now, RECENT_WINDOW_DAYS),
    longestStreak: longestStreak(days),
    lastActiveDay: days.at(-1) ?? null,
    resolvedComplaintsAt: q.resolvedComplaintsAt.all(id).map((at) => new Date(at)),
  };
}

// A member's contribution as honor levels see it (for profiles and progress), or null.
// A popular author's figures read every vote they ever received (31,000 rows for the most
// voted member of the large data set, about half a second under load), so the profile keeps
// them while the database is unchanged, for a minute at most (their recent days move with
// the clock).
export function memberContribution(userId: number, now?: Date): Contribution | null {
  const compute = (at: Date) => {
    const db = getDb();
    const member = findMember(db, userId);
    return member ? contributionOf(gatherFacts(db, member, at)) : null;
  };
  if (now) return compute(now);
  return cached(`contribution:${userId}`, () => compute(new Date()), { maxAgeMs: 60_000 });
}

type GrantOptions = { db: Db; now: Date; notify: boolean; backfill?: boolean };

// Inserts the grants that are new (the unique index ignores the rest) and tells the member
// about each new one, once: the notification's event key names the grant.
// A back-fill dates each grant when it was earned (app/features/honors/earned-at.server.ts),
// not on the day it ran.
function storeGrants(member: Member, earned: readonly EarnedBadge[], { db, now, notify, backfill }: GrantOptions): EarnedBadge[] {
  if (earned.length === 0) return [];
  const grantedAt = (g: EarnedBadge) => (backfill ? (badgeEarnedAt(db, { userId: member.id, ...g }, now) ?? now) : now);
  const inserted = db
    .insert(badgeGrants)
    .values(earned.map((g) => ({ userId: member.id, badgeId: g.badgeId, suggestionId: g.suggestionId, grantedAt: grantedAt(g) })))
    .onConflictDoNothing()
    .returning({ badgeId: badgeGrants.badgeId, suggestionId: badgeGrants.suggestionId })
    .all() as EarnedBadge[];
  if (notify) {
    for (const grant of inserted) {
      const name = badgeDefinition(grant.badgeId).name;
      notifyUser({
        userId: member.id,
        kind: "badge",
        eventKey: `badge:${grant.badgeId}:${grant.suggestionId}`,
        suggestionId: grant.suggestionId || null,
        payload: { badgeName: member.locale === "zh" ? name.zh : name.en, path: `/u/${member.username}` },
      });
    }
  }
  return inserted;
}

export type HonorsEvaluation = { granted: EarnedBadge[]; level: HonorLevel; previousLevel: HonorLevel; points: number };

// Re-checks one member: the badges the events can affect (all without events), their
// points and level. Cheap enough to run after every vote. Callers that write to another
// database than the app's (the seed) pass it as `db` with notify: false, since
// notifications go through the app's own handle.
export function evaluateHonors(
  userId: number,
  options: { events?: readonly HonorEvent[]; now?: Date; db?: Db; notify?: boolean; backfill?: boolean } = {},
): HonorsEvaluation | null {
  const db = options.db ?? getDb();
  const now = options.now ?? new Date();
  const member = findMember(db, userId);
  if (!member) return null;
  const facts = gatherFacts(db, member, now);
  const contribution = contributionOf(facts);
  const points = honorPointsFor(contribution);
  const previousLevel = member.honorLevel as HonorLevel;
  const settled = settleHonorLevel(
    { level: previousLevel, since: member.honorLevelSince, manual: member.honorLevelManual as HonorLevel | null },
    honorLevelFor(points, contribution),
    now,
  );
  memberStatements(db).storeHonors.run({ id: userId, points, level: settled.level, since: settled.since?.getTime() ?? null });
  const granted = storeGrants(member, badgesEarned(facts, options.events), { db, now, notify: options.notify ?? true, backfill: options.backfill });
  return { granted, level: settled.level, previousLevel, points };
}

// After a vote: the suggestion's author (votes received count for the author alone).
export function evaluateSuggestionAuthor(suggestionId: number, events: readonly HonorEvent[]) {
  const author = memberStatements().authorOf.get({ suggestionId });
  if (!author) return;
  const popular = author.received >= POPULAR_FROM_VOTES;
  checkAfterVote(author.userId, events, popular ? CHECK_GAP_MS.popularAuthor : CHECK_GAP_MS.author, { now: !popular });
}

// Re-checking an author reads every vote they ever received, and votes for one author come
// in bursts (a suggestion on the home page, a share that travels): under a stream of votes
// the re-checks were a quarter of each vote's work. So the checks after votes are coalesced,
// per server process: after a check, the votes of the next few seconds are checked together
// once that gap has passed, and a vote after a quiet gap is checked at once, inside its
// delivery. The outcome is the same; only its moment moves, by the gap at most.
// For a very popular author the check itself is slow (a quarter of a second with 30,000
// votes), so the gap is a minute, and even the first check of a burst runs on a timer:
// inside the vote's delivery it held SQLite's write lock for the 100-150 ms of reading the
// votes, and every other vote of every worker waited; on its own it reads outside any
// transaction and writes only its result (with twenty such authors voted on at once, checks
// every five seconds still took most of the machine). A stopping server settles what its
// gaps hold (settlePendingHonorChecks); a process that dies leaves it to the next vote,
// visit or back-fill.
const POPULAR_FROM_VOTES = 2_000;
export const CHECK_GAP_MS = { author: 5_000, popularAuthor: 60_000 };

// Authors checked within their gap, and the events that arrived since that check.
type Gap = { events: Set<HonorEvent>; timer: ReturnType<typeof setTimeout> };
const gaps = new Map<number, Gap>();

function checkAfterVote(userId: number, events: readonly HonorEvent[], gapMs: number, { now }: { now: boolean }) {
  const gap = gaps.get(userId);
  if (gap) {
    for (const event of events) gap.events.add(event);
    return;
  }
  if (now) {
    // A failure here fails the delivery, which the outbox retries; no gap is opened.
    evaluateHonors(userId, { events });
    openGap(userId, gapMs, [], gapMs);
  } else openGap(userId, gapMs, events, 0);
}

function openGap(userId: number, gapMs: number, events: readonly HonorEvent[], delayMs: number) {
  gaps.set(userId, { events: new Set(events), timer: setTimeout(() => closeGap(userId, gapMs), delayMs).unref() });
}

// The gap has passed: what arrived in it is checked, and the votes after that wait a new gap.
// A gap with nothing in it ends there.
function closeGap(userId: number, gapMs: number) {
  const gap = gaps.get(userId);
  gaps.delete(userId);
  if (!gap || gap.events.size === 0) return;
  openGap(userId, gapMs, [], gapMs);
  checkNowLogged(userId, gap.events);
}

function checkNowLogged(userId: number, events: Set<HonorEvent>) {
  try {
    evaluateHonors(userId, { events: [...events] });
  } catch (error) {
    console.error(`Re-checking the honors of member ${userId} failed`, error);
  }
}

// When the server stops (after its last request): the votes still waiting in a gap are checked now.
export function settlePendingHonorChecks() {
  for (const [userId, gap] of gaps) {
    clearTimeout(gap.timer);
    gaps.delete(userId);
    if (gap.events.size > 0) checkNowLogged(userId, gap.events);
  }
}

// After a status change, merge or ship: the suggestion's author and co-authors.
export function evaluateSuggestionCreators(suggestionId: number, events: readonly HonorEvent[]) {
  const creators = getDb().all<{ userId: number }>(sql`
    select author_id as userId from suggestions where id = ${suggestionId}
    union select user_id from suggestion_credits where suggestion_id = ${suggestionId}`);
  for (const { userId } of creators) evaluateHonors(userId, { events });
}

// After a mistaken change is taken back (a ship undone): the badges it granted that the member
// no longer earns are withdrawn, the member is told why (the correction's note), and their
// points and level are recomputed. Returns the withdrawn badge ids.
export function withdrawHonorsGrantedSince(userId: number, since: Date, reason: string, now = new Date()): string[] {
  const db = getDb();
  const member = findMember(db, userId);
  if (!member) return [];
  const grants = db
    .select({ id: badgeGrants.id, badgeId: badgeGrants.badgeId, suggestionId: badgeGrants.suggestionId, grantedAt: badgeGrants.grantedAt })
    .from(badgeGrants)
    .where(and(eq(badgeGrants.userId, userId), gte(badgeGrants.grantedAt, since)))
    .all()
    .filter((g) => isBadgeId(g.badgeId)) as (EarnedBadge & { id: number; grantedAt: Date })[];
  const withdrawn = badgesToWithdraw(grants, badgesEarned(gatherFacts(db, member, now)), since);
  if (withdrawn.length > 0) {
    db.delete(badgeGrants).where(inArray(badgeGrants.id, withdrawn.map((g) => g.id))).run();
    for (const grant of withdrawn) {
      const name = badgeDefinition(grant.badgeId).name;
      notifyUser({
        userId,
        kind: "badge",
        eventKey: `badge_withdrawn:${grant.id}`,
        suggestionId: grant.suggestionId || null,
        payload: { badgeName: member.locale === "zh" ? name.zh : name.en, withdrawn: true, note: reason, path: `/u/${member.username}` },
      });
    }
  }
  evaluateHonors(userId, { now, notify: false });
  return withdrawn.map((g) => g.badgeId);
}

// Everyone, every badge: what `npm run honors:backfill` and the demo data run. Idempotent.
export function backfillHonors(options: { now?: Date; db?: Db; notify?: boolean } = {}) {
  const db = options.db ?? getDb();
  const ids = db.select({ id: users.id }).from(users).orderBy(asc(users.id)).all();
  let granted = 0;
  for (const { id } of ids) granted += evaluateHonors(id, { ...options, db, backfill: true })?.granted.length ?? 0;
  return { members: ids.length, granted };
}

// ---- Days active ----

// The last day recorded per member in this process, so most requests skip the write.
const recordedToday = new Map<number, string>();

// Called on every page a member loads (root loader). The first visit of a day adds the day
// and re-checks what days active can earn (streaks, anniversary, founding member...).
export function recordActivity(userId: number, now = new Date()) {
  const day = activityDay(now);
  if (recordedToday.get(userId) === day) return;
  const added = getDb().insert(activityDays).values({ userId, day }).onConflictDoNothing().run().changes;
  recordedToday.set(userId, day);
  if (added) evaluateHonors(userId, { events: ["daily_activity"], now });
}

// ---- Admin ----

function findMemberByUsername(db: Db, username: string) {
  return db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${username})`).get();
}

export type GrantBadgeResult = { ok: true; granted: boolean } | { ok: false; reason: "user_not_found" | "badge_not_found" };

// A badge given by hand, for what no rule sees; a repeatable one names its suggestion.
// Granting a badge the member holds changes nothing.
export function grantBadge(input: { username: string; badgeId: string; suggestionId?: number; now?: Date }): GrantBadgeResult {
  const db = getDb();
  const found = findMemberByUsername(db, input.username);
  if (!found) return { ok: false, reason: "user_not_found" };
  if (!isBadgeId(input.badgeId)) return { ok: false, reason: "badge_not_found" };
  const suggestionId = badgeDefinition(input.badgeId).repeatable ? (input.suggestionId ?? 0) : 0;
  const member = findMember(db, found.id)!;
  const granted = storeGrants(member, [{ badgeId: input.badgeId, suggestionId }], { db, now: input.now ?? new Date(), notify: true });
  return { ok: true, granted: granted.length > 0 };
}

export type SetLevelResult = { ok: true; level: HonorLevel } | { ok: false; reason: "user_not_found" };

// An admin's level overrides the computed one until cleared (null). Clearing starts afresh
// from what the contribution earns, without a grace period for the level the admin gave.
export function setManualHonorLevel(input: { username: string; level: HonorLevel | null; now?: Date }): SetLevelResult {
  const db = getDb();
  const now = input.now ?? new Date();
  const found = findMemberByUsername(db, input.username);
  if (!found) return { ok: false, reason: "user_not_found" };
  db.update(users)
    .set({ honorLevelManual: input.level, honorLevel: input.level ?? 0, honorLevelSince: now })
    .where(eq(users.id, found.id))
    .run();
  return { ok: true, level: evaluateHonors(found.id, { events: [], now })!.level };
}

// Subscriber to member_deleted: authors who had the member's votes lose those honor points
// (quietly: losing points is no news).
export function reevaluateAuthorsAfterDeletion(event: { userId: number; votedFor: readonly number[] }) {
  if (event.votedFor.length === 0) return;
  const authors = getDb().selectDistinct({ id: suggestions.authorId }).from(suggestions).where(inArray(suggestions.id, [...event.votedFor])).all();
  for (const { id } of authors) if (id !== event.userId) evaluateHonors(id, { notify: false });
}
