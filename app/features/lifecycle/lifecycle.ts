// The suggestion lifecycle as a pure state machine (DESIGN.md):
//   open → under_review → planned → in_progress → shipped, plus declined and duplicate.
// Besides that main line, staff may:
//   - skip triage steps forward (open → planned/in_progress, under_review → in_progress),
//     because an obvious idea needs no ceremony;
//   - step back one stage (under_review → open, planned → under_review, in_progress →
//     planned) when plans change;
//   - decline anything not yet shipped, and reopen a declined suggestion (→ open or
//     under_review) when the team changes its mind.
// shipped is final: what shipped stays shipped (a regression is a new suggestion), and it
// can only be reached from planned or in_progress, so every shipped idea was once on the
// roadmap. The one exception is a correction (revertError): a ship made by mistake is taken
// back to the status before it. duplicate is entered only by a merge and left only by undoing it.
import { SUGGESTION_STATUSES, type SuggestionStatus } from "#db/enums";

export const NOTE_MAX = 2000;

const TRANSITIONS: Record<SuggestionStatus, readonly SuggestionStatus[]> = {
  open: ["under_review", "planned", "in_progress", "declined"],
  under_review: ["open", "planned", "in_progress", "declined"],
  planned: ["under_review", "in_progress", "shipped", "declined"],
  in_progress: ["planned", "shipped", "declined"],
  shipped: [],
  declined: ["open", "under_review"],
  duplicate: [],
};

// Statuses that answer the suggestion one way or the other; the first one reached stamps
// first_decision_at. Triage (under_review) and reopening are not decisions.
const DECISIONS: readonly SuggestionStatus[] = ["planned", "in_progress", "shipped", "declined", "duplicate"];

// Adopted: the team took the idea on, on the roadmap or shipped. The score's adoption and the
// honors' adopted-suggestion badges count these.
export const ADOPTED_STATUSES: readonly SuggestionStatus[] = ["planned", "in_progress", "shipped"];

// A public note explains every "no": declining and merging away must say why.
const NOTE_REQUIRED: readonly SuggestionStatus[] = ["declined", "duplicate"];

export type LifecycleError =
  | "lifecycle.errors.sameStatus"
  | "lifecycle.errors.notAllowed"
  | "lifecycle.errors.noteRequired"
  | "lifecycle.errors.noteTooLong"
  | "lifecycle.errors.mergeIntoItself"
  | "lifecycle.errors.mergeIntoDuplicate"
  | "lifecycle.errors.mergeFromFinal"
  | "lifecycle.errors.mergeIntoLessVisible"
  | "lifecycle.errors.revertNotLatest"
  | "lifecycle.errors.revertMerge"
  | "lifecycle.errors.revertCorrection";

export function isStatus(value: unknown): value is SuggestionStatus {
  return typeof value === "string" && (SUGGESTION_STATUSES as readonly string[]).includes(value);
}

export function allowedTransitions(from: SuggestionStatus): readonly SuggestionStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: SuggestionStatus, to: SuggestionStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isDecision(to: SuggestionStatus): boolean {
  return DECISIONS.includes(to);
}

export function isNoteRequired(to: SuggestionStatus): boolean {
  return NOTE_REQUIRED.includes(to);
}

function noteError(to: SuggestionStatus, note: string): LifecycleError | null {
  if (note.trim().length > NOTE_MAX) return "lifecycle.errors.noteTooLong";
  if (isNoteRequired(to) && note.trim() === "") return "lifecycle.errors.noteRequired";
  return null;
}

// Why a manual status change is refused, or null when it may go ahead.
export function transitionError(from: SuggestionStatus, to: SuggestionStatus, note: string): LifecycleError | null {
  if (from === to) return "lifecycle.errors.sameStatus";
  if (!canTransition(from, to)) return "lifecycle.errors.notAllowed";
  return noteError(to, note);
}

// A merge moves the source to duplicate. Shipped and duplicate sources are final; the
// target must be a suggestion that stands on its own (not itself merged away).
type BoardVisibility = "public" | "early_access";

export function mergeError(
  source: { id: number; status: SuggestionStatus; visibility?: BoardVisibility },
  target: { id: number; status: SuggestionStatus; visibility?: BoardVisibility },
  note: string,
): LifecycleError | null {
  if (source.id === target.id) return "lifecycle.errors.mergeIntoItself";
  // The source's page says "duplicate of <target>" to everyone who sees it, its followers
  // are told the target's title and its voters' votes move there: a public suggestion may
  // not point where its public cannot follow.
  if (source.visibility === "public" && target.visibility === "early_access") return "lifecycle.errors.mergeIntoLessVisible";
  if (target.status === "duplicate") return "lifecycle.errors.mergeIntoDuplicate";
  if (source.status === "shipped" || source.status === "duplicate") return "lifecycle.errors.mergeFromFinal";
  return noteError("duplicate", note);
}

// Taking back a wrong status change, shipped included (the one way out of shipped): only the
// suggestion's latest change, only while the suggestion still has the status it set, never a
// merge (undoing the merge does that) nor a correction itself, and always with a public note.
// The suggestion goes back to the status it had before.
export type RevertableChange = { id: number; fromStatus: SuggestionStatus; toStatus: SuggestionStatus; revertsId: number | null };

export function revertError(
  change: RevertableChange,
  suggestion: { status: SuggestionStatus; latestChangeId: number | null },
  note: string,
): LifecycleError | null {
  if (change.toStatus === "duplicate") return "lifecycle.errors.revertMerge";
  if (change.revertsId !== null) return "lifecycle.errors.revertCorrection";
  if (suggestion.latestChangeId !== change.id || suggestion.status !== change.toStatus) return "lifecycle.errors.revertNotLatest";
  if (note.trim() === "") return "lifecycle.errors.noteRequired";
  if (note.trim().length > NOTE_MAX) return "lifecycle.errors.noteTooLong";
  return null;
}

export function canRevert(change: RevertableChange, suggestion: { status: SuggestionStatus; latestChangeId: number | null }): boolean {
  return revertError(change, suggestion, "a note") === null;
}

export function canMergeFrom(status: SuggestionStatus): boolean {
  return status !== "shipped" && status !== "duplicate";
}

// Which form field an error belongs to, so the staff form can show it in place.
export function errorField(error: LifecycleError): "to" | "note" | "targetId" {
  switch (error) {
    case "lifecycle.errors.noteRequired":
    case "lifecycle.errors.noteTooLong":
      return "note";
    case "lifecycle.errors.revertNotLatest":
    case "lifecycle.errors.revertMerge":
    case "lifecycle.errors.revertCorrection":
      return "to";
    case "lifecycle.errors.mergeIntoItself":
    case "lifecycle.errors.mergeIntoDuplicate":
    case "lifecycle.errors.mergeFromFinal":
    case "lifecycle.errors.mergeIntoLessVisible":
      return "targetId";
    default:
      return "to";
  }
}
