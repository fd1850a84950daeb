// What the weekly recomputation stores about each member besides their score (member_loyalty):
// their status, join cohort and percentile. Pure; the leads' member list reads the same names.

// Active: a visit in the score's 30-day window (the score's own "active"). At risk: none in
// 30 days but one in the last 90. Gone: none in 90 days, or never.
export const ACTIVE_DAYS = 30;
export const AT_RISK_DAYS = 90;
export const MEMBER_STATUSES = ["active", "at_risk", "gone"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const dayNumber = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

export function memberStatus(lastActive: string | null, today: string): MemberStatus {
  if (!lastActive) return "gone";
  const quiet = dayNumber(today) - dayNumber(lastActive);
  if (quiet < ACTIVE_DAYS) return "active";
  if (quiet < AT_RISK_DAYS) return "at_risk";
  return "gone";
}

// The cohort the score and the lists use: the calendar month (UTC) the member joined.
export function joinCohort(joinedAt: number): string {
  return new Date(joinedAt).toISOString().slice(0, 7);
}

// Share of members with lower loyalty, ties counted half, 0…100: one rule for every member of
// a week, computed once when the week is stored.
export function percentiles(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const firstIndex = new Map<number, number>();
  const counts = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  const n = values.length;
  return values.map((v) => Math.round((100 * (firstIndex.get(v)! + (counts.get(v)! - 1) / 2)) / Math.max(1, n - 1)));
}
