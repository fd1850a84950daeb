// Flags: members with the privilege flag a suggestion as spam or abuse; once the flags not
// yet reviewed weigh enough (app/features/honors/rules/privileges.ts shouldHide) it is hidden from everyone but
// staff and its author until staff restore it or keep it hidden.
import { and, asc, count, desc, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { flags, suggestions, users } from "#db/schema";
import { getDb, preparedQuery } from "~/platform/db.server";
import { shouldHide, type PrivilegeActor } from "~/features/honors/rules/privileges";

export type FlagResult = { ok: true; hidden: boolean } | { ok: false; reason: "not_found" | "own_suggestion" };

// Callers check canFlag. Flagging twice is harmless (one flag per member and suggestion).
export function flagSuggestion(input: {
  suggestionId: number;
  flagger: NonNullable<PrivilegeActor>;
  reason: string;
  now?: Date;
}): FlagResult {
  const now = input.now ?? new Date();
  return getDb().transaction(
    (tx) => {
      const suggestion = tx
        .select({ authorId: suggestions.authorId, hiddenAt: suggestions.hiddenAt })
        .from(suggestions)
        .where(eq(suggestions.id, input.suggestionId))
        .get();
      if (!suggestion) return { ok: false, reason: "not_found" } as const;
      if (suggestion.authorId === input.flagger.id) return { ok: false, reason: "own_suggestion" } as const;
      tx.insert(flags)
        .values({ suggestionId: input.suggestionId, userId: input.flagger.id, reason: input.reason.trim(), createdAt: now })
        .onConflictDoNothing()
        .run();
      if (suggestion.hiddenAt) return { ok: true, hidden: true } as const;
      // Weighed by the flaggers' levels now, not when they flagged.
      const flaggers = tx
        .select({ id: users.id, role: users.role, honorLevel: users.honorLevel })
        .from(flags)
        .innerJoin(users, eq(users.id, flags.userId))
        .where(and(eq(flags.suggestionId, input.suggestionId), isNull(flags.reviewedAt)))
        .all();
      if (!shouldHide(flaggers)) return { ok: true, hidden: false } as const;
      tx.update(suggestions).set({ hiddenAt: now }).where(eq(suggestions.id, input.suggestionId)).run();
      return { ok: true, hidden: true } as const;
    },
    { behavior: "immediate" },
  );
}

export type FlagReview = "restore" | "keep_hidden";

// Staff settle the flags so far: restore shows the suggestion (again), keep_hidden hides it
// (or keeps it hidden). Either way those flags are reviewed and no longer count; new ones
// start afresh.
export function reviewFlags(input: { suggestionId: number; decision: FlagReview; now?: Date }): { ok: boolean } {
  const now = input.now ?? new Date();
  return getDb().transaction((tx) => {
    const found = tx.select({ id: suggestions.id }).from(suggestions).where(eq(suggestions.id, input.suggestionId)).get();
    if (!found) return { ok: false };
    tx.update(flags)
      .set({ reviewedAt: now })
      .where(and(eq(flags.suggestionId, input.suggestionId), isNull(flags.reviewedAt)))
      .run();
    tx.update(suggestions)
      .set({ hiddenAt: input.decision === "restore" ? null : sql`coalesce(${suggestions.hiddenAt}, ${now.getTime()})` })
      .where(eq(suggestions.id, input.suggestionId))
      .run();
    return { ok: true };
  }, { behavior: "immediate" });
}

// For staff on the suggestion's page: the flags waiting for review, oldest first.
export function pendingFlags(suggestionId: number) {
  return getDb()
    .select({ reason: flags.reason, createdAt: flags.createdAt, username: users.username, displayName: users.displayName, honorLevel: users.honorLevel })
    .from(flags)
    .innerJoin(users, eq(users.id, flags.userId))
    .where(and(eq(flags.suggestionId, suggestionId), isNull(flags.reviewedAt)))
    .orderBy(asc(flags.createdAt))
    .all();
}

const flagOf = preparedQuery((db) =>
  db
    .select({ one: sql`1` })
    .from(flags)
    .where(and(eq(flags.suggestionId, sql.placeholder("suggestionId")), eq(flags.userId, sql.placeholder("userId"))))
    .prepare(),
);

export function hasFlagged(suggestionId: number, userId: number): boolean {
  return !!flagOf().get({ suggestionId, userId });
}

// The staff moderation list: hidden suggestions and those with flags waiting, hidden first.
export function flaggedSuggestions() {
  const waiting = count(flags.userId);
  return getDb()
    .select({ id: suggestions.id, title: suggestions.title, hiddenAt: suggestions.hiddenAt, flags: waiting })
    .from(suggestions)
    .leftJoin(flags, and(eq(flags.suggestionId, suggestions.id), isNull(flags.reviewedAt)))
    .groupBy(suggestions.id)
    .having(or(isNotNull(suggestions.hiddenAt), sql`${waiting} > 0`))
    .orderBy(sql`${suggestions.hiddenAt} is null`, desc(waiting), asc(suggestions.id))
    .all();
}
