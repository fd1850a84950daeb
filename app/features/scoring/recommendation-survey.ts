// The recommendation survey's rules, pure: when a member is asked "How likely are you to
// recommend Sprout to a friend?" and how the answers become a Net Promoter Score.
const DAY_MS = 24 * 60 * 60 * 1000;

// At most once a quarter: an answer is good for 90 days.
export const SURVEY_INTERVAL_MS = 90 * DAY_MS;
// "Not now" hides the question for a month, then it asks again (still at most one answer a quarter).
export const SURVEY_SNOOZE_MS = 30 * DAY_MS;
export const SURVEY_COMMENT_MAX = 1000;

export function isSurveyDue(input: {
  enabled: boolean;
  isMember: boolean;
  lastAnsweredAt: Date | null;
  dismissedAt: Date | null;
  now: Date;
}): boolean {
  if (!input.enabled || !input.isMember) return false;
  const now = input.now.getTime();
  if (input.lastAnsweredAt && now - input.lastAnsweredAt.getTime() < SURVEY_INTERVAL_MS) return false;
  if (input.dismissedAt && now - input.dismissedAt.getTime() < SURVEY_SNOOZE_MS) return false;
  return true;
}

export type NetPromoterScore = { answers: number; promoters: number; detractors: number; score: number | null };

// Promoters answer 9–10, detractors 0–6; the score is the share of promoters minus the share
// of detractors, in points from -100 to 100 (null without answers). Takes the counts
// the score's gatherer makes.
export function netPromoterScore(counts: { answers: number; promoters: number; detractors: number }): NetPromoterScore {
  const { answers, promoters, detractors } = counts;
  return { answers, promoters, detractors, score: answers === 0 ? null : Math.round(((promoters - detractors) / answers) * 1000) / 10 };
}
