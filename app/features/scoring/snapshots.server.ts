// Weekly snapshots of the word-of-mouth score: recomputed for the community, every board and
// every member and stored per week (one row per scope and week, replaced when recomputed),
// so the dashboard reads history instead of recomputing it.
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { scoreSnapshots, users } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { gatherAll } from "./gather.server";
import { joinCohort, memberStatus, percentiles } from "./member-facts";
import { activityDay } from "~/features/honors/rules/activity";
import {
  dimensionsOf,
  sproutDimensions,
  sproutScore,
  sproutTerms,
  TERMS,
  type Dimensions,
  type ScoreReport,
  type ScoreSignals,
  type TermId,
} from "./index";
import { storedReport, storedSignals, type StoredReport } from "./stored-signals";
import { addWeeks, weekStart } from "./weeks";

export type SnapshotScope = "community" | "board" | "member";

export type Snapshot = {
  weekStart: string;
  scope: SnapshotScope;
  scopeId: number;
  total: number;
  satisfaction: number;
  achievement: number;
  loyalty: number;
  /** Which formula computed the figures (SCORE_FORMULA now; 1 for rows stored before). */
  formula: number;
  signals: ScoreSignals;
  report: ScoreReport;
};

export type RecomputeProgress = { phase: SnapshotScope; done: number; total: number };

const SCOPES = ["community", "board", "member"] as const;
const CHUNK = 2_000;

export function recomputeScores(now = new Date(), options: { onProgress?: (p: RecomputeProgress) => void; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const sqlite = db.$client;
  const week = weekStart(now);
  const started = performance.now();
  const gathered = gatherAll(SCOPES, now, db);
  const upsert = sqlite.prepare(
    `insert into score_snapshots (week_start, scope, scope_id, total, satisfaction, achievement, loyalty, report, computed_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (week_start, scope, scope_id) do update set total = excluded.total, satisfaction = excluded.satisfaction,
       achievement = excluded.achievement, loyalty = excluded.loyalty, report = excluded.report, computed_at = excluded.computed_at`,
  );
  const computedAt = now.getTime();
  const writeSnapshot = (scope: SnapshotScope, scopeId: number, signals: ScoreSignals, d: Dimensions) =>
    upsert.run(week, scope, scopeId, d.total, d.satisfaction, d.achievement, d.loyalty, JSON.stringify(storedReport(signals)), computedAt);
  let snapshots = 0;
  checkpointingOnce(sqlite, () => {
    for (const scope of ["community", "board"] as const) {
      const entries = [...gathered[scope]];
      if (entries.length === 0) continue;
      sqlite.transaction(() => entries.forEach(([scopeId, signals]) => writeSnapshot(scope, scopeId, signals, sproutDimensions(signals)))).immediate();
      snapshots += entries.length;
      options.onProgress?.({ phase: scope, done: entries.length, total: entries.length });
    }
    snapshots += writeMembers(db, week, gathered.member, now, writeSnapshot, options.onProgress);
    // A member's full signals (~350 bytes) are kept for the trend's window only; older weeks
    // live on as their compact member_loyalty row (docs/scoring.md, "History").
    sqlite.prepare("delete from score_snapshots where scope = 'member' and week_start < ?").run(addWeeks(week, -(MEMBER_SIGNAL_WEEKS - 1)));
    // Members' compact rows are kept for a year (about 270 bytes a member and week with their
    // indexes, docs/scoring.md); the community's and boards' history is kept for good.
    sqlite.prepare("delete from member_loyalty where week_start < ?").run(addWeeks(week, -(MEMBER_HISTORY_WEEKS - 1)));
  });
  // The week is complete: readers of member_loyalty take the latest finished week.
  sqlite
    .prepare(
      `insert into score_runs (week_start, claimed_at, claimed_by, finished_at, duration_ms) values (@week, @at, @by, @finished, @duration)
       on conflict (week_start) do update set finished_at = excluded.finished_at, duration_ms = excluded.duration_ms`,
    )
    .run({ week, at: now.getTime(), by: `${process.pid}`, finished: Date.now(), duration: Math.round(performance.now() - started) });
  return { week, snapshots };
}

// The week's rows add some 100 MB to the write-ahead log at 50,000 members. Checkpointed every
// 1,000 pages (SQLite's default), the same index pages were copied back into the database file
// again and again (0.5–1.1 s of the recompute); one checkpoint at the end copies each page once.
// The recompute is synchronous, so nothing else writes through this connection meanwhile.
function checkpointingOnce(sqlite: Db["$client"], write: () => void) {
  const pages = sqlite.pragma("wal_autocheckpoint", { simple: true }) as number;
  sqlite.pragma("wal_autocheckpoint = 0");
  try {
    write();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${pages}`);
    sqlite.pragma("wal_checkpoint(PASSIVE)");
  }
}

// Weeks of members' full signals kept in score_snapshots; member_loyalty keeps every week.
export const MEMBER_SIGNAL_WEEKS = 12;
// Weeks of members' compact rows (member_loyalty) kept: the member page's trend.
export const MEMBER_HISTORY_WEEKS = 52;

// Every member's snapshot and the week's compact per-member rows (member_loyalty): loyalty,
// its parts, the other dimensions, percentile, and what the leads' list filters by (cohort,
// level, status), so the list is an indexed read. A member's terms are scored once for both.
function writeMembers(
  db: Db,
  week: string,
  members: Map<number, ScoreSignals>,
  now: Date,
  writeSnapshot: (scope: SnapshotScope, scopeId: number, signals: ScoreSignals, d: Dimensions) => void,
  onProgress: ((p: RecomputeProgress) => void) | undefined,
) {
  const sqlite = db.$client;
  const today = activityDay(now);
  const people = new Map(
    (
      sqlite
        .prepare(
          `select u.id, u.created_at as joinedAt, coalesce(u.honor_level_manual, u.honor_level) as honorLevel,
             (select max(day) from activity_days a where a.user_id = u.id and a.day <= @today) as lastActive
           from users u where u.role = 'member' and u.created_at <= @now and (u.deleted_at is null or u.deleted_at > @now)`,
        )
        .all({ now: now.getTime(), today }) as { id: number; joinedAt: number; honorLevel: number; lastActive: string | null }[]
    ).map((p) => [p.id, p]),
  );
  const scored = Array.from(members, ([id, signals]) => {
    const terms = sproutTerms(signals);
    return { id, signals, dimensions: dimensionsOf(terms), loyaltyParts: LOYALTY_PARTS.map((term) => terms[TERM_INDEX[term]].points) };
  });
  const ranked = scored.filter((m) => people.has(m.id));
  const ranks = new Map(percentiles(ranked.map((m) => m.dimensions.loyalty)).map((rank, i) => [ranked[i].id, rank]));
  const insert = sqlite.prepare(
    `insert or replace into member_loyalty (week_start, user_id, total, satisfaction, achievement, loyalty, "returning", active_weeks,
       repeat_contribution, honors, privileges, recommendation, invitations, percentile, honor_level, cohort, joined_at, last_active,
       status, invitees_stayed, holds_honors)
     values (${Array(21).fill("?").join(", ")})`,
  );
  for (let i = 0; i < scored.length; i += CHUNK) {
    // Written in chunks, each its own transaction, so the server's readers never wait long.
    sqlite
      .transaction(() => {
        for (const m of scored.slice(i, i + CHUNK)) {
          const { total, satisfaction, achievement, loyalty } = m.dimensions;
          writeSnapshot("member", m.id, m.signals, m.dimensions);
          const person = people.get(m.id);
          if (!person) continue;
          insert.run(
            week,
            m.id,
            total,
            satisfaction,
            achievement,
            loyalty,
            ...m.loyaltyParts,
            ranks.get(m.id),
            person.honorLevel,
            joinCohort(person.joinedAt),
            person.joinedAt,
            person.lastActive,
            memberStatus(person.lastActive, today),
            m.signals.invitations.staying,
            m.signals.honors.holdingBadges > 0 || m.signals.honors.withPrivileges > 0 ? 1 : 0,
          );
        }
      })
      .immediate();
    onProgress?.({ phase: "member", done: Math.min(i + CHUNK, scored.length), total: scored.length });
  }
  // Recomputing a week replaces its rows in place, so the leads' list never shows part of a
  // week; the rows of members deleted since go last.
  sqlite
    .prepare("delete from member_loyalty where week_start = ? and user_id not in (select value from json_each(?))")
    .run(week, JSON.stringify(ranked.map((m) => m.id)));
  return scored.length;
}

const TERM_INDEX = Object.fromEntries(TERMS.map((t, i) => [t.id, i])) as Record<TermId, number>;
// The loyalty terms' points, in member_loyalty's column order.
const LOYALTY_PARTS: TermId[] = ["returning", "activeWeeks", "repeatContribution", "honors", "privileges", "recommendation", "invitations"];

function toSnapshot(row: typeof scoreSnapshots.$inferSelect): Snapshot {
  const stored = JSON.parse(row.report) as StoredReport;
  const signals = storedSignals(stored, row.scope);
  return {
    weekStart: row.weekStart,
    scope: row.scope,
    scopeId: row.scopeId,
    total: row.total,
    satisfaction: row.satisfaction,
    achievement: row.achievement,
    loyalty: row.loyalty,
    formula: stored.formula ?? 1,
    signals,
    report: sproutScore(signals),
  };
}

// The scope's snapshots of the last `weeks` weeks up to `now`'s, oldest first (weeks never
// computed are simply absent).
export function scoreHistory(scope: { scope: SnapshotScope; scopeId?: number }, weeks = 12, now = new Date()): Snapshot[] {
  return getDb()
    .select()
    .from(scoreSnapshots)
    .where(
      and(
        eq(scoreSnapshots.scope, scope.scope),
        eq(scoreSnapshots.scopeId, scope.scopeId ?? 0),
        gte(scoreSnapshots.weekStart, addWeeks(weekStart(now), -(weeks - 1))),
        sql`${scoreSnapshots.weekStart} <= ${weekStart(now)}`,
      ),
    )
    .orderBy(asc(scoreSnapshots.weekStart))
    .all()
    .map(toSnapshot);
}

// The latest stored week of a scope kind, with the week before for the change, for a set of
// scopes at once (the boards' comparison).
export function latestSnapshots(scope: "community" | "board", scopeIds?: readonly number[]) {
  const db = getDb();
  const latest = db
    .select({ week: sql<string | null>`max(${scoreSnapshots.weekStart})` })
    .from(scoreSnapshots)
    .where(eq(scoreSnapshots.scope, scope))
    .get()?.week;
  if (!latest) return { week: null, current: [] as Snapshot[], previous: new Map<number, Snapshot>() };
  const read = (week: string) =>
    db
      .select()
      .from(scoreSnapshots)
      .where(
        and(
          eq(scoreSnapshots.weekStart, week),
          eq(scoreSnapshots.scope, scope),
          scopeIds ? inArray(scoreSnapshots.scopeId, [...scopeIds]) : undefined,
        ),
      )
      .orderBy(desc(scoreSnapshots.total))
      .all()
      .map(toSnapshot);
  return { week: latest, current: read(latest), previous: new Map(read(addWeeks(latest, -1)).map((s) => [s.scopeId, s])) };
}

export type Advocate = { username: string; displayName: string; total: number; achievement: number; loyalty: number };

// Members whose own loyalty and achievement are highest in the latest stored week: the people
// to thank, quote and invite into the honorary group. Read from the columns, not the reports.
export function topAdvocates(limit = 10): Advocate[] {
  const db = getDb();
  const week = db
    .select({ week: sql<string | null>`max(${scoreSnapshots.weekStart})` })
    .from(scoreSnapshots)
    .where(eq(scoreSnapshots.scope, "member"))
    .get()?.week;
  if (!week) return [];
  return db
    .select({
      username: users.username,
      displayName: users.displayName,
      total: scoreSnapshots.total,
      achievement: scoreSnapshots.achievement,
      loyalty: scoreSnapshots.loyalty,
    })
    .from(scoreSnapshots)
    .innerJoin(users, eq(users.id, scoreSnapshots.scopeId))
    .where(and(eq(scoreSnapshots.weekStart, week), eq(scoreSnapshots.scope, "member")))
    .orderBy(desc(sql`${scoreSnapshots.loyalty} + ${scoreSnapshots.achievement}`), desc(scoreSnapshots.total), asc(users.username))
    .limit(limit)
    .all();
}

// Where one member's loyalty stands among all members in the latest stored week: the share of
// members whose loyalty is lower, ties counted half (0…100), or null before any week is stored.
export function loyaltyPercentile(userId: number): { loyalty: number; percentile: number; members: number } | null {
  const row = getDb().$client
    .prepare(
      `with week as (select max(week_start) as w from score_snapshots where scope = 'member'),
       me as (select loyalty from score_snapshots, week where scope = 'member' and week_start = week.w and scope_id = @userId)
       select me.loyalty as loyalty, count(*) as members, sum(s.loyalty < me.loyalty) as below, sum(s.loyalty = me.loyalty) as ties
       from score_snapshots s, week, me where s.scope = 'member' and s.week_start = week.w group by me.loyalty`,
    )
    .get({ userId }) as { loyalty: number; members: number; below: number; ties: number } | undefined;
  if (!row || row.members === 0) return null;
  return { loyalty: row.loyalty, members: row.members, percentile: Math.round((100 * (row.below + (row.ties - 1) / 2)) / Math.max(1, row.members - 1)) };
}
