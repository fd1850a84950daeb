// The demo community's score history: the real weekly recomputation run as of each of the
// last weeks, so the leads' dashboard opens on trends rather than on a single point.
import { recomputeScores } from "../../app/features/scoring/snapshots.server";
import { WEEK_MS } from "../../app/features/scoring/weeks";
import type { Db } from "../../db/client";

export const SCORE_HISTORY_WEEKS = 8;

export function seedScoreHistory(db: Db, now: Date) {
  for (let weeksAgo = SCORE_HISTORY_WEEKS - 1; weeksAgo >= 0; weeksAgo--) {
    recomputeScores(new Date(now.getTime() - weeksAgo * WEEK_MS), { db });
  }
}
