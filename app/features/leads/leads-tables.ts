// The dashboard's tables as CSV: the same figures the page shows, one download per table.
// Headers are stable machine names, so spreadsheets and scripts built on them keep working.
import { toCsv, type CsvColumn } from "~/platform/csv";
import type { LeadsDashboard } from "~/features/leads/leads.server";

export const LEADS_TABLES = ["breakdown", "trend", "response-times", "funnel", "cohorts", "advocates", "at-risk", "boards", "complaints"] as const;
export type LeadsTable = (typeof LEADS_TABLES)[number];

const round = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function table<Row>(columns: CsvColumn<Row>[], rows: readonly Row[] | null): string | null {
  return rows ? toCsv(columns, rows) : null;
}

// null: the table is not part of this scope's dashboard (cohorts of one board, for example).
export function leadsTableCsv(name: LeadsTable, data: LeadsDashboard): string | null {
  switch (name) {
    case "breakdown":
      return table(
        [
          { header: "term", value: (t) => t.id },
          { header: "dimension", value: (t) => t.dimension },
          { header: "group", value: (t) => t.group },
          { header: "points", value: (t) => t.points },
          { header: "max_points", value: (t) => t.maxPoints },
          { header: "missing", value: (t) => t.missing },
          { header: "sample", value: (t) => t.sample },
          { header: "enough_data", value: (t) => (t.enoughData ? "yes" : "no") },
          { header: "prior_weight", value: (t) => t.priorWeight },
        ],
        data.current.report.terms,
      );
    case "trend":
      return table(
        [
          { header: "week_start", value: (w) => w.weekStart },
          { header: "total", value: (w) => w.total },
          { header: "satisfaction", value: (w) => w.satisfaction },
          { header: "achievement", value: (w) => w.achievement },
          { header: "loyalty", value: (w) => w.loyalty },
          { header: "formula", value: (w) => (w.previousFormula ? "previous" : "current") },
        ],
        data.trend,
      );
    case "response-times":
      return table(
        [
          { header: "answered_within_hours", value: (b) => b.upToHours ?? "more" },
          { header: "suggestions", value: (b) => b.count },
        ],
        data.responseTimes.buckets,
      );
    case "funnel":
      return table(
        [
          { header: "step", value: (s) => s.step },
          { header: "suggestions", value: (s) => s.count },
          { header: "rate_from_previous", value: (s) => round(s.rateFromPrevious, 3) },
        ],
        data.funnel,
      );
    case "cohorts": {
      const width = Math.max(0, ...(data.cohorts ?? []).map((c) => c.retention.length));
      type Row = NonNullable<LeadsDashboard["cohorts"]>[number];
      return table(
        [
          { header: "join_month", value: (c: Row) => c.month },
          { header: "members", value: (c: Row) => c.members },
          { header: "average_loyalty", value: (c: Row) => c.loyalty },
          { header: "active", value: (c: Row) => c.active },
          { header: "gone", value: (c: Row) => c.gone },
          ...Array.from({ length: width }, (_, age) => ({ header: `month_${age}`, value: (c: Row) => round(c.retention[age], 3) })),
        ],
        data.cohorts,
      );
    }
    case "advocates":
      return table(
        [
          { header: "username", value: (a) => a.username },
          { header: "display_name", value: (a) => a.displayName },
          { header: "total", value: (a) => a.total },
          { header: "achievement", value: (a) => a.achievement },
          { header: "loyalty", value: (a) => a.loyalty },
        ],
        data.advocates,
      );
    case "at-risk":
      return table(
        [
          { header: "username", value: (m) => m.username },
          { header: "display_name", value: (m) => m.displayName },
          { header: "days_active_before", value: (m) => m.daysActiveBefore },
          { header: "last_active_day", value: (m) => m.lastActiveDay },
          { header: "quiet_days", value: (m) => m.quietDays },
        ],
        data.atRisk,
      );
    case "boards":
      return table(
        [
          { header: "board", value: (b) => b.slug },
          { header: "name", value: (b) => b.nameEn },
          { header: "total", value: (b) => b.total },
          { header: "satisfaction", value: (b) => b.satisfaction },
          { header: "achievement", value: (b) => b.achievement },
          { header: "loyalty", value: (b) => b.loyalty },
          { header: "change", value: (b) => round(b.change, 2) },
        ],
        data.boards,
      );
    case "complaints":
      return table(
        [
          { header: "subject", value: (c) => c.subject },
          { header: "filed", value: (c) => c.filed },
          { header: "open", value: (c) => c.open },
          { header: "resolved", value: (c) => c.resolved },
          { header: "average_rating", value: (c) => round(c.averageRating, 2) },
        ],
        data.complaints?.bySubject ?? null,
      );
  }
}
