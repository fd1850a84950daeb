// What the word-of-mouth score is computed from: plain counts and sums gathered from the
// forum's data for one scope (the community, a board or a member) at one moment `now`.
// The core (app/scoring/index.ts) never sees the database; the gatherer fills this in.
//
// Conventions, so every gatherer counts the same way:
// - "members" are accounts with role "member" (staff, leads and admins are not the crowd
//   being scored) that existed at `now`.
// - "active" means at least one activity_days row in the ACTIVE_WINDOW_DAYS days up to and
//   including `now`'s day.
// - Counts are of distinct members or distinct items, never of events, unless said otherwise.
// - Missing data is a zero count, never null: the core shrinks small samples itself.
// - Each field is either a population (members, posted, due, filed, answers…) or a count of
//   good things within it; the core never divides by a count of good things, so that more
//   of a good thing can never lower the score.

export const ACTIVE_WINDOW_DAYS = 30;
// A retention cohort: members who joined between these many days before `now`.
export const COHORT_MIN_AGE_DAYS = 60;
export const COHORT_MAX_AGE_DAYS = 365;
// Recommendation survey answers older than this are ignored (members are asked at most once
// a quarter, so a year holds up to four answers each; only the latest per member counts).
export const SURVEY_WINDOW_DAYS = 365;

export type ScoreSignals = {
  activity: {
    /** Members who existed at `now`. */
    members: number;
    /** Members active at least once in the last ACTIVE_WINDOW_DAYS days. */
    activeMembers: number;
    /** Sum over members of their distinct active days in that window (0…30 each). */
    activeDays: number;
  };

  retention: {
    /** Members who joined COHORT_MIN_AGE_DAYS…COHORT_MAX_AGE_DAYS days before `now`. */
    cohortMembers: number;
    /** Of those, members active in the last ACTIVE_WINDOW_DAYS days: they came back. */
    retained: number;
  };

  participation: {
    /** Members who, in the window, posted, voted, commented or rated (any of them). */
    contributors: number;
    /** Per kind, members who did it in the window (for the dashboard; overlapping). */
    posters: number;
    voters: number;
    commenters: number;
    raters: number;
    /**
     * Of the contributors, members who posted a campaign's entry or voted on one in the window:
     * campaigns count toward participation through those posts and votes, and this says how much.
     */
    campaigners: number;
  };

  adoption: {
    /** Suggestions posted (all time), not counting duplicates merged away or hidden ones. */
    posted: number;
    /** Of those, suggestions with a decision: planned, in_progress, shipped or declined. */
    decided: number;
    /** Of those, adopted: planned, in_progress or shipped. */
    adopted: number;
    /** Of those, shipped. */
    shipped: number;
  };

  responses: {
    /** Response target in hours (the admin setting responseTargetHours). */
    targetHours: number;
    /**
     * Suggestions whose first official reply is due: answered ones, plus unanswered ones
     * that have waited longer than the target. due = withinTarget + late + overdue.
     */
    due: number;
    /** First official reply within the target. */
    withinTarget: number;
    /** First official reply, but after the target. */
    late: number;
    /** Still unanswered and past the target. */
    overdue: number;
    /**
     * Answered suggestions (withinTarget + late) whose replies were well received: no
     * complaint with subject "reply" was filed about the suggestion.
     */
    wellReceived: number;
    /** Median hours to the first official reply over answered suggestions; null if none. */
    medianHours: number | null;
  };

  complaints: {
    /** Complaints filed (all time) about the scope. */
    filed: number;
    /** Of those, resolved. */
    resolved: number;
    /** Median hours from filing to resolution over resolved complaints; null if none. */
    medianResolutionHours: number | null;
    /** Resolution ratings given by filers, 1–5: how many and their sum. */
    resolutionRatings: { count: number; sum: number };
  };

  /**
   * Experience-report ratings of shipped features (one per member and feature), as counts
   * by stars: stars[0] is how many 1-star ratings, … stars[4] how many 5-star ratings.
   */
  ratings: { stars: [number, number, number, number, number] };

  honors: {
    /** Members holding at least one badge. */
    holdingBadges: number;
    /** Members whose effective honor level (manual override first) is 1 or more. */
    withPrivileges: number;
  };

  invitations: {
    /** Invitations created. */
    sent: number;
    /** Invitations that a new member joined through. */
    joined: number;
    /** Members who joined through an invitation and became active (activated_at set). */
    activeInvitees: number;
    /** Members who signed up through a share link. */
    shareSignups: number;
  };

  /** The recommendation survey (0–10), each member's latest answer in SURVEY_WINDOW_DAYS. */
  survey: {
    answers: number;
    /** Answers of 9 or 10. */
    promoters: number;
    /** Answers of 0 to 6. */
    detractors: number;
  };
};

/** Signals of a forum with nothing in it: the starting point for gatherers and tests. */
export function emptySignals(targetHours = 24): ScoreSignals {
  return {
    activity: { members: 0, activeMembers: 0, activeDays: 0 },
    retention: { cohortMembers: 0, retained: 0 },
    participation: { contributors: 0, posters: 0, voters: 0, commenters: 0, raters: 0, campaigners: 0 },
    adoption: { posted: 0, decided: 0, adopted: 0, shipped: 0 },
    responses: { targetHours, due: 0, withinTarget: 0, late: 0, overdue: 0, wellReceived: 0, medianHours: null },
    complaints: { filed: 0, resolved: 0, medianResolutionHours: null, resolutionRatings: { count: 0, sum: 0 } },
    ratings: { stars: [0, 0, 0, 0, 0] },
    honors: { holdingBadges: 0, withPrivileges: 0 },
    invitations: { sent: 0, joined: 0, activeInvitees: 0, shareSignups: 0 },
    survey: { answers: 0, promoters: 0, detractors: 0 },
  };
}
