// A member's rights over their own data: take a copy of it, and leave for good.
import { eq, inArray, sql } from "drizzle-orm";
import {
  accountTokens,
  activityDays,
  attachments,
  badgeGrants,
  comments,
  complaints,
  flags,
  notificationPreferences,
  notifications,
  ratings,
  recommendationAnswers,
  sessions,
  suggestionRevisions,
  suggestions,
  users,
  votes,
} from "#db/schema";
import { getDb } from "~/platform/db.server";
import { deletedEmail, deletedUsername } from "~/features/accounts/reserved-names";
import { deliverEvents, recordEvent } from "~/platform/events/outbox.server";

// Everything Sprout stores about a member that is theirs, as plain JSON.
export function exportMemberData(userId: number) {
  const db = getDb();
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return null;
  const { passwordHash, ...profile } = user;
  return {
    exportedAt: new Date().toISOString(),
    profile,
    suggestions: db.select().from(suggestions).where(eq(suggestions.authorId, userId)).all(),
    revisions: db.select().from(suggestionRevisions).where(eq(suggestionRevisions.editorId, userId)).all(),
    comments: db.select().from(comments).where(eq(comments.authorId, userId)).all(),
    votes: db.select().from(votes).where(eq(votes.userId, userId)).all(),
    ratings: db.select().from(ratings).where(eq(ratings.userId, userId)).all(),
    complaints: db.select().from(complaints).where(eq(complaints.userId, userId)).all(),
    badges: db.select().from(badgeGrants).where(eq(badgeGrants.userId, userId)).all(),
    notifications: db.select().from(notifications).where(eq(notifications.userId, userId)).all(),
    recommendationAnswers: db.select().from(recommendationAnswers).where(eq(recommendationAnswers.userId, userId)).all(),
    // The images they attached (files at /uploads/<name>); their picture is profile.avatar.
    images: db.select().from(attachments).where(eq(attachments.uploaderId, userId)).all(),
    activeDays: db.select({ day: activityDays.day }).from(activityDays).where(eq(activityDays.userId, userId)).all().map((r) => r.day),
  };
}

// Deleting an account keeps what the member gave the community (suggestions, comments,
// attributed to "a deleted member") and removes what was personal: votes (with the counts
// they made, in the same transaction), ratings, complaints, badges, notifications,
// sessions and the login itself. Authors who had their votes lose those honor points.
export function deleteAccount(userId: number, now = new Date()) {
  const db = getDb();
  db.transaction(
    (tx) => {
      const voted = tx.select({ suggestionId: votes.suggestionId }).from(votes).where(eq(votes.userId, userId)).all().map((v) => v.suggestionId);
      if (voted.length) {
        tx.update(suggestions)
          .set({ voteCount: sql`${suggestions.voteCount} - 1` })
          .where(inArray(suggestions.id, voted))
          .run();
      }
      for (const table of [votes, ratings, complaints, badgeGrants, notifications, notificationPreferences, flags, recommendationAnswers, activityDays, sessions, accountTokens]) {
        tx.delete(table).where(eq(table.userId, userId)).run();
      }
      tx.update(users)
        .set({
          username: deletedUsername(userId),
          displayName: "[deleted]", // the convention readers know from other forums, in any language
          email: deletedEmail(userId),
          passwordHash: "!", // matches no password
          bio: "",
          locale: null,
          signupAddress: null,
          // A deleted account holds no level (its privileges and its place in the score go with it).
          honorLevel: 0,
          honorLevelManual: null,
          honorLevelSince: null,
          deletedAt: now,
        })
        .where(eq(users.id, userId))
        .run();
      recordEvent({ type: "member_deleted", userId, votedFor: voted });
    },
    { behavior: "immediate" },
  );
  deliverEvents();
}

