// Gathers the word-of-mouth score's signals (signals.ts) from the forum's data, for the whole
// community, each board and each member at a moment `now`. Everything is counted by the
// database in a handful of grouped queries over two temporary tables, so recomputing every
// member of a large forum stays a matter of seconds; no query runs once per member.
//
// History: every row is taken as it was at `now` (created, answered, resolved, granted before
// it; a suggestion's status from its status changes), so past weeks can be recomputed.
import type Database from "better-sqlite3";
import type { Db } from "#db/client";
import { getDb } from "~/db.server";
import { addDays, activityDay } from "~/honors/activity";
import { getSetting } from "~/settings.server";
import {
  ACTIVE_WINDOW_DAYS,
  COHORT_MAX_AGE_DAYS,
  COHORT_MIN_AGE_DAYS,
  emptySignals,
  SURVEY_WINDOW_DAYS,
  type ScoreSignals,
} from "./signals";

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export type ScoreScope = { kind: "community" } | { kind: "board"; boardId: number } | { kind: "member"; userId: number };
type Grouping = ScoreScope["kind"];

type Params = {
  now: number;
  windowStart: number;
  firstDay: string;
  today: string;
  cohortFrom: number;
  cohortTo: number;
  surveyFrom: number;
  targetMs: number;
};

function paramsAt(now: Date, db: Db): Params {
  const today = activityDay(now);
  return {
    now: now.getTime(),
    windowStart: now.getTime() - ACTIVE_WINDOW_DAYS * DAY_MS,
    firstDay: addDays(today, -(ACTIVE_WINDOW_DAYS - 1)),
    today,
    cohortFrom: now.getTime() - COHORT_MAX_AGE_DAYS * DAY_MS,
    cohortTo: now.getTime() - COHORT_MIN_AGE_DAYS * DAY_MS,
    surveyFrom: now.getTime() - SURVEY_WINDOW_DAYS * DAY_MS,
    targetMs: getSetting("responseTargetHours", db) * HOUR_MS,
  };
}

// ---------------------------------------------------------------------------------------
// The two working tables: suggestions as they stood at `now`, and one row of facts per member.

// A suggestion's status at `now`: its last change up to then; before its first change, what
// that change started from; with no recorded change at all, its stored status.
const STATUS_AT = `coalesce(
  (select sc.to_status from status_changes sc where sc.suggestion_id = s.id and sc.created_at <= @now order by sc.created_at desc, sc.id desc limit 1),
  (select sc.from_status from status_changes sc where sc.suggestion_id = s.id order by sc.created_at, sc.id limit 1),
  s.status)`;

const SCORED_SUGGESTIONS = `
  create temp table scored_suggestions as
  select s.id, s.board_id, s.author_id, s.created_at, ${STATUS_AT} as status,
    case when s.first_official_reply_at <= @now then s.first_official_reply_at - s.created_at end as reply_ms
  from suggestions s
  where s.created_at <= @now and (s.hidden_at is null or s.hidden_at > @now)`;

// Per member: activity in the window, the retention cohort, what they did in the window,
// honors held. Each contribution table is read once, grouped by member; "not indexed" makes
// that a sequential scan (no index serves created_at, and walking the member index would
// look every row up at random). Campaign entries are the suggestions carrying a campaign's tag
// on its board (app/campaigns.server.ts tags them as they are posted), few enough to join.
const MEMBER_FACTS = `
  create temp table member_facts as
  with campaign_entries as (
    select st.suggestion_id as id from campaigns c
    join suggestion_tags st on st.tag_id = c.tag_id
    join suggestions s on s.id = st.suggestion_id and s.board_id = c.board_id
  ),
  contributions as (
    select distinct author_id as user_id, 'post' as kind from suggestions not indexed where created_at > @windowStart and created_at <= @now
    union all select distinct user_id, 'vote' from votes not indexed where created_at > @windowStart and created_at <= @now
    union all select distinct author_id, 'comment' from comments not indexed where created_at > @windowStart and created_at <= @now and is_official = 0
    union all select distinct user_id, 'rate' from ratings not indexed where created_at > @windowStart and created_at <= @now
    union all select distinct s.author_id, 'campaign' from campaign_entries e join suggestions s on s.id = e.id
      where s.created_at > @windowStart and s.created_at <= @now
    union all select distinct v.user_id, 'campaign' from campaign_entries e join votes v on v.suggestion_id = e.id
      where v.created_at > @windowStart and v.created_at <= @now
  ),
  by_member as (
    select user_id, max(kind = 'post') as posted, max(kind = 'vote') as voted, max(kind = 'comment') as commented, max(kind = 'rate') as rated,
      max(kind = 'campaign') as campaigned
    from contributions group by user_id
  ),
  days as (
    select user_id, count(*) as n from activity_days where day between @firstDay and @today group by user_id
  ),
  badges as (select distinct user_id from badge_grants where granted_at <= @now)
  select u.id as user_id,
    coalesce(days.n, 0) as active_days,
    u.created_at between @cohortFrom and @cohortTo as in_cohort,
    coalesce(c.posted, 0) as posted, coalesce(c.voted, 0) as voted,
    coalesce(c.commented, 0) as commented, coalesce(c.rated, 0) as rated, coalesce(c.campaigned, 0) as campaigned,
    badges.user_id is not null as holds_badge,
    (coalesce(u.honor_level_manual, u.honor_level) >= 1 and (u.honor_level_manual is not null or u.honor_level_since is null or u.honor_level_since <= @now)) as privileged
  from users u
  left join days on days.user_id = u.id
  left join by_member c on c.user_id = u.id
  left join badges on badges.user_id = u.id
  where u.role = 'member' and u.created_at <= @now`;

function withWorkingTables<T>(sqlite: Database.Database, params: Params, run: () => T): T {
  const tables = ["scored_suggestions", "member_facts"];
  const drop = () => tables.forEach((t) => sqlite.exec(`drop table if exists temp.${t}`));
  drop();
  try {
    sqlite.prepare(SCORED_SUGGESTIONS).run(params);
    sqlite.exec("create unique index temp.scored_suggestions_id on scored_suggestions(id)");
    sqlite.prepare(MEMBER_FACTS).run(params);
    sqlite.exec("create unique index temp.member_facts_user on member_facts(user_id)");
    return run();
  } finally {
    drop();
  }
}

// ---------------------------------------------------------------------------------------
// Grouped facts. Each query returns one row per key: 0 for the community, a board id, or a
// member id, so the same SQL serves every scope.

type Keyed = { key: number };

const keyOf = {
  // What ties a suggestion to a scope: the community, its board, its author.
  suggestion: { community: "0", board: "s.board_id", member: "s.author_id" },
} as const;

function memberRows(sqlite: Database.Database, grouping: Grouping, params: Params) {
  const agg = `count(*) as members, sum(active_days > 0) as active_members, sum(active_days) as active_days,
    sum(in_cohort) as cohort_members, sum(in_cohort and active_days > 0) as retained,
    sum(posted or voted or commented or rated) as contributors,
    sum(posted) as posters, sum(voted) as voters, sum(commented) as commenters, sum(rated) as raters, sum(campaigned) as campaigners,
    sum(holds_badge) as holding_badges, sum(privileged) as with_privileges`;
  const from = {
    community: `select 0 as key, ${agg} from member_facts`,
    // A board's people: members who had taken part there by then (board_participants).
    board: `select b.board_id as key, ${agg} from board_participants b join member_facts m on m.user_id = b.user_id
      where b.since <= @now group by b.board_id`,
    member: `select user_id as key, ${agg} from member_facts group by user_id`,
  }[grouping];
  return sqlite.prepare(from).all(grouping === "board" ? { now: params.now } : {}) as (Keyed & {
    members: number;
    active_members: number;
    active_days: number;
    cohort_members: number;
    retained: number;
    contributors: number;
    posters: number;
    voters: number;
    commenters: number;
    raters: number;
    campaigners: number;
    holding_badges: number;
    with_privileges: number;
  })[];
}

// Median of a grouped column, by the database: the middle one or two rows of each group.
function medians(sqlite: Database.Database, valuesSql: string, params: Params): Map<number, number> {
  const rows = sqlite
    .prepare(
      `select key, avg(value) as median from (
         select key, value, row_number() over (partition by key order by value) as rn, count(*) over (partition by key) as n
         from (${valuesSql})
       ) where rn in ((n + 1) / 2, (n + 2) / 2) group by key`,
    )
    .all(params) as { key: number; median: number }[];
  return new Map(rows.map((r) => [r.key, r.median]));
}

function suggestionRows(sqlite: Database.Database, grouping: Grouping, params: Params) {
  const key = keyOf.suggestion[grouping];
  const rows = sqlite
    .prepare(
      `select ${key} as key, count(*) as posted,
         sum(status in ('planned', 'in_progress', 'shipped', 'declined')) as decided,
         sum(status in ('planned', 'in_progress', 'shipped')) as adopted,
         sum(status = 'shipped') as shipped,
         sum(reply_ms <= @targetMs) as within_target,
         sum(reply_ms > @targetMs) as late,
         sum(reply_ms is null and @now - created_at > @targetMs) as overdue,
         sum(reply_ms is not null and not exists (
           select 1 from complaints k where k.suggestion_id = s.id and k.subject = 'reply' and k.created_at <= @now
         )) as well_received
       from scored_suggestions s where status != 'duplicate' group by key`,
    )
    .all(params) as (Keyed & {
    posted: number;
    decided: number;
    adopted: number;
    shipped: number;
    within_target: number;
    late: number;
    overdue: number;
    well_received: number;
  })[];
  const medianMs = medians(sqlite, `select ${key} as key, reply_ms as value from scored_suggestions s where status != 'duplicate' and reply_ms is not null`, params);
  return { rows, medianMs };
}

function complaintRows(sqlite: Database.Database, grouping: Grouping, params: Params) {
  // About a board: complaints naming one of its suggestions. A member's: the ones they filed.
  const source = {
    community: `select 0 as key, k.* from complaints k`,
    board: `select s.board_id as key, k.* from complaints k join suggestions s on s.id = k.suggestion_id`,
    member: `select k.user_id as key, k.* from complaints k`,
  }[grouping];
  const filed = `(${source}) where created_at <= @now`;
  const rows = sqlite
    .prepare(
      `select key, count(*) as filed, sum(resolved_at <= @now) as resolved,
         sum(rated_at <= @now and resolution_rating is not null) as rating_count,
         coalesce(sum(case when rated_at <= @now then resolution_rating end), 0) as rating_sum
       from ${filed} group by key`,
    )
    .all(params) as (Keyed & { filed: number; resolved: number; rating_count: number; rating_sum: number })[];
  const medianMs = medians(sqlite, `select key, resolved_at - created_at as value from ${filed} and resolved_at <= @now`, params);
  return { rows, medianMs };
}

function ratingRows(sqlite: Database.Database, grouping: Grouping, params: Params) {
  // A member's satisfaction is in the ratings they gave, not in those their ideas received.
  const key = { community: "0", board: "s.board_id", member: "r.user_id" }[grouping];
  return sqlite
    .prepare(
      `select ${key} as key, sum(r.score = 1) as s1, sum(r.score = 2) as s2, sum(r.score = 3) as s3, sum(r.score = 4) as s4, sum(r.score = 5) as s5
       from ratings r join scored_suggestions s on s.id = r.suggestion_id
       where s.status = 'shipped' and r.created_at <= @now group by key`,
    )
    .all(params) as (Keyed & { s1: number; s2: number; s3: number; s4: number; s5: number })[];
}

// Invitations and share-link signups belong to the community and to the member who brought
// people in; a board shares the community's (they are not about any one board). Invitees
// whose reward was withheld as farmed (app/invitation-rules.ts) are not counted as active.
function invitationRows(sqlite: Database.Database, grouping: Grouping, params: Params) {
  const inviter = grouping === "member" ? "inviter_id" : "0";
  const sharer = grouping === "member" ? "invited_by_id" : "0";
  return sqlite
    .prepare(
      `select key, sum(sent) as sent, sum(joined) as joined, sum(active) as active_invitees, sum(shared) as share_signups from (
         select ${inviter} as key, 1 as sent, joined_at <= @now as joined,
                activated_at <= @now and reward_withheld is null as active, 0 as shared
         from invitations where created_at <= @now
         union all
         select ${sharer}, 0, 0, 0, 1 from users where signup_source = 'share_link' and created_at <= @now
       ) where key is not null group by key`,
    )
    .all(params) as (Keyed & { sent: number; joined: number; active_invitees: number; share_signups: number })[];
}

function surveyRows(sqlite: Database.Database, grouping: Grouping, params: Params) {
  const key = grouping === "member" ? "user_id" : "0";
  return sqlite
    .prepare(
      `select ${key} as key, count(*) as answers, sum(score >= 9) as promoters, sum(score <= 6) as detractors from (
         select user_id, score, max(created_at) from recommendation_answers
         where created_at > @surveyFrom and created_at <= @now group by user_id
       ) group by key`,
    )
    .all(params) as (Keyed & { answers: number; promoters: number; detractors: number })[];
}

// ---------------------------------------------------------------------------------------
// Assembly: the grouped rows into one ScoreSignals per key.

function byKey<T extends Keyed>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.key, r]));
}

const hours = (ms: number | undefined) => (ms === undefined ? null : ms / HOUR_MS);

function gatherGrouped(sqlite: Database.Database, grouping: Grouping, params: Params): Map<number, ScoreSignals> {
  const members = memberRows(sqlite, grouping, params);
  const suggestionFacts = suggestionRows(sqlite, grouping, params);
  const sugg = byKey(suggestionFacts.rows);
  const complaintFacts = complaintRows(sqlite, grouping, params);
  const complaints = byKey(complaintFacts.rows);
  const ratings = byKey(ratingRows(sqlite, grouping, params));
  const shared = grouping === "board" ? "community" : grouping;
  const invitations = byKey(invitationRows(sqlite, shared, params));
  const survey = byKey(surveyRows(sqlite, shared, params));
  const sharedKey = (key: number) => (grouping === "board" ? 0 : key);

  // The community, every board (an untouched one too), every member (never staff).
  const keys = {
    community: [0],
    board: (sqlite.prepare("select id from boards").pluck().all() as number[]),
    member: members.map((m) => m.key),
  }[grouping];
  const result = new Map<number, ScoreSignals>();
  const targetHours = params.targetMs / HOUR_MS;
  const memberByKey = byKey(members);
  for (const key of keys) {
    const signals = emptySignals(targetHours);
    const m = memberByKey.get(key);
    if (m) {
      signals.activity = { members: m.members, activeMembers: m.active_members, activeDays: m.active_days };
      signals.retention = { cohortMembers: m.cohort_members, retained: m.retained };
      signals.participation = {
        contributors: m.contributors,
        posters: m.posters,
        voters: m.voters,
        commenters: m.commenters,
        raters: m.raters,
        campaigners: m.campaigners,
      };
      signals.honors = { holdingBadges: m.holding_badges, withPrivileges: m.with_privileges };
    }
    const s = sugg.get(key);
    if (s) {
      signals.adoption = { posted: s.posted, decided: s.decided, adopted: s.adopted, shipped: s.shipped };
      signals.responses = {
        targetHours,
        due: s.within_target + s.late + s.overdue,
        withinTarget: s.within_target,
        late: s.late,
        overdue: s.overdue,
        wellReceived: s.well_received,
        medianHours: hours(suggestionFacts.medianMs.get(key)),
      };
    }
    const c = complaints.get(key);
    if (c) {
      signals.complaints = {
        filed: c.filed,
        resolved: c.resolved,
        medianResolutionHours: hours(complaintFacts.medianMs.get(key)),
        resolutionRatings: { count: c.rating_count, sum: c.rating_sum },
      };
    }
    const rated = ratings.get(key);
    if (rated) signals.ratings = { stars: [rated.s1, rated.s2, rated.s3, rated.s4, rated.s5] };
    const i = invitations.get(sharedKey(key));
    if (i) signals.invitations = { sent: i.sent, joined: i.joined, activeInvitees: i.active_invitees, shareSignups: i.share_signups };
    const a = survey.get(sharedKey(key));
    if (a) signals.survey = { answers: a.answers, promoters: a.promoters, detractors: a.detractors };
    result.set(key, signals);
  }
  return result;
}

// Signals for every key of the given groupings at once: the community (key 0), every board,
// every member. The working tables are built once for all of them, in one read transaction,
// so every figure comes from the same state of the forum. What the weekly recomputation uses.
export function gatherAll<G extends Grouping>(groupings: readonly G[], now = new Date(), db: Db = getDb()): Record<G, Map<number, ScoreSignals>> {
  const params = paramsAt(now, db);
  const sqlite = db.$client;
  return sqlite.transaction(() =>
    withWorkingTables(sqlite, params, () =>
      Object.fromEntries(groupings.map((g) => [g, gatherGrouped(sqlite, g, params)])) as Record<G, Map<number, ScoreSignals>>,
    ),
  )();
}

export function gatherSignals(scope: ScoreScope, now = new Date(), db: Db = getDb()): ScoreSignals {
  const all = gatherAll([scope.kind], now, db)[scope.kind];
  const key = scope.kind === "community" ? 0 : scope.kind === "board" ? scope.boardId : scope.userId;
  return all.get(key) ?? emptySignals(getSetting("responseTargetHours", db));
}
