// Sprout's domain events: what a write records, in its own transaction, for the subscribers
// (honors, invitations, notifications, email) to act on after the commit. Each carries what
// its subscribers need and nothing personal beyond ids; times are epoch milliseconds (events
// are stored as JSON in the outbox).
import type { SuggestionStatus } from "#db/enums";

type StatusChange = {
  statusChangeId: number;
  suggestionId: number;
  actorId: number;
  from: SuggestionStatus;
  to: SuggestionStatus;
  note: string;
};

export type DomainEvent =
  // Votes (app/features/votes/votes.server.ts): a vote added or taken back; repeating a vote records nothing.
  | { type: "vote_cast"; suggestionId: number; userId: number; at: number }
  | { type: "vote_removed"; suggestionId: number; userId: number; at: number }
  // Suggestions and comments.
  | { type: "suggestion_posted"; suggestionId: number; authorId: number; at: number }
  | { type: "comment_posted"; commentId: number; suggestionId: number; authorId: number; official: boolean; at: number }
  | { type: "comment_marked_helpful"; commentId: number; authorId: number; helpful: boolean }
  // The lifecycle (app/features/lifecycle/lifecycle.server.ts): shipping is a status change of its own name.
  | ({ type: "status_changed" } & StatusChange)
  | ({ type: "shipped" } & StatusChange)
  | { type: "merged"; mergeId: number; sourceId: number; targetId: number; targetTitle: string; actorId: number; note: string }
  | { type: "merge_undone"; mergeId: number; targetId: number; change: StatusChange }
  // Staff took back a mistaken status change (a ship included): `told` heard of the mistake,
  // `creators` may hold badges it granted since `since`.
  | {
      type: "status_reverted";
      suggestionId: number;
      correctionId: number;
      from: SuggestionStatus;
      to: SuggestionStatus;
      note: string;
      told: number[];
      creators: number[];
      since: number;
      at: number;
    }
  // Experience reports: a first rating (rating again only replaces it).
  | { type: "rating_given"; suggestionId: number; userId: number; at: number }
  // Complaints: a new one alerts the staff on duty; every staff step is told to the filer.
  | { type: "complaint_replied"; complaintId: number; filerId: number; title: string; messageId: number; body: string }
  | { type: "complaint_acknowledged"; complaintId: number; filerId: number; title: string }
  | { type: "complaint_resolved"; complaintId: number; filerId: number; title: string; note: string; at: number }
  | { type: "complaint_filed"; complaintId: number; filerId: number; subject: string; suggestionId: number | null; title: string; at: number }
  // Invitations: a newcomer's first contribution made their invitation active and rewarded.
  | {
      type: "invitation_activated";
      invitationId: number;
      inviterId: number;
      inviterUsername: string;
      inviteeId: number;
      inviteeUsername: string;
      at: number;
    }
  // Accounts: a member left; their votes were taken back from these suggestions.
  | { type: "member_deleted"; userId: number; votedFor: number[] }
  // Notifications written whose recipients want an email (the email subscriber sends them).
  | { type: "notification_emails_due"; eventKey: string; userIds: number[] };

export type DomainEventType = DomainEvent["type"];

export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

// The retry delay after a subscriber's n-th failure (n from 1): 2 s doubling, at most an hour.
// Never given up: an event a subscriber cannot handle waits for the fix, not for the bin.
export function retryDelayMs(failures: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, failures - 1), 60 * 60 * 1000);
}
