// The leads' member list, read from the latest finished week of member_loyalty (written with
// the weekly snapshot): every filter and sort is an indexed read of stored rows, nothing is
// scored per request. The CSV streams every row of the same filtered list, page by page, so a
// download of 50,000 members never holds the database connection between chunks.
import type Database from "better-sqlite3";
import { LRUCache } from "lru-cache";
import { findBoardBySlug, listBoards, visibilityKey } from "~/features/boards/boards.server";
import { cached } from "~/platform/cache.server";
import { toCsv } from "~/platform/csv";
import { getDb, idList } from "~/platform/db.server";
import { translator, type Language } from "~/i18n/i18n";
import type { SessionUser } from "~/features/accounts/sessions.server";
import { LOYALTY_BANDS, LOYALTY_PARTS, MEMBER_COLUMNS, PAGE_SIZE, type LoyaltyPart, type MemberColumn, type MemberQuery } from "./member-list";
import type { MemberStatus } from "~/features/scoring/member-facts";

const sqlite = (): Database.Database => getDb().$client;

export type MemberRow = {
  username: string;
  displayName: string;
  loyalty: number;
  returning: number;
  activeWeeks: number;
  repeatContribution: number;
  honors: number;
  privileges: number;
  recommendation: number;
  invitations: number;
  achievement: number;
  satisfaction: number;
  percentile: number;
  honorLevel: number;
  cohort: string;
  boards: { slug: string; nameEn: string; nameZh: string }[];
  joinedAt: number;
  lastActive: string | null;
  status: MemberStatus;
  inviteesStayed: number;
};

const SORT_SQL: Record<Exclude<MemberColumn, "boards">, string> = {
  name: "lower(u.display_name)",
  loyalty: "m.loyalty",
  returning: `m."returning"`,
  activeWeeks: "m.active_weeks",
  repeatContribution: "m.repeat_contribution",
  honors: "m.honors",
  privileges: "m.privileges",
  recommendation: "m.recommendation",
  invitations: "m.invitations",
  achievement: "m.achievement",
  satisfaction: "m.satisfaction",
  percentile: "m.percentile",
  honorLevel: "m.honor_level",
  cohort: "m.cohort",
  joinedAt: "m.joined_at",
  lastActive: "m.last_active",
  status: "m.status",
  inviteesStayed: "m.invitees_stayed",
};

// The latest week whose recomputation finished (a week being written is not shown half-done),
// and when it finished: a week's rows change only when it is computed again.
export function latestMemberRun(): { week: string; finishedAt: number } | null {
  return (
    (sqlite()
      .prepare("select week_start as week, finished_at as finishedAt from score_runs where finished_at is not null order by week_start desc limit 1")
      .get() as { week: string; finishedAt: number } | undefined) ?? null
  );
}

// usesMember: the filter reads the member's account (users u), not only their stored row;
// storedOnly: it reads nothing but the week's stored rows, so its count is fixed until the
// week is computed again (boards, ratings and names change with the forum).
type Where = { sql: string; params: Record<string, string | number>; usesMember: boolean; storedOnly: boolean };

function whereOf(week: string, query: MemberQuery, boardId: number | null): Where {
  const clauses = ["m.week_start = @week"];
  const params: Record<string, string | number> = { week };
  if (query.cohort) {
    clauses.push("m.cohort = @cohort");
    params.cohort = query.cohort;
  }
  if (query.level !== undefined) {
    clauses.push("m.honor_level = @level");
    params.level = query.level;
  }
  if (boardId !== null) {
    clauses.push("m.user_id in (select user_id from board_participants where board_id = @boardId)");
    params.boardId = boardId;
  }
  if (query.band) {
    clauses.push("m.loyalty >= @bandFrom and m.loyalty < @bandTo");
    [params.bandFrom, params.bandTo] = LOYALTY_BANDS[query.band];
  }
  if (query.status) {
    clauses.push("m.status = @status");
    params.status = query.status;
  }
  if (query.honors) clauses.push("m.holds_honors = 1");
  if (query.invited) clauses.push("m.invitees_stayed > 0");
  // The same "low" as the score's feature ratings: 1 or 2 stars, on a shipped suggestion.
  if (query.ratedLow) {
    clauses.push(
      "exists (select 1 from ratings r join suggestions s on s.id = r.suggestion_id where r.user_id = m.user_id and r.score <= 2 and s.status = 'shipped')",
    );
  }
  if (query.q) {
    clauses.push("(u.username like @q escape '\\' or u.display_name like @q escape '\\')");
    params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return { sql: clauses.join(" and "), params, usesMember: !!query.q, storedOnly: boardId === null && !query.ratedLow && !query.q };
}

// Counting a week's 50,000 rows is a third of the list's database time, and every lead opening
// the list asks for the same few counts: those of stored rows only are kept per finished run.
const storedCounts = new LRUCache<string, number>({ max: 500 });
function countMembers(run: { week: string; finishedAt: number }, where: Where): number {
  // Every stored row has its account (accounts are never removed, only anonymised), so the
  // count joins users only for a name filter: the join made counting a week's 50,000 rows
  // ten times slower.
  const from = where.usesMember ? "member_loyalty m join users u on u.id = m.user_id" : "member_loyalty m";
  const count = () => sqlite().prepare(`select count(*) from ${from} where ${where.sql}`).pluck().get(where.params) as number;
  if (!where.storedOnly) return count();
  const key = `${run.week} ${run.finishedAt} ${where.sql} ${JSON.stringify(where.params)}`;
  let total = storedCounts.get(key);
  if (total === undefined) {
    total = count();
    storedCounts.set(key, total);
  }
  return total;
}

const SELECT = `select m.user_id as userId, u.username, u.display_name as displayName, m.loyalty, m."returning", m.active_weeks as activeWeeks,
  m.repeat_contribution as repeatContribution, m.honors, m.privileges, m.recommendation, m.invitations, m.achievement, m.satisfaction,
  m.percentile, m.honor_level as honorLevel, m.cohort, m.joined_at as joinedAt, m.last_active as lastActive, m.status,
  m.invitees_stayed as inviteesStayed
  from member_loyalty m join users u on u.id = m.user_id`;

function readRows(where: Where, query: MemberQuery, limit: number, offset: number, visibleBoards: Map<number, MemberRow["boards"][number]>): MemberRow[] {
  const sort = SORT_SQL[(query.sort ?? "loyalty") as Exclude<MemberColumn, "boards">] ?? SORT_SQL.loyalty;
  const dir = query.dir ?? (query.sort === "name" || query.sort === "cohort" ? "asc" : "desc");
  const rows = sqlite()
    .prepare(`${SELECT} where ${where.sql} order by ${sort} ${dir} nulls last, u.username asc limit ${limit} offset ${offset}`)
    .all(where.params) as (Omit<MemberRow, "boards"> & { userId: number })[];
  const boards = boardsOf(rows.map((r) => r.userId), visibleBoards);
  return rows.map(({ userId, ...row }) => ({ ...row, boards: boards.get(userId) ?? [] }));
}

// The boards each member took part in, among those the lead can see, by slug. Only the pairs
// come from the database (a page of members took part in boards hundreds of times); the boards
// themselves are the lead's list.
function boardsOf(userIds: number[], visible: Map<number, MemberRow["boards"][number]>) {
  const result = new Map<number, MemberRow["boards"]>();
  if (userIds.length === 0) return result;
  const pairs = sqlite()
    .prepare("select user_id, board_id from board_participants where user_id in (select value from json_each(?))")
    .raw()
    .all(idList(userIds)) as [userId: number, boardId: number][];
  for (const [userId, boardId] of pairs) {
    const board = visible.get(boardId);
    if (!board) continue;
    const boards = result.get(userId);
    if (boards) boards.push(board);
    else result.set(userId, [board]);
  }
  for (const boards of result.values()) boards.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return result;
}

function context(query: MemberQuery, viewer: SessionUser) {
  const boards = listBoards(viewer);
  const board = query.board ? findBoardBySlug(query.board, viewer) : null;
  const visible = new Map(boards.map((b) => [b.id, { slug: b.slug, nameEn: b.nameEn, nameZh: b.nameZh }]));
  return { board, visible };
}

export type MemberList = ReturnType<typeof listMembers>;

// A page of the list is the same for every lead who sees the same boards, until anything
// changes: reading and sorting it was a third of the page.
export function listMembers(query: MemberQuery, viewer: SessionUser) {
  return cached(`leads-members:${JSON.stringify(query)}:${visibilityKey(viewer)}`, () => memberPage(query, viewer));
}

function memberPage(query: MemberQuery, viewer: SessionUser) {
  const { board, visible } = context(query, viewer);
  const run = latestMemberRun();
  const week = run?.week ?? null;
  const filterOptions = {
    boards: [...visible.values()],
    cohorts: week ? (sqlite().prepare("select distinct cohort from member_loyalty where week_start = ? order by cohort desc").pluck().all(week) as string[]) : [],
  };
  // An unknown board in a stale link is dropped from the filters rather than showing nothing.
  const applied: MemberQuery = { ...query, board: board?.slug };
  if (!run) return { week, query: applied, total: 0, page: 1, pages: 0, rows: [] as MemberRow[], filterOptions };
  const where = whereOf(run.week, applied, board?.id ?? null);
  const total = countMembers(run, where);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(applied.page ?? 1, pages);
  return { week, query: { ...applied, page }, total, page, pages, rows: readRows(where, applied, PAGE_SIZE, (page - 1) * PAGE_SIZE, visible), filterOptions };
}

// The list's columns as the lead reads them, for the CSV: the same labels and values as the table.
export function memberCsvColumns(language: Language) {
  const t = translator(language);
  const boardName = (b: MemberRow["boards"][number]) => (language === "zh" ? b.nameZh : b.nameEn);
  const value = (column: MemberColumn, row: MemberRow): string | number | null => {
    switch (column) {
      case "name":
        return row.displayName;
      case "boards":
        return row.boards.map(boardName).join("; ");
      case "joinedAt":
        return new Date(row.joinedAt).toISOString().slice(0, 10);
      case "status":
        return t(`leads.memberList.status.${row.status}`);
      default:
        return row[column];
    }
  };
  return [
    { header: t("leads.memberList.columns.username"), value: (row: MemberRow) => row.username },
    ...MEMBER_COLUMNS.map((column) => ({ header: t(`leads.memberList.columns.${column}`), value: (row: MemberRow) => value(column, row) })),
  ];
}

const CSV_CHUNK = 1_000;

// Every row of the filtered list, in the list's order, as a stream of CSV text.
export function memberCsvStream(query: MemberQuery, viewer: SessionUser, language: Language): ReadableStream<Uint8Array> {
  const { board, visible } = context(query, viewer);
  const week = latestMemberRun()?.week;
  const where = week ? whereOf(week, { ...query, board: board?.slug }, board?.id ?? null) : null;
  const columns = memberCsvColumns(language);
  const encoder = new TextEncoder();
  let offset = 0;
  let headerSent = false;
  return new ReadableStream({
    pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A byte-order mark so spreadsheet programs read the UTF-8 (Chinese labels) correctly.
        controller.enqueue(encoder.encode(`\uFEFF${toCsv(columns, [])}`));
        if (!where) controller.close();
        return;
      }
      const rows = readRows(where!, query, CSV_CHUNK, offset, visible);
      offset += rows.length;
      if (rows.length > 0) controller.enqueue(encoder.encode(csvBody(columns, rows)));
      if (rows.length < CSV_CHUNK) controller.close();
    },
  });
}

// toCsv without its header line: the header went out with the first chunk.
function csvBody(columns: ReturnType<typeof memberCsvColumns>, rows: MemberRow[]): string {
  const text = toCsv(columns, rows);
  return text.slice(text.indexOf("\n") + 1);
}

// How many weeks of a member's loyalty their page charts (member_loyalty keeps every week).
export const MEMBER_TREND_WEEKS = 52;

export type LoyaltyWeek = { weekStart: string; loyalty: number; achievement: number; satisfaction: number; percentile: number } & Record<LoyaltyPart, number>;

// A member's stored weeks, oldest first, and what raised or lowered their loyalty between the
// last two: each loyalty term's change in points, largest first.
export function memberLoyaltyHistory(userId: number) {
  const weeks = (
    sqlite()
      .prepare(
        `select week_start as weekStart, loyalty, achievement, satisfaction, percentile, "returning", active_weeks as activeWeeks,
           repeat_contribution as repeatContribution, honors, privileges, recommendation, invitations
         from member_loyalty where user_id = ? order by week_start desc limit ${MEMBER_TREND_WEEKS}`,
      )
      .all(userId) as LoyaltyWeek[]
  ).reverse();
  const [before, latest] = weeks.slice(-2);
  const changes =
    weeks.length < 2
      ? []
      : LOYALTY_PARTS.map((part) => ({ part, change: Math.round((latest[part] - before[part]) * 100) / 100 }))
          .filter((c) => c.change !== 0)
          .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  return { weeks, changes, since: weeks.length < 2 ? null : before.weekStart };
}
