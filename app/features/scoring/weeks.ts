// Weeks of the score's history: each snapshot belongs to the week starting on its Monday
// (UTC), written YYYY-MM-DD so that sorting the text sorts the weeks. Pure.
const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

export function weekStart(at: Date): string {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  // getUTCDay: Sunday 0 … Saturday 6; Monday starts the week.
  const sinceMonday = (at.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

export function addWeeks(week: string, count: number): string {
  return new Date(Date.parse(`${week}T00:00:00Z`) + count * WEEK_MS).toISOString().slice(0, 10);
}

// The last `count` weeks ending with the one `at` falls in, oldest first.
export function recentWeeks(at: Date, count: number): string[] {
  const last = weekStart(at);
  return Array.from({ length: count }, (_, i) => addWeeks(last, i - count + 1));
}
