// Who acts on which domain event: the one module that knows every subscriber (the composition
// root of the event flow; write modules only record events). Each subscriber calls the
// feature's own function; the outbox (./outbox.server.ts) runs each in isolation.
import { notifyCommentAudience, notifyOfficialReply } from "~/features/notifications/comment-notifications.server";
import { followAgainOnComment } from "~/features/notifications/follows.server";
import { deliverWebhooks, queueWebhooks, startWebhookRetries } from "~/features/api/webhooks.server";
import { alertStaffOfNewComplaint } from "~/features/staff/alerts.server";
import { removeMemberUploads } from "~/features/uploads/attachments.server";
import { tellFilerOf } from "~/features/complaints/complaints.server";
import {
  evaluateHonors,
  evaluateSuggestionAuthor,
  evaluateSuggestionCreators,
  reevaluateAuthorsAfterDeletion,
  withdrawHonorsGrantedSince,
} from "~/features/honors/honors.server";
import { activateInvitationFor, notifyInvitationActivated } from "~/features/invitations/invitations.server";
import { notifyCorrection, notifyMerge, notifyStatusChange } from "~/features/lifecycle/lifecycle.server";
import { sendNotificationEmails } from "~/features/notifications/notifications.server";
import type { DomainEvent } from "./platform/events/events";
import { registerSubscribers, startOutbox, type Subscriber } from "./platform/events/outbox.server";

// Badges, honor points and levels: re-checked for whoever an event can have earned something.
const honors: Subscriber = {
  name: "honors",
  when: "after_commit",
  handles: [
    "vote_cast",
    "vote_removed",
    "suggestion_posted",
    "comment_marked_helpful",
    "status_changed",
    "shipped",
    "merged",
    "merge_undone",
    "status_reverted",
    "rating_given",
    "complaint_resolved",
    "invitation_activated",
    "member_deleted",
  ],
  handle(event: DomainEvent) {
    switch (event.type) {
      case "vote_cast":
      case "vote_removed":
        // Votes received count for the author alone.
        return evaluateSuggestionAuthor(event.suggestionId, ["vote_cast"]);
      case "suggestion_posted":
        return void evaluateHonors(event.authorId, { events: ["suggestion_posted"], now: new Date(event.at) });
      case "comment_marked_helpful":
        return void evaluateHonors(event.authorId, { events: ["comment_marked_helpful"] });
      case "status_changed":
      case "shipped":
        return evaluateSuggestionCreators(event.suggestionId, [event.type]);
      case "merged":
        // The target's creators now include the source's, and its votes grew.
        return evaluateSuggestionCreators(event.targetId, ["status_changed"]);
      case "merge_undone":
        for (const id of [event.change.suggestionId, event.targetId]) evaluateSuggestionCreators(id, ["status_changed"]);
        return;
      case "status_reverted":
        // Badges the mistaken change granted go, with the staff's note as the reason.
        for (const userId of event.creators) withdrawHonorsGrantedSince(userId, new Date(event.since), event.note, new Date(event.at));
        return;
      case "rating_given":
        return void evaluateHonors(event.userId, { events: ["rating_given"], now: new Date(event.at) });
      case "complaint_resolved":
        return void evaluateHonors(event.filerId, { events: ["complaint_resolved"], now: new Date(event.at) });
      case "invitation_activated":
        evaluateHonors(event.inviterId, { events: ["invitation_activated"], now: new Date(event.at) });
        evaluateHonors(event.inviteeId, { events: ["invitation_activated"], now: new Date(event.at) });
        return;
      case "member_deleted":
        return reevaluateAuthorsAfterDeletion(event);
    }
  },
};

// A newcomer's first suggestion, vote or comment can make their invitation active.
const invitations: Subscriber = {
  name: "invitations",
  when: "after_commit",
  handles: ["suggestion_posted", "vote_cast", "comment_posted"],
  handle(event: DomainEvent) {
    switch (event.type) {
      case "suggestion_posted":
        return void activateInvitationFor(event.authorId, new Date(event.at));
      case "vote_cast":
        return void activateInvitationFor(event.userId, new Date(event.at));
      case "comment_posted":
        return void activateInvitationFor(event.authorId, new Date(event.at));
    }
  },
};

// The inbox: who hears about what (badges are told by honors itself, as it grants them).
const notifications: Subscriber = {
  name: "notifications",
  when: "after_commit",
  handles: [
    "comment_posted",
    "status_changed",
    "shipped",
    "merged",
    "merge_undone",
    "status_reverted",
    "complaint_replied",
    "complaint_acknowledged",
    "complaint_resolved",
    "invitation_activated",
  ],
  handle(event: DomainEvent) {
    switch (event.type) {
      case "comment_posted":
        // Commenting is taking part: an earlier "unfollow" no longer holds.
        followAgainOnComment(event.suggestionId, event.authorId);
        notifyOfficialReply(event);
        // The replied-to author, the @mentioned and (batched) the followers.
        return notifyCommentAudience(event);
      case "status_changed":
      case "shipped":
        return notifyStatusChange(event);
      case "merged":
        return notifyMerge(event);
      case "merge_undone":
        return notifyStatusChange(event.change);
      case "status_reverted":
        return notifyCorrection(event);
      case "complaint_replied":
      case "complaint_acknowledged":
      case "complaint_resolved":
        return tellFilerOf(event);
      case "invitation_activated":
        return notifyInvitationActivated(event);
    }
  },
};

// Emails leave in the background, never in the request that caused them.
const email: Subscriber = {
  name: "email",
  when: "background",
  handles: ["notification_emails_due"],
  async handle(event: DomainEvent) {
    if (event.type === "notification_emails_due") await sendNotificationEmails(event);
  },
};

// The staff on duty hear of a new complaint at once (overdue ones come from their sweep).
const staffAlerts: Subscriber = {
  name: "staff_alerts",
  when: "after_commit",
  handles: ["complaint_filed"],
  handle(event: DomainEvent) {
    if (event.type === "complaint_filed") alertStaffOfNewComplaint({ id: event.complaintId, title: event.title }, new Date(event.at));
  },
};

// A member who left takes their pictures with them: rows and files, idempotent on a retry.
const uploads: Subscriber = {
  name: "uploads",
  when: "background",
  handles: ["member_deleted"],
  async handle(event: DomainEvent) {
    if (event.type === "member_deleted") await removeMemberUploads(event.userId);
  },
};


// Integrations: each registered endpoint gets its signed copy (app/features/api/webhooks.server.ts).
// The event is done once its deliveries are queued; their retries are the webhooks module's.
const webhooks: Subscriber = {
  name: "webhooks",
  when: "background",
  handles: ["suggestion_posted", "status_changed", "shipped", "comment_posted", "merged", "complaint_filed"],
  async handle(event: DomainEvent) {
    const ids = queueWebhooks(event);
    if (ids.length) await deliverWebhooks({ ids });
  },
};

export const SUBSCRIBERS: readonly Subscriber[] = [honors, invitations, notifications, email, staffAlerts, uploads, webhooks];

// Once per process, at start-up (app/entry.server.tsx; the test setup registers without the
// sweep): registers the subscribers and handles what earlier processes left behind.
let started = false;
export function startDomainEvents(options: { sweep?: boolean } = {}) {
  registerSubscribers(SUBSCRIBERS);
  if (started || options.sweep === false) return;
  started = true;
  startOutbox();
  startWebhookRetries();
}
