// What each honor level unlocks (DESIGN.md, "Honors and privileges"): pure checks on the
// actor's role and level. Actions enforce them on the server; pages use them only to hide
// what would be refused anyway; /honors/levels lists them from PRIVILEGES below.
// Staff (staff, lead, admin) hold every privilege: they moderate anyway.
import type { Role } from "#db/enums";
import { isStaff } from "~/features/roles/permissions";

// An actor without a known level counts as level 0: the least trusted, never the most.
export type PrivilegeActor = { id: number; role: Role; honorLevel?: number } | null | undefined;

export const MAX_HONOR_LEVEL = 4;

// Votes a member may cast per UTC day, by level (index). The top level votes without limit:
// the honorary development group has earned the trust.
const DAILY_VOTE_BUDGETS = [10, 20, 40, 80, Infinity] as const;

const levelOf = (actor: NonNullable<PrivilegeActor>) => Math.min(Math.max(0, Math.floor(actor.honorLevel ?? 0)), MAX_HONOR_LEVEL);

const atLeast = (actor: PrivilegeActor, level: number) => !!actor && (isStaff(actor) || levelOf(actor) >= level);

export function dailyVoteBudgetForLevel(level: number): number {
  return DAILY_VOTE_BUDGETS[Math.min(Math.max(0, Math.floor(level)), MAX_HONOR_LEVEL)];
}

// Infinity when unlimited; 0 for visitors, who cannot vote at all.
export function dailyVoteBudget(actor: PrivilegeActor): number {
  if (!actor) return 0;
  if (isStaff(actor)) return Infinity;
  return dailyVoteBudgetForLevel(levelOf(actor));
}

// Whether one more vote fits in today's budget. Taking a vote back is always allowed and
// does not go through this check.
export function canVote(actor: PrivilegeActor, votesCastToday: number): boolean {
  return votesCastToday < dailyVoteBudget(actor);
}

export const TAG_OTHERS_LEVEL = 2;
export const FLAG_LEVEL = 1;
export const PROPOSE_MERGE_LEVEL = 2;
export const EDIT_OTHERS_TITLES_LEVEL = 3;
export const EARLY_ACCESS_LEVEL = 4;

export function canTagOthers(actor: PrivilegeActor): boolean {
  return atLeast(actor, TAG_OTHERS_LEVEL);
}

// Authors always tag their own suggestions; others' need the privilege.
export function canTagSuggestion(actor: PrivilegeActor, suggestion: { authorId: number }): boolean {
  return !!actor && (actor.id === suggestion.authorId || canTagOthers(actor));
}

export function canFlag(actor: PrivilegeActor): boolean {
  return atLeast(actor, FLAG_LEVEL);
}

// How much one flag counts toward hiding, by the flagger's level. Level-1 flags only put the
// suggestion in front of staff; it takes members trusted at level 2 and up to hide it, and a
// staff flag hides at once.
const FLAG_WEIGHTS = [0, 0, 1, 2, 2] as const;
export const HIDE_WEIGHT = 3;

export function flagWeight(actor: PrivilegeActor): number {
  if (!canFlag(actor)) return 0;
  return isStaff(actor) ? HIDE_WEIGHT : FLAG_WEIGHTS[levelOf(actor!)];
}

// flags: the flaggers of the flags not yet reviewed by staff.
export function shouldHide(flaggers: readonly NonNullable<PrivilegeActor>[]): boolean {
  return flaggers.reduce((sum, flagger) => sum + flagWeight(flagger), 0) >= HIDE_WEIGHT;
}

export function canProposeMerge(actor: PrivilegeActor): boolean {
  return atLeast(actor, PROPOSE_MERGE_LEVEL);
}

// The title only: the body stays the author's words (app/features/roles/permissions.ts canEditSuggestion
// covers authors and staff editing everything).
export function canEditOthersTitles(actor: PrivilegeActor): boolean {
  return atLeast(actor, EDIT_OTHERS_TITLES_LEVEL);
}

// The honorary development group: the early-access board and its suggestions.
export function canSeeEarlyAccess(actor: PrivilegeActor): boolean {
  return atLeast(actor, EARLY_ACCESS_LEVEL);
}

// For the help page: each privilege, the level that unlocks it and its i18n keys
// (privileges.list.<id>.name / .description).
export const PRIVILEGES = [
  { id: "vote", minLevel: 0 },
  { id: "flag", minLevel: FLAG_LEVEL },
  { id: "tagOthers", minLevel: TAG_OTHERS_LEVEL },
  { id: "proposeMerge", minLevel: PROPOSE_MERGE_LEVEL },
  { id: "editOthersTitles", minLevel: EDIT_OTHERS_TITLES_LEVEL },
  { id: "earlyAccess", minLevel: EARLY_ACCESS_LEVEL },
] as const;

export type PrivilegeId = (typeof PRIVILEGES)[number]["id"];

export const privilegeKeys = (id: PrivilegeId) =>
  ({ name: `privileges.list.${id}.name`, description: `privileges.list.${id}.description` }) as const;
