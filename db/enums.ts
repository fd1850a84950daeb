// The values of Sprout's enumerated columns, and their types. No drizzle here: routes,
// components and pure rules import these, and whatever they import is shipped to the
// browser, which must never download the schema (table and column names). db/schema.ts uses
// the same lists for its columns.
export const ROLES = ["member", "staff", "lead", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const SUGGESTION_STATUSES = [
  "open",
  "under_review",
  "planned",
  "in_progress",
  "shipped",
  "declined",
  "duplicate",
] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export const NOTIFICATION_KINDS = [
  "official_reply",
  "status_change",
  "merge",
  "ship",
  "complaint",
  "badge",
  "invitation",
  // Conversation: someone answered your comment, named you, or commented where you follow.
  "reply",
  "mention",
  "new_comments",
  // Only its email switch means anything (the digest is an email, not an inbox item); it is a
  // kind so that the settings page and one-click unsubscribe cover it.
  "weekly_digest",
  // Staff only: new complaints, complaints and suggestions past their target.
  "staff_alert",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const COMPLAINT_SUBJECTS = ["product", "reply", "decision"] as const;
export const COMPLAINT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

// The REST API's token scopes, and what webhooks can be sent (app/features/api).
export const API_SCOPES = ["read", "write", "staff", "leads"] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const WEBHOOK_EVENTS = ["suggestion_posted", "status_changed", "shipped", "official_reply", "merged", "complaint_filed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
