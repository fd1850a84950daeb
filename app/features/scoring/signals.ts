// What the word-of-mouth score is computed from: plain counts and sums gathered from the
// forum's data for one scope (the community, a board or a member) at one moment `now`.
// The core (app/features/scoring/index.ts) never sees the database; the gatherer fills this in.
//
// Conventions, so every gatherer counts the same way:
// - "members" are accounts with role "member" (staff, leads and admins are not the crowd
//   being scored) that existed at `now` and had not deleted their account by then.
// - "active" means at least one activity_days row in the ACTIVE_WINDOW_DAYS days up to and
//   including `now`'s day.
// - Counts are of distinct members or distinct items, never of events, unless said otherwise.
// - Missing data is a zero count, never null: the core shrinks small samples itself.
// - Each field is either a population (members, posted, due, filed, answers…) or a count of
//   good things within it; the core never divides by a count of good things, so that more
//   of a good thing can never lower the score.
// - Every scope uses the same definitions: a board's people are its participants, and what
//   belongs to people (survey answers, friends brought in) is attributed through them.

export const ACTIVE_WINDOW_DAYS = 30;
// Achievement and the team's replies look at the suggestions of this rolling window: a forum
// that stopped listening loses its points within half a year.
export const ACHIEVEMENT_WINDOW_DAYS = 180;
// Loyalty's behaviour window: active weeks and contribution weeks of the last 12 weeks.
export const LOYALTY_WEEKS = 12;
// Return horizons: of the members who joined at least this many days ago, who is still active.
export const RETURN_HORIZONS_DAYS = [30, 90, 180] as const;
// Recommendation survey answers older than this are ignored (members are asked at most once
// a quarter, so a year holds up to four answers each; only the latest per member counts).
export const SURVEY_WINDOW_DAYS = 365;
// Reply-time grades beyond the response target, in hours: a few days, a week; later is "weeks".
export const REPLY_FEW_DAYS_HOURS = 72;
export const REPLY_WEEK_HOURS = 168;
// Badges the app hands out for merely being there: never counted as loyalty.
export const AUTOMATIC_BADGES = ["founding_member", "anniversary"] as const;

export type ScoreScopeKind = "community" | "board" | "member";

export type ScoreSignals = {
  /** Whose signals these are: a member is one person, scored without population shrinkage. */
  scope: ScoreScopeKind;

  activity: {
    /** Members who existed at `now`. */
    members: number;
    /** Members active at least once in the last ACTIVE_WINDOW_DAYS days. */
    activeMembers: number;
    /** Sum over members of their distinct active days in that window (0…30 each). */
    activeDays: number;
    /** Sum over members of their active weeks among the last LOYALTY_WEEKS weeks. */
    activeWeeks: number;
    /** Sum over members of the weeks they could have been active (min(12, weeks since joining)). */
    possibleWeeks: number;
  };

  /**
   * Return at 30, 90 and 180 days: cohortN = members who joined at least N days ago;
   * backN = of those, members active in the last ACTIVE_WINDOW_DAYS days.
   */
  retention: { cohort30: number; back30: number; cohort90: number; back90: number; cohort180: number; back180: number };

  participation: {
    /** Members who, in the last 30 days, posted, voted, commented or rated (any of them). */
    contributors: number;
    /** Per kind, members who did it in the window (for the dashboard; overlapping). */
    posters: number;
    voters: number;
    commenters: number;
    raters: number;
    /** Of the contributors, members who posted a campaign's entry or voted on one. */
    campaigners: number;
    /** Sum over members of the weeks among the last LOYALTY_WEEKS with a contribution. */
    contributionWeeks: number;
  };

  adoption: {
    /** Suggestions posted in the last ACHIEVEMENT_WINDOW_DAYS, not duplicates, not hidden. */
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
     * Suggestions of the window whose first official reply is due: answered ones, plus
     * unanswered ones waiting longer than the target.
     * due = withinTarget + fewDays + week + weeks + overdue.
     */
    due: number;
    /** First official reply within the target. */
    withinTarget: number;
    /** After the target, within REPLY_FEW_DAYS_HOURS. */
    fewDays: number;
    /** After that, within REPLY_WEEK_HOURS. */
    week: number;
    /** Answered, but after more than a week. */
    weeks: number;
    /** Still unanswered and past the target. */
    overdue: number;
    /** Answered suggestions whose reply drew no complaint with subject "reply". */
    wellReceived: number;
    /** Median hours to the first official reply over answered suggestions; null if none. */
    medianHours: number | null;
  };

  complaints: {
    /** Complaints filed (all time) about the scope. */
    filed: number;
    /** Of those, resolved. The rest are open and weigh against the active members. */
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
    /** Members holding an earned badge (automatic badges not counted). */
    holdingBadges: number;
    /** Members whose effective honor level (manual override first) is 1 or more. */
    withPrivileges: number;
    /** Of the badge holders, those active in the last 30 days: only they count as loyalty. */
    activeHolders: number;
    /** Of the privileged members, those active in the last 30 days. */
    activePrivileged: number;
  };

  invitations: {
    /** Invitations created (by the scope's members; by the member for a member). */
    sent: number;
    /** Members who joined through an invitation or a share link (brought in by the member). */
    joined: number;
    /** Of those, members active in the last 30 days: friends who stayed. Farmed ones never. */
    staying: number;
    /** Of those joined, members who came by a share link. */
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
export function emptySignals(targetHours = 24, scope: ScoreScopeKind = "community"): ScoreSignals {
  return {
    scope,
    activity: { members: 0, activeMembers: 0, activeDays: 0, activeWeeks: 0, possibleWeeks: 0 },
    retention: { cohort30: 0, back30: 0, cohort90: 0, back90: 0, cohort180: 0, back180: 0 },
    participation: { contributors: 0, posters: 0, voters: 0, commenters: 0, raters: 0, campaigners: 0, contributionWeeks: 0 },
    adoption: { posted: 0, decided: 0, adopted: 0, shipped: 0 },
    responses: { targetHours, due: 0, withinTarget: 0, fewDays: 0, week: 0, weeks: 0, overdue: 0, wellReceived: 0, medianHours: null },
    complaints: { filed: 0, resolved: 0, medianResolutionHours: null, resolutionRatings: { count: 0, sum: 0 } },
    ratings: { stars: [0, 0, 0, 0, 0] },
    honors: { holdingBadges: 0, withPrivileges: 0, activeHolders: 0, activePrivileged: 0 },
    invitations: { sent: 0, joined: 0, staying: 0, shareSignups: 0 },
    survey: { answers: 0, promoters: 0, detractors: 0 },
  };
}
