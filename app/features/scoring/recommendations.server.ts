// The recommendation survey: who is asked and recording an answer. The rules are in
// recommendation-survey.ts; the score's gatherer counts the answers.
import { desc, eq } from "drizzle-orm";
import { recommendationAnswers } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { isSurveyDue, SURVEY_INTERVAL_MS } from "~/features/scoring/recommendation-survey";
import { getSetting } from "~/platform/settings.server";

// "Not now" is remembered by the browser: a dismissal is not an answer and needs no row.
export const SURVEY_SNOOZE_COOKIE = "sprout_survey_snoozed";

export function surveySnoozedAt(request: Request): Date | null {
  const match = /(?:^|;\s*)sprout_survey_snoozed=(\d{1,15})/.exec(request.headers.get("Cookie") ?? "");
  return match ? new Date(Number(match[1])) : null;
}

export function snoozeCookie(now: Date): string {
  return `${SURVEY_SNOOZE_COOKIE}=${now.getTime()}; Path=/; Max-Age=${60 * 60 * 24 * 90}; HttpOnly; SameSite=Lax`;
}

function lastAnswerAt(userId: number): Date | null {
  const row = getDb()
    .select({ createdAt: recommendationAnswers.createdAt })
    .from(recommendationAnswers)
    .where(eq(recommendationAnswers.userId, userId))
    .orderBy(desc(recommendationAnswers.createdAt))
    .limit(1)
    .get();
  return row?.createdAt ?? null;
}

export function shouldAskRecommendation(user: { id: number; role: string } | null, request: Request, now = new Date()): boolean {
  if (!user) return false;
  return isSurveyDue({
    enabled: getSetting("recommendationSurveyEnabled"),
    isMember: user.role === "member",
    lastAnsweredAt: lastAnswerAt(user.id),
    dismissedAt: surveySnoozedAt(request),
    now,
  });
}

// Refused (false) when the survey is off or the member answered within the quarter, so a
// replayed form cannot stuff the score.
export function recordRecommendation(input: { userId: number; score: number; comment: string; now?: Date }): boolean {
  const now = input.now ?? new Date();
  if (!getSetting("recommendationSurveyEnabled")) return false;
  const last = lastAnswerAt(input.userId);
  if (last && now.getTime() - last.getTime() < SURVEY_INTERVAL_MS) return false;
  getDb().insert(recommendationAnswers).values({ userId: input.userId, score: input.score, comment: input.comment, createdAt: now }).run();
  return true;
}
