// Response times: how fast the team answered, decided and shipped a suggestion, and how a
// waiting item's clock stands against the response target. Pure arithmetic over stored
// stamps, shared by the suggestion page, the staff queue and the score.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Stamps = {
  createdAt: Date | string;
  firstOfficialReplyAt: Date | string | null;
  firstDecisionAt: Date | string | null;
  shippedAt: Date | string | null;
};

export type ResponseTimes = { firstReplyMs: number | null; firstDecisionMs: number | null; shipMs: number | null };

const since = (start: Date | string, end: Date | string | null) =>
  end === null ? null : Math.max(0, new Date(end).getTime() - new Date(start).getTime());

export function responseTimes(s: Stamps): ResponseTimes {
  return {
    firstReplyMs: since(s.createdAt, s.firstOfficialReplyAt),
    firstDecisionMs: since(s.createdAt, s.firstDecisionAt),
    shipMs: since(s.createdAt, s.shippedAt),
  };
}

export type Duration = { unit: "minutes" | "hours" | "days"; count: number };

// Rounded to what a reader cares about: minutes within the first hour, hours within the
// first two days, days after that. Never "0 minutes": an answer always took some time.
export function roundDuration(ms: number): Duration {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return { unit: "minutes", count: Math.max(1, minutes) };
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return { unit: "hours", count: hours };
  return { unit: "days", count: Math.round(ms / DAY) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export type Clock = "ok" | "amber" | "red";

// A waiting item's clock against the response target. Amber at half the target leaves staff
// the other half to answer in time; red is late.
export const AMBER_AT = 0.5;

export function clockState(waitingMs: number, targetMs: number): Clock {
  if (waitingMs >= targetMs) return "red";
  if (waitingMs >= targetMs * AMBER_AT) return "amber";
  return "ok";
}

// "This week" in staff figures is the last seven days, so it never empties on a Monday.
export const WEEK_MS = 7 * DAY;
