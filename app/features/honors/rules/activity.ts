// Days active and streaks, from activity_days rows ('YYYY-MM-DD', UTC). Pure.

const DAY_MS = 24 * 60 * 60 * 1000;

export function activityDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

// The longest run of consecutive days in `days` (any order, duplicates allowed).
export function longestStreak(days: readonly string[]): number {
  const numbers = [...new Set(days.map(dayNumber))].sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  numbers.forEach((n, i) => {
    run = i > 0 && n === numbers[i - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  });
  return longest;
}

// The run that ends today, or yesterday (today's visit may not have happened yet).
export function currentStreak(days: readonly string[], today: Date): number {
  const active = new Set(days.map(dayNumber));
  let day = dayNumber(activityDay(today));
  if (!active.has(day)) day--;
  let run = 0;
  while (active.has(day - run)) run++;
  return run;
}

// Days active in the `windowDays` days ending today (today included).
export function recentDaysActive(days: readonly string[], today: Date, windowDays: number): number {
  const last = dayNumber(activityDay(today));
  return new Set(days.map(dayNumber).filter((n) => n <= last && n > last - windowDays)).size;
}

export function addDays(day: string, count: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + count * DAY_MS).toISOString().slice(0, 10);
}
