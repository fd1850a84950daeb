// The rules of a complaint, as pure functions: its states, who may do what to it, and the
// numbers staff watch. complaints.server.ts applies them; components use them only to hide
// what the server would refuse anyway.
//
// Decisions a successor might question:
// - States: open → acknowledged → resolved, or open → resolved directly. Resolved is final:
//   the conversation closes and what the member still has to say goes into the rating.
// - A complaint is private: only its filer and staff see it. To anyone else it does not
//   exist (the server answers 404, never 403, so its existence is not revealed).
// - Only staff acknowledge, resolve and post as the team; nobody handles a complaint they
//   filed themselves (a staff member's complaint goes to a colleague).
// - Only the filer rates the resolution, 1–5, once it is resolved. The rating stays
//   changeable, like the rating of a shipped feature: the member's latest opinion is the one
//   the score should count, and a changed mind after a follow-up is worth recording.
import type { ComplaintStatus, Role } from "#db/enums";
import { isStaff } from "~/features/roles/permissions";
import { clockState, median, WEEK_MS } from "~/features/lifecycle/response-times";

export type ComplaintActor = { id: number; role: Role } | null | undefined;
export type ComplaintFacts = { userId: number; status: ComplaintStatus };

export const COMPLAINT_TRANSITIONS: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  open: ["acknowledged", "resolved"],
  acknowledged: ["resolved"],
  resolved: [],
};

export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return COMPLAINT_TRANSITIONS[from].includes(to);
}

export const COMPLAINT_ACTIONS = ["view", "reply", "acknowledge", "resolve", "rate"] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

// not_found: the actor may not even know the complaint exists; forbidden: they see it but
// this action is not theirs; invalid_state: theirs, but not in the complaint's current state.
export type ComplaintDecision = { ok: true } | { ok: false; reason: "not_found" | "forbidden" | "invalid_state" };

const allowed: ComplaintDecision = { ok: true };
const refused = (reason: "not_found" | "forbidden" | "invalid_state"): ComplaintDecision => ({ ok: false, reason });

export function decideComplaintAction(
  actor: ComplaintActor,
  complaint: ComplaintFacts,
  action: ComplaintAction,
): ComplaintDecision {
  const isFiler = !!actor && actor.id === complaint.userId;
  const handler = isStaff(actor) && !isFiler;
  if (!isFiler && !isStaff(actor)) return refused("not_found");
  switch (action) {
    case "view":
      return allowed;
    case "reply":
      return complaint.status === "resolved" ? refused("invalid_state") : allowed;
    case "acknowledge":
      if (!handler) return refused("forbidden");
      return canMoveComplaint(complaint.status, "acknowledged") ? allowed : refused("invalid_state");
    case "resolve":
      if (!handler) return refused("forbidden");
      return canMoveComplaint(complaint.status, "resolved") ? allowed : refused("invalid_state");
    case "rate":
      if (!isFiler) return refused("forbidden");
      return complaint.status === "resolved" ? allowed : refused("invalid_state");
  }
}

export function canDoComplaintAction(actor: ComplaintActor, complaint: ComplaintFacts, action: ComplaintAction): boolean {
  return decideComplaintAction(actor, complaint, action).ok;
}

export const RESOLUTION_RATING_MIN = 1;
export const RESOLUTION_RATING_MAX = 5;

export function isResolutionRating(value: number): boolean {
  return Number.isInteger(value) && value >= RESOLUTION_RATING_MIN && value <= RESOLUTION_RATING_MAX;
}

export type ComplaintQueueStats = {
  open: number;
  acknowledged: number;
  overTarget: number;
  medianResolutionMs: number | null;
  resolvedThisWeek: number;
};

// Counts for the staff pages. Unresolved complaints are over target once their age since
// filing reaches the response target (the same clock as suggestions, response-times.ts): the
// member waits until resolution, not only until acknowledgement. "This week" is the rolling
// seven days before now, for the median as for the count.
export function summarizeComplaints(
  complaints: readonly { status: ComplaintStatus; createdAt: Date; resolvedAt: Date | null }[],
  now: number,
  targetMs: number,
): ComplaintQueueStats {
  const stats: ComplaintQueueStats = { open: 0, acknowledged: 0, overTarget: 0, medianResolutionMs: null, resolvedThisWeek: 0 };
  const resolutionTimes: number[] = [];
  for (const c of complaints) {
    if (c.status === "resolved") {
      if (c.resolvedAt && now - c.resolvedAt.getTime() < WEEK_MS && c.resolvedAt.getTime() <= now) {
        stats.resolvedThisWeek += 1;
        resolutionTimes.push(c.resolvedAt.getTime() - c.createdAt.getTime());
      }
      continue;
    }
    stats[c.status] += 1;
    if (clockState(now - c.createdAt.getTime(), targetMs) === "red") stats.overTarget += 1;
  }
  stats.medianResolutionMs = median(resolutionTimes);
  return stats;
}
