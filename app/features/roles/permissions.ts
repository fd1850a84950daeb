// Who may do what: pure checks on plain data, used by actions (the server decides) and by
// components (only to hide what would be refused anyway).
import type { Role, SuggestionStatus } from "#db/enums";

type Actor = { id: number; role: Role } | null | undefined;

export const STAFF_ROLES: readonly Role[] = ["staff", "lead", "admin"];

// Product leads review the word-of-mouth score; admins see everything.
export const LEAD_ROLES: readonly Role[] = ["lead", "admin"];

export function canViewLeadsDashboard(actor: Pick<NonNullable<Actor>, "role"> | null | undefined): boolean {
  return !!actor && LEAD_ROLES.includes(actor.role);
}

export function isStaff(actor: Pick<NonNullable<Actor>, "role"> | null | undefined): boolean {
  return !!actor && STAFF_ROLES.includes(actor.role);
}

// Long enough to fix a typo after a first reaction, short enough that votes and replies
// still refer to what was written.
export const AUTHOR_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

export function canEditSuggestion(
  actor: Actor,
  suggestion: { authorId: number; createdAt: Date },
  now = Date.now(),
): boolean {
  if (!actor) return false;
  if (isStaff(actor)) return true;
  return actor.id === suggestion.authorId && now - suggestion.createdAt.getTime() < AUTHOR_EDIT_WINDOW_MS;
}

export function editWindowEndsAt(suggestion: { createdAt: Date }): Date {
  return new Date(suggestion.createdAt.getTime() + AUTHOR_EDIT_WINDOW_MS);
}

const VOTING_CLOSED: readonly SuggestionStatus[] = ["shipped", "declined", "duplicate"];

export function isVotingOpen(status: SuggestionStatus): boolean {
  return !VOTING_CLOSED.includes(status);
}

export function canPostOfficialReply(actor: Actor): boolean {
  return isStaff(actor);
}
