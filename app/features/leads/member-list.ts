// The leads' member list: its columns, filters, sorts and the rules that place a member in a
// status and a loyalty band. Pure: the weekly recomputation stores what these rules say
// (member_loyalty), the list reads it back with the same names.
import { z } from "zod";
import { MEMBER_STATUSES } from "~/features/scoring/member-facts";

// Loyalty bands a lead filters by: the same cut-offs everywhere (list, cohorts, CSV).
export const LOYALTY_BANDS = { low: [0, 40], middle: [40, 70], high: [70, 100.01] } as const;
export type LoyaltyBand = keyof typeof LOYALTY_BANDS;
export const LOYALTY_BAND_NAMES = Object.keys(LOYALTY_BANDS) as LoyaltyBand[];

export function loyaltyBand(loyalty: number): LoyaltyBand {
  return loyalty < LOYALTY_BANDS.low[1] ? "low" : loyalty < LOYALTY_BANDS.middle[1] ? "middle" : "high";
}

// Every column of the list, in display order; each is sortable. The loyalty parts are the
// loyalty terms of the score (app/features/scoring/terms.ts).
export const LOYALTY_PARTS = ["returning", "activeWeeks", "repeatContribution", "honors", "privileges", "recommendation", "invitations"] as const;
export type LoyaltyPart = (typeof LOYALTY_PARTS)[number];
export const MEMBER_COLUMNS = [
  "name",
  "loyalty",
  ...LOYALTY_PARTS,
  "achievement",
  "satisfaction",
  "percentile",
  "honorLevel",
  "cohort",
  "boards",
  "joinedAt",
  "lastActive",
  "status",
  "inviteesStayed",
] as const;
export type MemberColumn = (typeof MEMBER_COLUMNS)[number];
export const SORTABLE_COLUMNS = MEMBER_COLUMNS.filter((c) => c !== "boards");

export const PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim().slice(0, max) : undefined), z.string().optional());
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => ((values as readonly unknown[]).includes(v) ? v : undefined), z.enum(values).optional());

// What the list's query string may say. Anything unknown or malformed is ignored, never a
// 500: a shared link with a stale filter still opens the list.
export const memberQuerySchema = z.object({
  q: optionalText(64),
  cohort: z.preprocess((v) => (typeof v === "string" && /^\d{4}-\d{2}$/.test(v) ? v : undefined), z.string().optional()),
  level: z.preprocess((v) => (typeof v === "string" && /^[0-4]$/.test(v) ? Number(v) : undefined), z.number().int().optional()),
  board: optionalText(64),
  band: optionalEnum(LOYALTY_BAND_NAMES as [LoyaltyBand, ...LoyaltyBand[]]),
  status: optionalEnum(MEMBER_STATUSES),
  // Drill-downs from the dashboard's breakdowns.
  honors: z.preprocess((v) => (v === "1" ? true : undefined), z.boolean().optional()),
  invited: z.preprocess((v) => (v === "1" ? true : undefined), z.boolean().optional()),
  ratedLow: z.preprocess((v) => (v === "1" ? true : undefined), z.boolean().optional()),
  sort: optionalEnum(SORTABLE_COLUMNS as unknown as [MemberColumn, ...MemberColumn[]]),
  dir: optionalEnum(["asc", "desc"] as const),
  page: z.preprocess((v) => (typeof v === "string" && /^[1-9]\d{0,5}$/.test(v) ? Number(v) : undefined), z.number().int().min(1).optional()),
});
export type MemberQuery = z.infer<typeof memberQuerySchema>;

export function parseMemberQuery(params: URLSearchParams): MemberQuery {
  // Every field falls back to "not given" on its own; this is the net under that.
  return memberQuerySchema.safeParse(Object.fromEntries(params)).data ?? {};
}

// The query string of a list view, without empty values: links keep every other filter.
export function memberQueryString(query: MemberQuery, change: Partial<Record<keyof MemberQuery, string | number | boolean | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === null || value === false || value === "") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

// The members behind a breakdown row: who a lead can act on when a term is low. Board
// dashboards add their board.
export const TERM_DRILL_DOWNS: Partial<Record<string, MemberQuery>> = {
  usage: { status: "at_risk" },
  stickiness: { status: "at_risk" },
  participation: { status: "active", sort: "repeatContribution", dir: "asc" },
  // Not retained: gone, oldest members first.
  returning: { status: "gone", sort: "joinedAt", dir: "asc" },
  activeWeeks: { status: "at_risk", sort: "activeWeeks", dir: "asc" },
  repeatContribution: { sort: "repeatContribution", dir: "asc" },
  // Holding honors but no longer active.
  honors: { honors: true, status: "at_risk" },
  privileges: { honors: true, status: "gone" },
  // Who invited members who stayed.
  invitations: { invited: true, sort: "inviteesStayed" },
  // Who rated shipped features low.
  featureRatings: { ratedLow: true },
  recommendation: { sort: "recommendation", dir: "asc" },
};

export function drillDownHref(termId: string, board?: string): string | null {
  const query = TERM_DRILL_DOWNS[termId];
  return query ? `/leads/members${memberQueryString({ ...query, board })}` : null;
}
