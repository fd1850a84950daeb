// The dashboard's tables as CSV: the same figures the page shows, one download per table.
// Headers are the labels the dashboard's tables show, and word values (terms, dimensions,
// steps, subjects, yes/no) are translated the same way, in the lead's language: the caller
// passes the translator, so this module stays pure.
import { toCsv, type CsvColumn } from "~/platform/csv";
import type { Language } from "~/i18n/i18n";
import type { LeadsDashboard } from "~/features/leads/leads.server";

export type Translate = (key: string, values?: Record<string, unknown>) => string;

export const LEADS_TABLES = ["breakdown", "trend", "response-times", "funnel", "cohorts", "advocates", "at-risk", "boards", "complaints"] as const;
export type LeadsTable = (typeof LEADS_TABLES)[number];

const round = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);

function table<Row>(columns: CsvColumn<Row>[], rows: readonly Row[] | null): string | null {
  return rows ? toCsv(columns, rows) : null;
}

// null: the table is not part of this scope's dashboard (cohorts of one board, for example).
export function leadsTableCsv(name: LeadsTable, data: LeadsDashboard, t: Translate, language: Language): string | null {
  const yesNo = (x: boolean) => t(x ? "leads.csv.yes" : "leads.csv.no");
  switch (name) {
    case "breakdown":
      return table(
        [
          { header: t("leads.term"), value: (x) => t(`scoring.terms.${x.id}.name`) },
          { header: t("leads.dimension"), value: (x) => t(`scoring.dimensions.${x.dimension}`) },
          { header: t("leads.csv.group"), value: (x) => t(`scoring.groups.${x.group}`) },
          { header: t("leads.points"), value: (x) => x.points },
          { header: t("leads.csv.maxPoints"), value: (x) => x.maxPoints },
          { header: t("leads.missing"), value: (x) => x.missing },
          { header: t("leads.csv.sample"), value: (x) => x.sample },
          { header: t("leads.csv.enoughData"), value: (x) => yesNo(x.enoughData) },
          { header: t("leads.csv.priorWeight"), value: (x) => x.priorWeight },
        ],
        data.current.report.terms,
      );
    case "trend":
      return table(
        [
          { header: t("leads.csv.weekStart"), value: (w) => w.weekStart },
          { header: t("leads.total"), value: (w) => w.total },
          { header: t("scoring.dimensions.satisfaction"), value: (w) => w.satisfaction },
          { header: t("scoring.dimensions.achievement"), value: (w) => w.achievement },
          { header: t("scoring.dimensions.loyalty"), value: (w) => w.loyalty },
          { header: t("leads.csv.formula"), value: (w) => t(w.previousFormula ? "leads.csv.previousFormula" : "leads.csv.currentFormula") },
        ],
        data.trend,
      );
    case "response-times":
      return table(
        [
          { header: t("leads.csv.answeredWithin"), value: (b) => b.upToHours ?? t("leads.slower") },
          { header: t("leads.csv.suggestions"), value: (b) => b.count },
        ],
        data.responseTimes.buckets,
      );
    case "funnel":
      return table(
        [
          { header: t("leads.csv.step"), value: (s) => t(`leads.funnelSteps.${s.step}`) },
          { header: t("leads.csv.suggestions"), value: (s) => s.count },
          { header: t("leads.csv.rateFromPrevious"), value: (s) => round(s.rateFromPrevious, 3) },
        ],
        data.funnel,
      );
    case "cohorts": {
      const width = Math.max(0, ...(data.cohorts ?? []).map((c) => c.retention.length));
      type Row = NonNullable<LeadsDashboard["cohorts"]>[number];
      return table(
        [
          { header: t("leads.joinMonth"), value: (c: Row) => c.month },
          { header: t("leads.members"), value: (c: Row) => c.members },
          { header: t("scoring.dimensions.loyalty"), value: (c: Row) => c.loyalty },
          { header: t("leads.memberList.status.active"), value: (c: Row) => c.active },
          { header: t("leads.memberList.status.gone"), value: (c: Row) => c.gone },
          ...Array.from({ length: width }, (_, age) => ({ header: t("leads.monthN", { n: age }), value: (c: Row) => round(c.retention[age], 3) })),
        ],
        data.cohorts,
      );
    }
    case "advocates":
      return table(
        [
          { header: t("leads.memberList.columns.username"), value: (a) => a.username },
          { header: t("leads.member"), value: (a) => a.displayName },
          { header: t("leads.total"), value: (a) => a.total },
          { header: t("scoring.dimensions.achievement"), value: (a) => a.achievement },
          { header: t("scoring.dimensions.loyalty"), value: (a) => a.loyalty },
        ],
        data.advocates,
      );
    case "at-risk":
      return table(
        [
          { header: t("leads.memberList.columns.username"), value: (m) => m.username },
          { header: t("leads.member"), value: (m) => m.displayName },
          { header: t("leads.daysActiveBefore"), value: (m) => m.daysActiveBefore },
          { header: t("leads.lastActive"), value: (m) => m.lastActiveDay },
          { header: t("leads.quietDays"), value: (m) => m.quietDays },
        ],
        data.atRisk,
      );
    case "boards":
      return table(
        [
          { header: t("leads.csv.boardSlug"), value: (b) => b.slug },
          { header: t("leads.board"), value: (b) => (language === "zh" ? b.nameZh : b.nameEn) },
          { header: t("leads.total"), value: (b) => b.total },
          { header: t("scoring.dimensions.satisfaction"), value: (b) => b.satisfaction },
          { header: t("scoring.dimensions.achievement"), value: (b) => b.achievement },
          { header: t("scoring.dimensions.loyalty"), value: (b) => b.loyalty },
          { header: t("leads.weekChange"), value: (b) => round(b.change, 2) },
        ],
        data.boards,
      );
    case "complaints":
      return table(
        [
          { header: t("leads.subject"), value: (c) => t(`leads.subjects.${c.subject}`) },
          { header: t("leads.filed"), value: (c) => c.filed },
          { header: t("leads.open"), value: (c) => c.open },
          { header: t("leads.resolved"), value: (c) => c.resolved },
          { header: t("leads.averageRating"), value: (c) => round(c.averageRating, 2) },
        ],
        data.complaints?.bySubject ?? null,
      );
  }
}
