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

export const boards = sqliteTable("boards", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameZh: text("name_zh").notNull(),
  descriptionEn: text("description_en").notNull().default(""),
  descriptionZh: text("description_zh").notNull().default(""),
  position: integer("position").notNull().default(0),
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
    firstOfficialReplyAt: integer("first_official_reply_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    // Reddit-style "hot": each tenfold of votes is worth 12.5 hours of freshness. It never
    // decays with the clock, so it can be indexed and needs no periodic recomputation.
    hotScore: real("hot_score").generatedAlwaysAs(
      sql`log10(max(vote_count, 1)) + (created_at / 1000.0 - 1700000000) / 45000.0`,
      { mode: "virtual" },
    ),
  },
  (t) => [
    index("suggestions_board_hot_idx").on(t.boardId, t.hotScore),
    index("suggestions_hot_idx").on(t.hotScore),
    index("suggestions_board_created_idx").on(t.boardId, t.createdAt),
    index("suggestions_board_votes_idx").on(t.boardId, t.voteCount),
    index("suggestions_author_idx").on(t.authorId),
    index("suggestions_status_idx").on(t.status),
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
    index("votes_user_idx").on(t.userId),
    index("votes_suggestion_created_idx").on(t.suggestionId, t.createdAt),
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
    createdAt: createdAt(),
  },
  (t) => [index("comments_suggestion_idx").on(t.suggestionId, t.createdAt)],
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
    createdAt: createdAt(),
  },
  (t) => [index("status_changes_suggestion_idx").on(t.suggestionId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Board = typeof boards.$inferSelect;
export type Suggestion = typeof suggestions.$inferSelect;
export type Comment = typeof comments.$inferSelect;
