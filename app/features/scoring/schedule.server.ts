// The weekly score, recomputed by the server itself: every process checks once an hour (and
// shortly after it starts) whether the current week has a snapshot, and the one process that
// claims the week runs it. The claim is a row with the week as its primary key (score_runs),
// so across cluster workers and restarts exactly one run per week starts; a claim whose run
// never finished (the process died) is taken over after CLAIM_EXPIRES_MS. `npm run score`
// recomputes by hand and records the week the same way.
import type { Db } from "#db/client";
import { getDb } from "~/platform/db.server";
import { recomputeScores } from "~/features/scoring/snapshots.server";
import { weekStart } from "~/features/scoring/weeks";

export const CHECK_EVERY_MS = 60 * 60_000;
export const CLAIM_EXPIRES_MS = 2 * 60 * 60_000;
const FIRST_CHECK_MS = 10_000;

// True when this process now holds the week: no one claimed it, or a claim expired unfinished.
export function claimWeek(week: string, by: string, now = Date.now(), db: Db = getDb()): boolean {
  const result = db.$client
    .prepare(
      `insert into score_runs (week_start, claimed_at, claimed_by) values (@week, @now, @by)
       on conflict (week_start) do update set claimed_at = excluded.claimed_at, claimed_by = excluded.claimed_by
       where score_runs.finished_at is null and score_runs.claimed_at < @expired`,
    )
    .run({ week, by, now, expired: now - CLAIM_EXPIRES_MS });
  return result.changes === 1;
}

export type ScheduledRun = { week: string; ran: boolean; durationMs?: number; snapshots?: number };

// One check: recompute the week of `now` if this process wins its claim.
export function runWeeklyScoreIfDue(now = new Date(), db: Db = getDb(), by = `pid ${process.pid}`): ScheduledRun {
  const week = weekStart(now);
  if (!claimWeek(week, by, now.getTime(), db)) return { week, ran: false };
  const started = performance.now();
  const { snapshots } = recomputeScores(now, { db });
  return { week, ran: true, snapshots, durationMs: Math.round(performance.now() - started) };
}

let started = false;

// Called once per server process (app/entry.server.tsx). SCORE_SCHEDULE=off leaves the
// recomputation to `npm run score` (a deployment with an external scheduler).
export function startWeeklyScoring() {
  if (started || process.env.SCORE_SCHEDULE === "off" || process.env.VITEST) return;
  started = true;
  const check = () => {
    try {
      const run = runWeeklyScoreIfDue();
      if (run.ran) console.info(`sprout: weekly score for ${run.week}: ${run.snapshots} snapshots in ${run.durationMs} ms`);
    } catch (error) {
      // A failed run leaves its claim unfinished; it is retried once the claim expires.
      console.error("sprout: weekly score failed", error);
    }
  };
  setTimeout(check, FIRST_CHECK_MS).unref();
  setInterval(check, CHECK_EVERY_MS).unref();
}
