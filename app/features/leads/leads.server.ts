// The product leads' dashboard's live figures: what the weekly snapshots do not hold
// (response-time distribution, adoption funnel, cohort retention, members to thank and to
// win back, complaints). Each is one or two aggregate queries; the score itself and its
// history are read from score_snapshots (scoring/snapshots.server.ts).
import type Database from "better-sqlite3";
import { forbidden, getOptionalUser } from "~/features/accounts/auth.server";
import type { SessionUser } from "~/features/accounts/sessions.server";
import { findBoardBySlug, listBoards, visibilityKey } from "~/features/boards/boards.server";
import { cached } from "~/platform/cache.server";
import { findUserByUsername } from "~/features/accounts/accounts.server";
import { getDb } from "~/platform/db.server";
import { addDays, activityDay } from "~/features/honors/rules/activity";
import { canViewLeadsDashboard } from "~/features/roles/permissions";
import { netPromoterScore } from "~/features/scoring/recommendation-survey";
import { gatherSignals } from "~/features/scoring/gather.server";
import { sproutScore } from "~/features/scoring/index";
import { latestSnapshots, loyaltyPercentile, scoreHistory, topAdvocates, type Snapshot } from "~/features/scoring/snapshots.server";
import { SCORE_FORMULA } from "~/features/scoring/stored-signals";
import { weekStart } from "~/features/scoring/weeks";
import { getSetting } from "~/platform/settings.server";
import { latestMemberRun } from "~/features/leads/members.server";
import { suggestionFunnel } from "~/features/leads/suggestion-counts";
import { ACHIEVEMENT_WINDOW_DAYS } from "~/features/scoring/signals";

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

// Which suggestions a figure is about: all, one board's, or one member's.
export type LeadsScope = { kind: "community" } | { kind: "board"; boardId: number } | { kind: "member"; userId: number };

function suggestionFilter(scope: LeadsScope): { where: string; params: Record<string, number> } {
  if (scope.kind === "board") return { where: "board_id = @scopeId", params: { scopeId: scope.boardId } };
  if (scope.kind === "member") return { where: "author_id = @scopeId", params: { scopeId: scope.userId } };
  return { where: "1 = 1", params: {} };
}

const sqlite = (): Database.Database => getDb().$client;

// The value at a fraction of the sorted values (nearest rank), by the database.
function percentile(valuesSql: string, params: Record<string, unknown>, fraction: number): number | null {
  const n = (sqlite().prepare(`select count(*) from (${valuesSql})`).pluck().get(params) as number) ?? 0;
  if (n === 0) return null;
  const offset = Math.min(n - 1, Math.max(0, Math.ceil(fraction * n) - 1));
  return sqlite().prepare(`select value from (${valuesSql}) order by value limit 1 offset ${offset}`).pluck().get(params) as number;
}

// Buckets a lead reads at a glance; the last one is open-ended.
export const RESPONSE_BUCKETS_HOURS = [1, 4, 12, 24, 48, 168] as const;

export type ResponseTimeDistribution = {
  targetHours: number;
  answered: number;
  unanswered: number;
  medianHours: number | null;
  p90Hours: number | null;
  withinTargetShare: number | null;
  // counts[i] answered within RESPONSE_BUCKETS_HOURS[i] (and over the previous bucket); the
  // last entry is everything slower.
  buckets: { upToHours: number | null; count: number }[];
};

// Over the score's suggestions: its 180-day window (features/leads/suggestion-counts.ts).
export function responseTimeDistribution(scope: LeadsScope, now = new Date()): ResponseTimeDistribution {
  const targetHours = getSetting("responseTargetHours");
  const filter = suggestionFilter(scope);
  const where = `${filter.where} and created_at > @windowFrom and created_at <= @windowTo`;
  const params = { ...filter.params, windowFrom: now.getTime() - ACHIEVEMENT_WINDOW_DAYS * DAY_MS, windowTo: now.getTime() };
  const base = `from suggestions where ${where} and status != 'duplicate' and hidden_at is null`;
  const values = `select (first_official_reply_at - created_at) / ${HOUR_MS}.0 as value ${base} and first_official_reply_at is not null`;
  const bucketColumns = RESPONSE_BUCKETS_HOURS.map((h, i) => {
    const lower = i === 0 ? "" : `value > ${RESPONSE_BUCKETS_HOURS[i - 1]} and `;
    return `coalesce(sum(${lower}value <= ${h}), 0) as b${i}`;
  });
  const row = sqlite()
    .prepare(
      `select count(*) as answered, coalesce(sum(value <= @target), 0) as within, ${bucketColumns.join(", ")},
         coalesce(sum(value > ${RESPONSE_BUCKETS_HOURS.at(-1)}), 0) as slower from (${values})`,
    )
    .get({ ...params, target: targetHours }) as Record<string, number>;
  const unanswered = sqlite().prepare(`select count(*) ${base} and first_official_reply_at is null`).pluck().get(params) as number;
  return {
    targetHours,
    answered: row.answered,
    unanswered,
    medianHours: percentile(values, params, 0.5),
    p90Hours: percentile(values, params, 0.9),
    withinTargetShare: row.answered === 0 ? null : row.within / row.answered,
    buckets: [
      ...RESPONSE_BUCKETS_HOURS.map((h, i) => ({ upToHours: h as number | null, count: row[`b${i}`] })),
      { upToHours: null, count: row.slower },
    ],
  };
}

export type Cohort = {
  /** YYYY-MM: the month the cohort's members joined (joinCohort, the same as the member list). */
  month: string;
  members: number;
  /** Share of the cohort active in its month 0, 1, 2, … since joining; null when there were none. */
  retention: (number | null)[];
  /** From the latest stored week (member_loyalty): average loyalty, active and gone members. */
  loyalty: number | null;
  active: number;
  gone: number;
};

const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

// Monthly join cohorts of the last `months` months × months since joining: the share of each
// cohort active (an activity day) in each calendar month since; and each cohort's loyalty in
// the latest stored week. The cohort is the one the member list filters by.
export function cohortRetention(now = new Date(), months = 12): Cohort[] {
  const last = monthIndex(now.toISOString().slice(0, 7));
  const first = monthOf(last - months + 1);
  const from = Date.parse(`${first}-01T00:00:00Z`);
  const rows = sqlite()
    .prepare(
      `with cohort as (
         select id as user_id, strftime('%Y-%m', created_at / 1000, 'unixepoch') as month
         from users where role = 'member' and deleted_at is null and created_at >= @from and created_at <= @now
       )
       select c.month, a.month as activeMonth, count(*) as active
       from cohort c join (select distinct user_id, substr(day, 1, 7) as month from activity_days where day >= @firstDay and day <= @today) a
         on a.user_id = c.user_id and a.month >= c.month
       group by c.month, a.month`,
    )
    .all({ from, now: now.getTime(), firstDay: `${first}-01`, today: activityDay(now) }) as { month: string; activeMonth: string; active: number }[];
  const sizes = new Map(
    (
      sqlite()
        .prepare(
          `select strftime('%Y-%m', created_at / 1000, 'unixepoch') as month, count(*) as members
           from users where role = 'member' and deleted_at is null and created_at >= @from and created_at <= @now group by month`,
        )
        .all({ from, now: now.getTime() }) as { month: string; members: number }[]
    ).map((r) => [r.month, r.members]),
  );
  const week = latestMemberRun()?.week;
  const loyalty = new Map(
    (week
      ? (sqlite()
          .prepare(
            `select cohort, avg(loyalty) as loyalty, sum(status = 'active') as active, sum(status = 'gone') as gone
             from member_loyalty where week_start = ? group by cohort`,
          )
          .all(week) as { cohort: string; loyalty: number; active: number; gone: number }[])
      : []
    ).map((r) => [r.cohort, r]),
  );
  return Array.from({ length: months }, (_, i) => {
    const month = monthOf(last - months + 1 + i);
    const members = sizes.get(month) ?? 0;
    const retention = Array.from({ length: months - i }, (_, age) => {
      if (members === 0) return null;
      const activeMonth = monthOf(monthIndex(month) + age);
      return (rows.find((r) => r.month === month && r.activeMonth === activeMonth)?.active ?? 0) / members;
    });
    const stored = loyalty.get(month);
    return { month, members, retention, loyalty: stored ? Math.round(stored.loyalty * 10) / 10 : null, active: stored?.active ?? 0, gone: stored?.gone ?? 0 };
  });
}

export type AtRiskMember = { username: string; displayName: string; daysActiveBefore: number; lastActiveDay: string; quietDays: number };

// Formerly active members gone quiet: active on at least 5 days in the 9 weeks before the
// last 3, and not at all since. The most active before come first: the biggest loss.
export const QUIET_DAYS = 21;
const FORMERLY_ACTIVE_DAYS = 5;

export function atRiskMembers(now = new Date(), limit = 20): AtRiskMember[] {
  const today = activityDay(now);
  const quietSince = addDays(today, -QUIET_DAYS);
  const rows = sqlite()
    .prepare(
      `select u.username, u.display_name as displayName, a.before as daysActiveBefore, a.last as lastActiveDay
       from (
         select user_id, sum(day <= @quietSince) as before, max(day) as last
         from activity_days where day > @from and day <= @today group by user_id
       ) a join users u on u.id = a.user_id
       where u.role = 'member' and a.last <= @quietSince and a.before >= ${FORMERLY_ACTIVE_DAYS}
       order by a.before desc, a.last desc limit ${limit}`,
    )
    .all({ quietSince, today, from: addDays(today, -12 * 7) }) as Omit<AtRiskMember, "quietDays">[];
  return rows.map((r) => ({ ...r, quietDays: Math.round((Date.parse(today) - Date.parse(r.lastActiveDay)) / DAY_MS) }));
}

export type ComplaintSummary = {
  bySubject: { subject: string; filed: number; open: number; resolved: number; averageRating: number | null }[];
  medianResolutionHours: number | null;
};

export function complaintSummary(): ComplaintSummary {
  const bySubject = sqlite()
    .prepare(
      `select subject, count(*) as filed, sum(status != 'resolved') as open, sum(status = 'resolved') as resolved,
         avg(resolution_rating) as averageRating
       from complaints group by subject order by subject`,
    )
    .all() as ComplaintSummary["bySubject"];
  const values = `select (resolved_at - created_at) / ${HOUR_MS}.0 as value from complaints where resolved_at is not null`;
  return { bySubject, medianResolutionHours: percentile(values, {}, 0.5) };
}

// ---------------------------------------------------------------------------------------
// Rights and scopes.

// Leads and admins only. Visitors get 403 too (not a login page): these are data pages and
// downloads, and a link to them says nothing to anyone else.
export function requireLead(request: Request) {
  const user = getOptionalUser(request);
  if (!canViewLeadsDashboard(user)) throw forbidden();
  return user!;
}

export type ResolvedScope =
  | { kind: "community" }
  | { kind: "board"; boardId: number; slug: string; nameEn: string; nameZh: string }
  | { kind: "member"; userId: number; username: string; displayName: string };

// ?board=slug or a member's username; unknown ones are 404, never an empty dashboard.
export function resolveScope(viewer: SessionUser, query: { board?: string | null; member?: string | null }): ResolvedScope {
  if (query.member) {
    const user = findUserByUsername(query.member.slice(0, 64));
    if (!user) throw new Response("Not found", { status: 404 });
    return { kind: "member", userId: user.id, username: user.username, displayName: user.displayName };
  }
  if (query.board) {
    const board = findBoardBySlug(query.board.slice(0, 64), viewer);
    if (!board) throw new Response("Not found", { status: 404 });
    return { kind: "board", boardId: board.id, slug: board.slug, nameEn: board.nameEn, nameZh: board.nameZh };
  }
  return { kind: "community" };
}

// ---------------------------------------------------------------------------------------
// The dashboard.

export const TREND_WEEKS = 12;

function snapshotKey(scope: ResolvedScope) {
  if (scope.kind === "board") return { scope: "board" as const, scopeId: scope.boardId };
  if (scope.kind === "member") return { scope: "member" as const, scopeId: scope.userId };
  return { scope: "community" as const, scopeId: 0 };
}

// The score of the current week: its stored snapshot. When this week's run has not happened yet (the server recomputes it shortly after the week
// starts), the latest stored week of the current formula is shown, marked as an earlier week:
// never a gathering of the whole forum to show one scope. Live only before any stored week.
function currentScore(scope: ResolvedScope, history: Snapshot[], now: Date) {
  const latest = history.filter((h) => h.formula === SCORE_FORMULA).at(-1);
  if (latest) return { ...latest, live: false, earlierWeek: latest.weekStart !== weekStart(now) };
  const signals = gatherSignals(scope, now);
  const report = sproutScore(signals);
  return { weekStart: weekStart(now), signals, report, total: report.total, satisfaction: report.satisfaction, achievement: report.achievement, loyalty: report.loyalty, live: true, earlierWeek: false };
}

// The live panels (response times, funnel, cohorts, members at risk) scan the whole forum,
// which takes seconds at 100,000 suggestions: a dashboard is served from memory until
// something changes, and for at most five minutes (cache.server.ts).
export function leadsDashboard(scope: ResolvedScope, viewer: SessionUser, now?: Date) {
  const key = `leads:${JSON.stringify(scope)}:${visibilityKey(viewer)}:${now?.getTime() ?? ""}`;
  return cached(key, () => computeDashboard(scope, viewer, now ?? new Date()), { maxAgeMs: 5 * 60_000 });
}

function computeDashboard(scope: ResolvedScope, viewer: SessionUser, now: Date) {
  const history = scoreHistory(snapshotKey(scope), TREND_WEEKS, now);
  const current = currentScore(scope, history, now);
  // A week-over-week change only between weeks of the same formula: the first formula's
  // numbers mean something else (docs/scoring.md, "History").
  const previous = history.filter((h) => h.weekStart < current.weekStart).at(-1) ?? null;
  const change = previous && previous.formula === SCORE_FORMULA
    ? {
        total: current.total - previous.total,
        satisfaction: current.satisfaction - previous.satisfaction,
        achievement: current.achievement - previous.achievement,
        loyalty: current.loyalty - previous.loyalty,
      }
    : null;
  const trend = history.map(({ weekStart, total, satisfaction, achievement, loyalty, formula }) => ({
    weekStart,
    total,
    satisfaction,
    achievement,
    loyalty,
    previousFormula: formula !== SCORE_FORMULA,
  }));
  const community = scope.kind === "community";
  return {
    current: { weekStart: current.weekStart, live: current.live, earlierWeek: current.earlierWeek, report: current.report, signals: current.signals },
    // A member's loyalty among all members' in the latest stored week.
    loyaltyRank: scope.kind === "member" ? loyaltyPercentile(scope.userId) : null,
    change,
    trend,
    nps: netPromoterScore(current.signals.survey),
    responseTimes: responseTimeDistribution(scope, now),
    // The same suggestions as the score shows (features/leads/suggestion-counts.ts).
    funnel: suggestionFunnel(current.signals),
    // The community view also compares boards and names people; a board or a member has its
    // own score, trend, replies and funnel.
    cohorts: community ? cohortRetention(now) : null,
    advocates: community ? topAdvocates() : null,
    atRisk: community ? atRiskMembers(now) : null,
    boards: community ? boardComparison(viewer) : null,
    complaints: community ? complaintSummary() : null,
  };
}

export type BoardRow = { slug: string; nameEn: string; nameZh: string; total: number | null; satisfaction: number | null; achievement: number | null; loyalty: number | null; change: number | null };

// Every board the lead can see, with its latest stored score and the change since the week before.
export function boardComparison(viewer: SessionUser): BoardRow[] {
  const boards = listBoards(viewer);
  const { current, previous } = latestSnapshots("board", boards.map((b) => b.id));
  const byId = new Map(current.map((s) => [s.scopeId, s]));
  return boards
    .map((b) => {
      const s = byId.get(b.id);
      const before = previous.get(b.id);
      return {
        slug: b.slug,
        nameEn: b.nameEn,
        nameZh: b.nameZh,
        total: s?.total ?? null,
        satisfaction: s?.satisfaction ?? null,
        achievement: s?.achievement ?? null,
        loyalty: s?.loyalty ?? null,
        change: s && before ? s.total - before.total : null,
      };
    })
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1));
}

export type LeadsDashboard = ReturnType<typeof leadsDashboard>;
