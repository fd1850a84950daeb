// Weekly snapshots of the word-of-mouth score: recomputed for the community, every board and
// every member and stored per week (one row per scope and week, replaced when recomputed),
// so the dashboard reads history instead of recomputing it.
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client";
import { scoreSnapshots, users } from "#db/schema";
import { getDb } from "~/db.server";
import { gatherAll } from "./gather.server";
import { sproutScore, type ScoreReport, type ScoreSignals } from "./index";
import { addWeeks, weekStart } from "./weeks";

export type SnapshotScope = "community" | "board" | "member";

// What a snapshot's report column holds: the signals it was computed from (the dashboard's
// NPS and participation come from here) and, for the community and boards, the report. A
// member's report is recomputed from its signals when read: 50,000 full reports a week would
// weigh hundreds of megabytes, and the pure core gives the same report from the same signals.
type StoredReport = { signals: ScoreSignals; report?: ScoreReport };

export type Snapshot = {
  weekStart: string;
  scope: SnapshotScope;
  scopeId: number;
  total: number;
  satisfaction: number;
  achievement: number;
  loyalty: number;
  signals: ScoreSignals;
  report: ScoreReport;
};

export type RecomputeProgress = { phase: SnapshotScope | "saving"; done: number; total: number };

// Written in chunks, each its own transaction, so the server's readers never wait long.
const CHUNK = 2_000;

export function recomputeScores(now = new Date(), options: { onProgress?: (p: RecomputeProgress) => void; db?: Db } = {}) {
  const db = options.db ?? getDb();
  const week = weekStart(now);
  const computedAt = now;
  const rows: (typeof scoreSnapshots.$inferInsert)[] = [];
  for (const scope of ["community", "board", "member"] as const) {
    const signalsByKey = gatherAll(scope, now, db);
    let done = 0;
    for (const [scopeId, signals] of signalsByKey) {
      const report = sproutScore(signals);
      rows.push({
        weekStart: week,
        scope,
        scopeId,
        total: report.total,
        satisfaction: report.satisfaction,
        achievement: report.achievement,
        loyalty: report.loyalty,
        report: JSON.stringify((scope === "member" ? { signals } : { signals, report }) satisfies StoredReport),
        computedAt,
      });
      if (++done % CHUNK === 0) options.onProgress?.({ phase: scope, done, total: signalsByKey.size });
    }
    options.onProgress?.({ phase: scope, done, total: signalsByKey.size });
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    db.transaction((tx) => {
      tx.insert(scoreSnapshots)
        .values(rows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [scoreSnapshots.weekStart, scoreSnapshots.scope, scoreSnapshots.scopeId],
          set: {
            total: sql`excluded.total`,
            satisfaction: sql`excluded.satisfaction`,
            achievement: sql`excluded.achievement`,
            loyalty: sql`excluded.loyalty`,
            report: sql`excluded.report`,
            computedAt: sql`excluded.computed_at`,
          },
        })
        .run();
    });
    options.onProgress?.({ phase: "saving", done: Math.min(i + CHUNK, rows.length), total: rows.length });
  }
  return { week, snapshots: rows.length };
}

function toSnapshot(row: typeof scoreSnapshots.$inferSelect): Snapshot {
  const stored = JSON.parse(row.report) as StoredReport;
  return {
    weekStart: row.weekStart,
    scope: row.scope,
    scopeId: row.scopeId,
    total: row.total,
    satisfaction: row.satisfaction,
    achievement: row.achievement,
    loyalty: row.loyalty,
    signals: stored.signals,
    report: stored.report ?? sproutScore(stored.signals),
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
