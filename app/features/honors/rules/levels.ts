// Honor levels 0–4: the rules and thresholds in one pure module, shown to members on the
// help page and applied by app/features/honors/honors.server.ts.
//
// A member's contribution earns points (shipped suggestions weigh most, then adopted ones,
// helpful replies, ratings given, votes received, days active). A level needs its points AND
// its requirements, so votes alone never make a top-level member: levels 2–4 ask for
// adopted or shipped ideas, and the top two ask for recent activity (days active in the last
// RECENT_WINDOW_DAYS), in the spirit of Discourse's trust level 3.
//
// Promotion is immediate. Demotion from levels 1–2 is immediate too; from levels 3–4 it
// waits DEMOTION_GRACE_DAYS after the member last qualified for their level
// (users.honor_level_since holds "last confirmed at this level", refreshed by every
// evaluation that finds the member still qualified). An admin's manual level
// (users.honor_level_manual) overrides everything until cleared.

export type HonorLevel = 0 | 1 | 2 | 3 | 4;

// Lifetime counts, except recentDaysActive (days active in the last RECENT_WINDOW_DAYS).
// Votes received are already filtered by the anti-gaming rules (app/features/honors/rules/anti-gaming.ts).
export type Contribution = {
  shipped: number;
  adopted: number;
  votesReceived: number;
  helpfulReplies: number;
  ratingsGiven: number;
  daysActive: number;
  // Invitations rewarded, on either side: the inviter's and the invitee's (app/features/invitations/invitation-rules.ts).
  invitationRewards: number;
  recentDaysActive: number;
};

export type PointSource = Exclude<keyof Contribution, "recentDaysActive">;

// Points per unit of each contribution. A shipped suggestion also counts as adopted, so
// the author of one shipped idea earns 40 + 15 = 55 points.
export const HONOR_POINT_WEIGHTS: Readonly<Record<PointSource, number>> = {
  shipped: 40,
  adopted: 15,
  helpfulReplies: 10,
  ratingsGiven: 3,
  votesReceived: 1,
  daysActive: 1,
  // Enough to lift a new invitee to level 1; codes are scarce, so it cannot be farmed far.
  invitationRewards: 10,
};

export const RECENT_WINDOW_DAYS = 100;
export const DEMOTION_GRACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

// What a level asks for besides points; "points" is the total of HONOR_POINT_WEIGHTS.
export type RequirementKind = "points" | "shipped" | "adopted" | "recentDaysActive";

export type HonorLevelDefinition = {
  level: HonorLevel;
  name: { en: string; zh: string };
  requires: Partial<Record<RequirementKind, number>>;
};

export const HONOR_LEVELS: readonly HonorLevelDefinition[] = [
  { level: 0, name: { en: "Seed", zh: "种子" }, requires: {} },
  { level: 1, name: { en: "Sprout", zh: "新芽" }, requires: { points: 10 } },
  { level: 2, name: { en: "Sapling", zh: "幼苗" }, requires: { points: 60, adopted: 1 } },
  { level: 3, name: { en: "Tree", zh: "大树" }, requires: { points: 250, shipped: 2, recentDaysActive: 10 } },
  {
    level: 4,
    name: { en: "Honorary developer", zh: "荣誉开发者" },
    requires: { points: 800, shipped: 5, recentDaysActive: 30 },
  },
];

export const TOP_LEVEL: HonorLevel = 4;

// Levels whose loss waits for the grace period.
export function hasDemotionGrace(level: HonorLevel): boolean {
  return level >= 3;
}

export function honorPointsFor(contribution: Contribution): number {
  let points = 0;
  for (const [source, weight] of Object.entries(HONOR_POINT_WEIGHTS) as [PointSource, number][]) {
    points += Math.max(0, contribution[source]) * weight;
  }
  return points;
}

export type Shortfall = { kind: RequirementKind; count: number };

function shortfalls(definition: HonorLevelDefinition, points: number, contribution: Contribution): Shortfall[] {
  const have: Record<RequirementKind, number> = {
    points,
    shipped: contribution.shipped,
    adopted: contribution.adopted,
    recentDaysActive: contribution.recentDaysActive,
  };
  const missing: Shortfall[] = [];
  for (const [kind, needed] of Object.entries(definition.requires) as [RequirementKind, number][]) {
    if (have[kind] < needed) missing.push({ kind, count: needed - have[kind] });
  }
  return missing;
}

// The highest level whose points and requirements are all met (levels are cumulative).
export function honorLevelFor(points: number, contribution: Contribution): HonorLevel {
  let earned: HonorLevel = 0;
  for (const definition of HONOR_LEVELS) {
    if (shortfalls(definition, points, contribution).length > 0) break;
    earned = definition.level;
  }
  return earned;
}

export type StoredHonorLevel = {
  level: HonorLevel;
  // When the member last qualified for `level` (see the header comment).
  since: Date | null;
  manual: HonorLevel | null;
};

// The level to store after an evaluation, and the new honor_level_since.
export function settleHonorLevel(
  stored: StoredHonorLevel,
  earned: HonorLevel,
  now: Date,
): { level: HonorLevel; since: Date | null } {
  if (stored.manual !== null) {
    return { level: stored.manual, since: stored.level === stored.manual ? stored.since ?? now : now };
  }
  if (earned >= stored.level) return { level: earned, since: now };
  const lastQualified = stored.since ?? now;
  const graceOver = now.getTime() - lastQualified.getTime() >= DEMOTION_GRACE_DAYS * DAY_MS;
  if (hasDemotionGrace(stored.level) && !graceOver) return { level: stored.level, since: lastQualified };
  return { level: earned, since: now };
}

// What is missing to reach the next level, ready to put in words ("2 more shipped
// suggestions to reach Tree"). `level` is the level to reach; null at the top. Pass the
// stored level when it is above what the contribution earns (grace period, manual grant),
// so progress points past it.
export function progressToNextLevel(
  contribution: Contribution,
  currentLevel?: HonorLevel,
): { level: HonorLevel; points: number; missing: Shortfall[] } | null {
  const points = honorPointsFor(contribution);
  const from = Math.max(honorLevelFor(points, contribution), currentLevel ?? 0);
  const next = HONOR_LEVELS[from + 1];
  if (!next) return null;
  return { level: next.level, points, missing: shortfalls(next, points, contribution) };
}

export function isHonorLevel(value: unknown): value is HonorLevel {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= TOP_LEVEL;
}
