// Sprout's tables. Queries live in the app's *.server.ts domain modules, one per concept;
// this file only says what is stored. Times are integer milliseconds (drizzle gives Dates).
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

import { COMPLAINT_STATUSES, COMPLAINT_SUBJECTS, NOTIFICATION_KINDS, ROLES, SUGGESTION_STATUSES, WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from "./enums";

// The enumerations live in a module the browser may load (db/enums.ts); server code may
// keep importing them from here.
export * from "./enums";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("member"),
    locale: text("locale"),
    bio: text("bio").notNull().default(""),
    // File name of the member's avatar under UPLOADS_DIR (app/features/uploads), if any.
    avatar: text("avatar"),
    // Honor level 0–4, kept current by the honors engine from contribution points;
    // an admin's grant (honor_level_manual) overrides it.
    honorLevel: integer("honor_level").notNull().default(0),
    honorPoints: integer("honor_points").notNull().default(0),
    honorLevelSince: integer("honor_level_since", { mode: "timestamp_ms" }),
    honorLevelManual: integer("honor_level_manual"),
    // Word of mouth: who brought this member in (an invitation or a share link), and the
    // address they signed up from (reward farming from one address is not rewarded).
    invitedById: integer("invited_by_id"),
    signupSource: text("signup_source", { enum: ["direct", "invitation", "share_link"] }).notNull().default("direct"),
    signupAddress: text("signup_address"),
    // Set when the member deleted their account: the row stays, anonymized, so that their
    // suggestions and comments remain attributed to "a deleted member".
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    // When the member followed the link emailed at sign-up. With the admin's "require email
    // verification" on, a member without it cannot vote (app/features/accounts/email-verification.server.ts).
    emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(sql`lower(${t.username})`),
    uniqueIndex("users_email_unique").on(sql`lower(${t.email})`),
  ],
);

// Lucia-guide sessions: the id is the SHA-256 of the cookie token, so a leaked table
// cannot be replayed as cookies.
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Failed logins per key ("account:<name>" or "address:<ip>") within a sliding window.
export const loginThrottles = sqliteTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  firstFailureAt: integer("first_failure_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

// One-time links sent by email: a password reset, or the confirmation of a new address.
// Only the token's SHA-256 is stored (like sessions). A link dies when used, after its
// expiry, or when the password changes (password_fingerprint no longer matches).
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["password_reset", "email_change"] }).notNull(),
    // The address the link was sent to (for an email change: the new address).
    email: text("email").notNull(),
    passwordFingerprint: text("password_fingerprint").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose, t.createdAt)],
);

// Write rate limits (server/rate-limit.ts): hits per key ("member:<session>" or
// "address:<ip>") in the current fixed window. Shared by every server worker, so a limit is
// the same with one process or sixteen.
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  hits: integer("hits").notNull(),
  resetAt: integer("reset_at", { mode: "timestamp_ms" }).notNull(),
});

export const boards = sqliteTable("boards", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
  descriptionEn: text("description_en").notNull().default(""),
  descriptionZh: text("description_zh").notNull().default(""),
  position: integer("position").notNull().default(0),
  // "early_access": the honorary development group's board, invisible to everyone else.
  visibility: text("visibility", { enum: ["public", "early_access"] }).notNull().default("public"),
  createdAt: createdAt(),
});

export const suggestions = sqliteTable(
  "suggestions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: SUGGESTION_STATUSES }).notNull().default("open"),
    // Kept in step with the votes table inside the same transaction as each vote.
    voteCount: integer("vote_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    duplicateOfId: integer("duplicate_of_id"),
    // Response times, kept for the staff queue and the word-of-mouth score.
    firstOfficialReplyAt: integer("first_official_reply_at", { mode: "timestamp_ms" }),
    firstDecisionAt: integer("first_decision_at", { mode: "timestamp_ms" }),
    shippedAt: integer("shipped_at", { mode: "timestamp_ms" }),
    releaseId: integer("release_id"),
    // Set when enough flags from trusted members hide it until staff review.
    hiddenAt: integer("hidden_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    // Reddit-style "hot": each tenfold of votes is worth a day of freshness. It never
    // decays with the clock, so it can be indexed and needs no periodic recomputation.
    hotScore: real("hot_score").generatedAlwaysAs(
      sql`log10(max(vote_count, 1)) + (created_at / 1000.0 - 1700000000) / 86400.0`,
      { mode: "virtual" },
    ),
  },
  (t) => [
    index("suggestions_board_hot_idx").on(t.boardId, t.hotScore),
    index("suggestions_hot_idx").on(t.hotScore),
    index("suggestions_board_created_idx").on(t.boardId, t.createdAt),
    index("suggestions_board_votes_idx").on(t.boardId, t.voteCount),
    // With created_at, the score's gathering groups recent contributions by member in index order.
    index("suggestions_author_created_idx").on(t.authorId, t.createdAt),
    index("suggestions_status_idx").on(t.status),
    // Counts for board lists and the home page's boards (with or without a status filter)
    // read this index alone: visibility needs hidden_at, and the table rows are never touched.
    index("suggestions_board_status_idx").on(t.boardId, t.status, t.hiddenAt),
    // The staff queue: the ones waiting for a first answer, longest waiting first, read in
    // order without sorting the table (10,000 waiting took 100 ms a page); and this week's
    // answers for the median first response.
    index("suggestions_waiting_idx").on(t.createdAt, t.id).where(sql`first_official_reply_at is null`),
    index("suggestions_answered_idx").on(t.firstOfficialReplyAt).where(sql`first_official_reply_at is not null`),
  ],
);

// Every edit keeps what the text was before it, shown as the revision history.
export const suggestionRevisions = sqliteTable(
  "suggestion_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    editorId: integer("editor_id")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("suggestion_revisions_suggestion_idx").on(t.suggestionId)],
);

export const tags = sqliteTable("tags", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
});

export const suggestionTags = sqliteTable(
  "suggestion_tags",
  {
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    tagId: integer("tag_id")
      .notNull()
      .references(() => tags.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.tagId] }), index("suggestion_tags_tag_idx").on(t.tagId)],
);

// One row per member and suggestion: the primary key is what makes double votes impossible.
export const votes = sqliteTable(
  "votes",
  {
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.suggestionId, t.userId] }),
    // With created_at, the score's gathering groups recent votes by member in index order.
    index("votes_user_created_idx").on(t.userId, t.createdAt),
    // The voter is in the index too, so the honors engine's count of an author's votes that
    // earn honors (app/features/honors/received-votes.server.ts) reads no vote row.
    index("votes_suggestion_created_idx").on(t.suggestionId, t.createdAt, t.userId),
  ],
);

// Who has taken part on a board (posted, voted, commented or rated there, official replies
// aside) and since when. Kept by triggers (migration 0009), so that the score's board scopes
// read a board's people instead of deduplicating every vote ever cast on it. Taking part is
// history: withdrawing a vote later does not undo it.
export const boardParticipants = sqliteTable(
  "board_participants",
  {
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    since: integer("since", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.boardId, t.userId] }),
    // Covering: a board's people by then, without looking each row up in the table (the
    // score's recompute joins every board's participants, 340,000 rows at 50,000 members).
    index("board_participants_board_since_idx").on(t.boardId, t.since, t.userId),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    parentId: integer("parent_id"),
    body: text("body").notNull(),
    isOfficial: integer("is_official", { mode: "boolean" }).notNull().default(false),
    // Staff mark a member's comment helpful; it counts toward the author's honors.
    isHelpful: integer("is_helpful", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  // By author: a member's helpful replies for honors, their comments on a profile, and (with
  // created_at and is_official) the score's grouping of recent contributions by member.
  (t) => [
    index("comments_suggestion_idx").on(t.suggestionId, t.createdAt),
    index("comments_author_created_idx").on(t.authorId, t.createdAt, t.isOfficial),
  ],
);

// Images attached to a suggestion (comment_id null) or to one of its comments. The files
// live under UPLOADS_DIR by `name` (and its thumbnail); the suggestion's visibility is theirs.
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull().unique(),
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    commentId: integer("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    uploaderId: integer("uploader_id")
      .notNull()
      .references(() => users.id),
    alt: text("alt").notNull().default(""),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    position: integer("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_suggestion_idx").on(t.suggestionId, t.commentId, t.position), index("attachments_uploader_idx").on(t.uploaderId)],
);

// The lifecycle's history: who moved a suggestion from what to what, when, and why.
export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    fromStatus: text("from_status", { enum: SUGGESTION_STATUSES }).notNull(),
    toStatus: text("to_status", { enum: SUGGESTION_STATUSES }).notNull(),
    note: text("note").notNull().default(""),
    // Set on a correction: the change it took back (staff undoing a wrong status, even shipped).
    revertsId: integer("reverts_id"),
    createdAt: createdAt(),
  },
  (t) => [index("status_changes_suggestion_idx").on(t.suggestionId, t.createdAt)],
);

// Admin-editable settings (response target, feature switches), one JSON value per key.
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

// Co-authors: people credited on a suggestion besides its author (today: the authors of
// suggestions merged into it). Kept when it ships, shown in the changelog and honor wall.
export const suggestionCredits = sqliteTable(
  "suggestion_credits",
  {
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    fromSuggestionId: integer("from_suggestion_id").references(() => suggestions.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.userId] }), index("suggestion_credits_user_idx").on(t.userId)],
);

// A merge of a duplicate into its target, with what it changed so that it can be undone.
export const merges = sqliteTable(
  "merges",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    targetId: integer("target_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    actorId: integer("actor_id")
      .notNull()
      .references(() => users.id),
    sourceStatusBefore: text("source_status_before", { enum: SUGGESTION_STATUSES }).notNull(),
    // JSON arrays of user ids: votes added to the target, and whether the source author was
    // newly credited, so an undo removes exactly what the merge added.
    movedVoterIds: text("moved_voter_ids").notNull().default("[]"),
    creditedUserIds: text("credited_user_ids").notNull().default("[]"),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
    undoneAt: integer("undone_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("merges_source_idx").on(t.sourceId), index("merges_target_idx").on(t.targetId)],
);

// A member's own choice to follow a suggestion or not. Authors, co-authors, voters and
// commenters follow without a row; `following = false` is an explicit unfollow that wins over
// that, `true` is following without taking part (notifications.server suggestionFollowers).
export const suggestionFollows = sqliteTable(
  "suggestion_follows",
  {
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    following: integer("following", { mode: "boolean" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.userId] }), index("suggestion_follows_user_idx").on(t.userId)],
);

// The in-app inbox. eventKey names the event (e.g. "status_change:42"); unique per
// recipient, so fan-out can be retried without anyone being told twice.
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    eventKey: text("event_key").notNull(),
    suggestionId: integer("suggestion_id").references(() => suggestions.id, { onDelete: "cascade" }),
    payload: text("payload").notNull().default("{}"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("notifications_user_event_unique").on(t.userId, t.eventKey),
    index("notifications_user_created_idx").on(t.userId, t.createdAt),
    // The bell's unread count, on every page a member opens: read from this index alone,
    // however many notifications a member has left unread.
    index("notifications_unread_idx").on(t.userId, t.kind).where(sql`read_at is null`),
  ],
);

// Per member and kind: in-app and email switches. No row means the defaults.
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    inApp: integer("in_app", { mode: "boolean" }).notNull(),
    email: integer("email", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// Every email Sprout meant to send, and what became of it.
export const emails = sqliteTable(
  "emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    notificationId: integer("notification_id").references(() => notifications.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    status: text("status", { enum: ["sent", "not_sent", "failed"] }).notNull(),
    error: text("error"),
    createdAt: createdAt(),
  },
  // By notification: a retried email delivery looks for the one already sent.
  (t) => [index("emails_user_idx").on(t.userId), index("emails_notification_idx").on(t.notificationId)],
);

// One row per member and week once that week's digest was handled: the unique key is what
// keeps several server processes, restarts and `npm run digest` from sending a week twice.
export const digestSends = sqliteTable(
  "digest_sends",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The Monday (UTC, YYYY-MM-DD) that starts the week the digest is about.
    week: text("week").notNull(),
    status: text("status", { enum: ["claimed", "sent", "not_sent", "failed", "nothing_new"] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("digest_sends_user_week").on(t.userId, t.week)],
);

// Staff group shipped suggestions into releases (suggestions.release_id).
export const releases = sqliteTable("releases", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  notes: text("notes").notNull().default(""),
  releasedAt: integer("released_at", { mode: "timestamp_ms" }).notNull(),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

// The experience report: how a shipped feature works for the people who asked for it.
export const ratings = sqliteTable(
  "ratings",
  {
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.userId] }), index("ratings_user_created_idx").on(t.userId, t.createdAt)],
);


// Complaints are private between the member who filed them and staff.
export const complaints = sqliteTable(
  "complaints",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject", { enum: COMPLAINT_SUBJECTS }).notNull(),
    suggestionId: integer("suggestion_id").references(() => suggestions.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull().default("open"),
    createdAt: createdAt(),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedById: integer("resolved_by_id").references(() => users.id),
    resolutionNote: text("resolution_note"),
    resolutionRating: integer("resolution_rating"),
    ratedAt: integer("rated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("complaints_user_idx").on(t.userId),
    index("complaints_status_idx").on(t.status, t.createdAt),
    // The score asks of every answered suggestion whether its reply drew a complaint: without
    // this, each asking read every complaint (3.7 s per scope kind with 2,000 complaints).
    index("complaints_suggestion_idx").on(t.suggestionId),
  ],
);

// The conversation on a complaint between the member and staff.
export const complaintMessages = sqliteTable(
  "complaint_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    complaintId: integer("complaint_id")
      .notNull()
      .references(() => complaints.id, { onDelete: "cascade" }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("complaint_messages_complaint_idx").on(t.complaintId, t.createdAt)],
);

// Badge grants. badge_id names a definition in app/features/honors/rules/badges.ts; repeatable badges are
// granted once per suggestion (suggestion_id), the others once per member (suggestion_id 0).
export const badgeGrants = sqliteTable(
  "badge_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    badgeId: text("badge_id").notNull(),
    suggestionId: integer("suggestion_id").notNull().default(0),
    grantedAt: integer("granted_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("badge_grants_unique").on(t.userId, t.badgeId, t.suggestionId),
    index("badge_grants_badge_idx").on(t.badgeId),
  ],
);

// One row per member per day they were active: days active, streaks, return visits.
export const activityDays = sqliteTable(
  "activity_days",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    day: text("day").notNull(), // YYYY-MM-DD, UTC
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.day] }),
    // Covering: who was active in a window of days, without looking each row up in the table
    // (the score's member facts read twelve weeks of every member's days).
    index("activity_days_day_user_idx").on(t.day, t.userId),
  ],
);

// Flags on suggestions; weighted flags from trusted members hide a post until staff review.
export const flags = sqliteTable(
  "flags",
  {
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull().default(""),
    createdAt: createdAt(),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.suggestionId, t.userId] })],
);

// A member's proposal that two suggestions are duplicates, for staff to accept or reject.
export const mergeProposals = sqliteTable(
  "merge_proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    targetId: integer("target_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    proposerId: integer("proposer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "accepted", "rejected"] }).notNull().default("pending"),
    createdAt: createdAt(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("merge_proposals_unique").on(t.sourceId, t.targetId, t.proposerId)],
);

// Weekly snapshots of the word-of-mouth score, so trends are history, not recomputation.
// scope "community" has scope_id 0; "board" and "member" name a board or a member.
export const scoreSnapshots = sqliteTable(
  "score_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    weekStart: text("week_start").notNull(), // YYYY-MM-DD, the Monday (UTC)
    scope: text("scope", { enum: ["community", "board", "member"] }).notNull(),
    scopeId: integer("scope_id").notNull().default(0),
    total: real("total").notNull(),
    satisfaction: real("satisfaction").notNull(),
    achievement: real("achievement").notNull(),
    loyalty: real("loyalty").notNull(),
    report: text("report").notNull(), // the full report with its breakdown, JSON
    computedAt: integer("computed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("score_snapshots_unique").on(t.weekStart, t.scope, t.scopeId),
    index("score_snapshots_scope_idx").on(t.scope, t.scopeId, t.weekStart),
  ],
);

// One compact row per member and week, written with the weekly snapshot: what the leads'
// member list sorts, filters and pages through with indexes, instead of scoring 50,000 members
// per request. Kept for every week (about 100 bytes a row); the member's full signals in
// score_snapshots are kept for the last MEMBER_SIGNAL_WEEKS weeks only (docs/scoring.md).
export const memberLoyalty = sqliteTable(
  "member_loyalty",
  {
    weekStart: text("week_start").notNull(),
    userId: integer("user_id").notNull(),
    total: real("total").notNull(),
    satisfaction: real("satisfaction").notNull(),
    achievement: real("achievement").notNull(),
    loyalty: real("loyalty").notNull(),
    // The loyalty terms' points (app/features/scoring/terms.ts): what raised or lowered it week to week.
    returning: real("returning").notNull(),
    activeWeeks: real("active_weeks").notNull(),
    repeatContribution: real("repeat_contribution").notNull(),
    honors: real("honors").notNull(),
    privileges: real("privileges").notNull(),
    recommendation: real("recommendation").notNull(),
    invitations: real("invitations").notNull(),
    // 0–100: the share of that week's members with lower loyalty, ties counted half.
    percentile: integer("percentile").notNull(),
    honorLevel: integer("honor_level").notNull(),
    cohort: text("cohort").notNull(), // YYYY-MM, the month the member joined (UTC)
    joinedAt: integer("joined_at").notNull(),
    lastActive: text("last_active"), // YYYY-MM-DD, null when never active
    status: text("status", { enum: ["active", "at_risk", "gone"] }).notNull(),
    inviteesStayed: integer("invitees_stayed").notNull(),
    holdsHonors: integer("holds_honors").notNull(), // an earned badge or an honor level ≥ 1
  },
  (t) => [
    primaryKey({ columns: [t.weekStart, t.userId] }),
    index("member_loyalty_loyalty_idx").on(t.weekStart, t.loyalty),
    index("member_loyalty_cohort_idx").on(t.weekStart, t.cohort, t.loyalty),
    index("member_loyalty_status_idx").on(t.weekStart, t.status, t.loyalty),
    index("member_loyalty_user_idx").on(t.userId, t.weekStart),
  ],
);

// One row per week whose snapshot a process has claimed: the unique week makes "exactly one
// run per week" hold across cluster workers and restarts (app/features/scoring/schedule.server.ts).
export const scoreRuns = sqliteTable("score_runs", {
  weekStart: text("week_start").primaryKey(),
  claimedAt: integer("claimed_at").notNull(),
  finishedAt: integer("finished_at"),
  claimedBy: text("claimed_by").notNull(),
  durationMs: integer("duration_ms"),
});

// Answers to "How likely are you to recommend … to a friend?" (0–10), at most one a quarter.
export const recommendationAnswers = sqliteTable(
  "recommendation_answers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("recommendation_answers_user_idx").on(t.userId, t.createdAt)],
);

// Invitations: a scarce personal code (or the member's personal link), followed from
// created to opened, joined, active and rewarded.
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    inviterId: integer("inviter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    code: text("code").notNull().unique(),
    inviteeId: integer("invitee_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }),
    joinedAt: integer("joined_at", { mode: "timestamp_ms" }),
    activatedAt: integer("activated_at", { mode: "timestamp_ms" }),
    rewardedAt: integer("rewarded_at", { mode: "timestamp_ms" }),
    // Why a reward was withheld (self-invitation, farming from one address, …).
    rewardWithheld: text("reward_withheld"),
  },
  (t) => [index("invitations_inviter_idx").on(t.inviterId), index("invitations_invitee_idx").on(t.inviteeId)],
);

// Visits through a member's share link (?ref=username), for their sharing statistics.
export const shareVisits = sqliteTable(
  "share_visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sharerId: integer("sharer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    suggestionId: integer("suggestion_id").references(() => suggestions.id, { onDelete: "set null" }),
    visitorKey: text("visitor_key").notNull(), // a hash, never the raw address
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("share_visits_unique").on(t.sharerId, t.visitorKey, t.suggestionId), index("share_visits_sharer_idx").on(t.sharerId)],
);

// Time-boxed campaigns on a board ("Suggest for the next release").
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    boardId: integer("board_id")
      .notNull()
      .references(() => boards.id, { onDelete: "cascade" }),
    slug: text("slug").notNull().unique(),
    titleEn: text("title_en").notNull(),
    titleZh: text("title_zh").notNull(),
    bannerEn: text("banner_en").notNull().default(""),
    bannerZh: text("banner_zh").notNull().default(""),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    tagId: integer("tag_id").references(() => tags.id),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("campaigns_board_idx").on(t.boardId, t.startsAt)],
);

export const campaignPicks = sqliteTable(
  "campaign_picks",
  {
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    suggestionId: integer("suggestion_id")
      .notNull()
      .references(() => suggestions.id, { onDelete: "cascade" }),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.suggestionId] })],
);

export type User = typeof users.$inferSelect;
export type Board = typeof boards.$inferSelect;
export type Suggestion = typeof suggestions.$inferSelect;
export type Comment = typeof comments.$inferSelect;

// The transactional outbox (app/platform/events): a write records what happened here, in its
// own transaction, and each subscriber handles it after the commit. A row stays until every
// subscriber's delivery is done, so a process that dies in between loses nothing.
// `fanned_out` is 0 while no process that knows the subscribers has added their deliveries
// (an event recorded by a script); start-up adds them.
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type").notNull(),
    payload: text("payload").notNull(),
    fannedOut: integer("fanned_out", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_waiting_idx").on(t.fannedOut).where(sql`fanned_out = 0`)],
);

// One row per event and subscriber still to handle it; deleted in the transaction that
// handles it (so exactly once), or pushed back with exponential backoff after a failure.
// `claimed_until` is a lease for subscribers that do slow work outside a transaction (email).
export const outboxDeliveries = sqliteTable(
  "outbox_deliveries",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => outbox.id, { onDelete: "cascade" }),
    subscriber: text("subscriber").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    claimedUntil: integer("claimed_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
  },
  // Only deliveries still to do are kept, so the table stays small: no index beyond the key
  // (each index is one more page written by every vote).
  (t) => [primaryKey({ columns: [t.eventId, t.subscriber] })],
);
// Staff's shared answers: a title, the text in both languages (placeholders {author},
// {title}, {board}), and optionally the status an answer with it sets. Usage is counted so
// templates nobody picks can be pruned.
export const savedReplies = sqliteTable("saved_replies", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  title: text("title").notNull(),
  bodyEn: text("body_en").notNull(),
  bodyZh: text("body_zh").notNull(),
  status: text("status", { enum: SUGGESTION_STATUSES }),
  usageCount: integer("usage_count").notNull().default(0),
  lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
  createdById: integer("created_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

// Personal access tokens for the REST API (/api/v1): like sessions, only the SHA-256 of the
// token is stored; it is shown once. Scopes are what the member chose, within their role.

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    // Space-separated ApiScope values.
    scopes: text("scopes").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// Webhooks (app/features/api/webhooks.server.ts): endpoints admins register, and every
// delivery attempt's outcome, for the log and for retries.

export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  // Kept readable: it signs every payload (HMAC), so it cannot be stored hashed.
  secret: text("secret").notNull(),
  // Space-separated WebhookEvent values.
  events: text("events").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    endpointId: integer("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    // The domain event's fingerprint: a subscriber run again never queues it twice.
    eventKey: text("event_key").notNull(),
    eventType: text("event_type", { enum: WEBHOOK_EVENTS }).notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    deliveredAt: integer("delivered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("webhook_deliveries_event_idx").on(t.endpointId, t.eventKey), index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt)],
);
