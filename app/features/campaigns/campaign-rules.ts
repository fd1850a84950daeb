// Campaigns ("Suggest for the next release"): time-boxed calls for ideas on one board. The
// rules are pure: where a campaign stands at a moment, which new suggestions are its entries,
// how entries rank and when staff may pick among them.

export type CampaignPhase = "upcoming" | "running" | "finished";

export type CampaignWindow = { startsAt: Date; endsAt: Date };

// Running from its start (inclusive) to its end (exclusive): at the very moment it ends it
// is finished, so one instant never belongs to two phases.
export function campaignPhase(campaign: CampaignWindow, now: Date): CampaignPhase {
  const t = now.getTime();
  if (t < campaign.startsAt.getTime()) return "upcoming";
  return t < campaign.endsAt.getTime() ? "running" : "finished";
}

// A suggestion is an entry of every campaign running on its board when it was posted.
export function isCampaignEntry(campaign: CampaignWindow & { boardId: number }, suggestion: { boardId: number; postedAt: Date }): boolean {
  return campaign.boardId === suggestion.boardId && campaignPhase(campaign, suggestion.postedAt) === "running";
}

// Staff choose their picks once the voting that ranks the entries is over.
export function canPickEntries(campaign: CampaignWindow, now: Date): boolean {
  return campaignPhase(campaign, now) === "finished";
}

export type TimeLeft = { days: number; hours: number; minutes: number };

// Until the end of a running campaign (or the start of an upcoming one): whole days, hours and
// minutes, rounded up to the minute so "0 minutes" never shows while time remains.
export function timeUntil(moment: Date, now: Date): TimeLeft {
  const minutes = Math.max(0, Math.ceil((moment.getTime() - now.getTime()) / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

const SLUG_MAX = 48;

// A URL slug from the English title ("Suggest for 6.0!" → "suggest-for-6-0"); titles with no
// Latin letters or digits fall back to "campaign". The caller makes it unique.
export function campaignSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents, split off by NFKD: "é" → "e"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX)
    .replace(/-+$/, "");
  return slug || "campaign";
}

export type DurationUnit = "days" | "hours" | "minutes";

// The two largest units worth saying ("2 days, 5 hours"; "40 minutes"): exact minutes do
// not matter when days remain.
export function leadingUnits(time: TimeLeft): { unit: DurationUnit; count: number }[] {
  const units = (["days", "hours", "minutes"] as const).map((unit) => ({ unit, count: time[unit] }));
  const first = units.findIndex((u) => u.count > 0);
  if (first === -1) return [{ unit: "minutes", count: 0 }];
  return units.slice(first, first + 2).filter((u) => u.count > 0);
}
