// The weekly digest: what shipped (with credit), official answers on suggestions the member
// follows (voted for; authors vote for their own), the week's most-voted new suggestions,
// and their honor progress, in their language. Sent once per member and week: a member is
// claimed by inserting (member, week) under a unique key before their email is composed, so
// several server processes, restarts and `npm run digest` never send a week twice.
import { and, desc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import { boards, comments, digestSends, notificationPreferences, suggestions, users, votes } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";
import { composeDigest, digestWeek, hasNews, type DigestFacts } from "~/features/digest/digest";
import { HONOR_LEVELS } from "~/features/honors/rules/levels";
import { isLanguage, translator, type Language } from "~/i18n/i18n";
import { unsubscribeToken } from "~/features/notifications/notifications.server";
import { deliverEmail } from "~/platform/mail.server";
import { creditsFor } from "~/features/lifecycle/releases.server";

const BATCH = 500;
const YIELD_EVERY = 20;
const TOP_NEW = 5;

type Week = { key: string; from: Date; to: Date };

// What is the same for everyone: public, visible suggestions only (a digest is an email,
// forwarded anywhere; early-access ideas stay on their board).
function weekFacts(week: Week) {
  const db = getDb();
  const isPublic = and(isNull(suggestions.hiddenAt), sql`${suggestions.boardId} in (select ${boards.id} from ${boards} where ${boards.visibility} = 'public')`);
  const shippedRows = db
    .select({ id: suggestions.id, title: suggestions.title })
    .from(suggestions)
    .where(and(eq(suggestions.status, "shipped"), gte(suggestions.shippedAt, week.from), lt(suggestions.shippedAt, week.to), isPublic))
    .orderBy(desc(suggestions.voteCount))
    .limit(20)
    .all();
  const credits = creditsFor(shippedRows.map((s) => s.id));
  const shipped = shippedRows.map((s) => ({ ...s, credits: (credits.get(s.id) ?? []).map((c) => c.displayName) }));
  const topNew = db
    .select({ id: suggestions.id, title: suggestions.title, voteCount: suggestions.voteCount })
    .from(suggestions)
    .where(and(gte(suggestions.createdAt, week.from), lt(suggestions.createdAt, week.to), isPublic))
    .orderBy(desc(suggestions.voteCount), suggestions.id)
    .limit(TOP_NEW)
    .all();
  // The week's official answers, then who follows each answered suggestion, in one pass.
  const answered = db
    .select({ suggestionId: comments.suggestionId, commentId: sql<number>`max(${comments.id})`, title: suggestions.title })
    .from(comments)
    .innerJoin(suggestions, eq(suggestions.id, comments.suggestionId))
    .where(and(eq(comments.isOfficial, true), gte(comments.createdAt, week.from), lt(comments.createdAt, week.to), isPublic))
    .groupBy(comments.suggestionId)
    .all();
  const answersByMember = new Map<number, DigestFacts["answers"]>();
  if (answered.length) {
    const bySuggestion = new Map(answered.map((a) => [a.suggestionId, a]));
    const followers = db
      .select({ userId: votes.userId, suggestionId: votes.suggestionId })
      .from(votes)
      .where(inArray(votes.suggestionId, [...bySuggestion.keys()]))
      .all();
    for (const f of followers) {
      const list = answersByMember.get(f.userId) ?? [];
      list.push(bySuggestion.get(f.suggestionId)!);
      answersByMember.set(f.userId, list);
    }
  }
  return { shipped, topNew, answersByMember };
}

export type DigestRun = { week: string | null; claimed: number; sent: number; notSent: number; failed: number; nothingNew: number };

// Sends the digest of the last whole week to every member who has not had it and has not
// turned it off. Safe to call at any time, from any number of processes.
export async function sendWeeklyDigests(now = new Date()): Promise<DigestRun> {
  const run: DigestRun = { week: null, claimed: 0, sent: 0, notSent: 0, failed: 0, nothingNew: 0 };
  const week = digestWeek(now);
  if (!week) return run;
  run.week = week.key;
  const db = getDb();
  const facts = weekFacts(week);
  const appUrl = env().APP_URL.replace(/\/+$/, "");
  // Most lines (what shipped, the new suggestions) are the same for every member of a
  // language: translated once per run, not once per member.
  const translators = new Map<Language, (key: string, values?: Record<string, unknown>) => string>();
  const translate = (language: Language) => {
    let memoized = translators.get(language);
    if (!memoized) {
      const t = translator(language) as (key: string, values?: Record<string, unknown>) => string;
      const lines = new Map<string, string>();
      memoized = (key, values) => {
        const id = values ? `${key}\u0000${JSON.stringify(values)}` : key;
        let line = lines.get(id);
        if (line === undefined) lines.set(id, (line = t(key, values)));
        return line;
      };
      translators.set(language, memoized);
    }
    return memoized;
  };
  let afterId = 0;
  for (;;) {
    // Members after afterId without this week's row and without the digest turned off.
    const batch = db
      .select({ id: users.id, email: users.email, locale: users.locale, honorLevel: users.honorLevel, honorPoints: users.honorPoints })
      .from(users)
      .where(
        and(
          sql`${users.id} > ${afterId}`,
          isNull(users.deletedAt),
          sql`not exists (select 1 from ${digestSends} d where d.user_id = ${users.id} and d.week = ${week.key})`,
          sql`not exists (select 1 from ${notificationPreferences} p where p.user_id = ${users.id} and p.kind = 'weekly_digest' and p.email = 0)`,
        ),
      )
      .orderBy(users.id)
      .limit(BATCH)
      .all();
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    // Claimed in one transaction per batch; what another process claimed first is skipped.
    const claimed = db.transaction(
      (tx) =>
        batch.filter(
          (member) =>
            tx.insert(digestSends).values({ userId: member.id, week: week.key, status: "claimed" }).onConflictDoNothing().run().changes === 1,
        ),
      { behavior: "immediate" },
    );
    run.claimed += claimed.length;
    const outcomes: { userId: number; status: "sent" | "not_sent" | "failed" | "nothing_new" }[] = [];
    for (const [index, member] of claimed.entries()) {
      // The digest runs inside a server process: composing 50,000 emails in one stretch held
      // its requests for over a minute, so pages get their turn every few members.
      if (index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const memberFacts: DigestFacts = {
        shipped: facts.shipped,
        topNew: facts.topNew,
        answers: facts.answersByMember.get(member.id) ?? [],
        honor: { level: member.honorLevel, points: member.honorPoints },
      };
      if (!hasNews(memberFacts)) {
        outcomes.push({ userId: member.id, status: "nothing_new" });
        continue;
      }
      const language: Language = isLanguage(member.locale) ? member.locale : "en";
      const t = translate(language);
      const unsubscribeUrl = `${appUrl}/notifications/unsubscribe?token=${encodeURIComponent(unsubscribeToken(member.id, "weekly_digest"))}`;
      const message = composeDigest(memberFacts, t, {
        appUrl,
        unsubscribeUrl,
        settingsUrl: `${appUrl}/notifications/settings`,
        levelName: (level) => HONOR_LEVELS[level]?.name[language] ?? String(level),
      });
      const status = await deliverEmail({
        userId: member.id,
        to: member.email,
        ...message,
        headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
      outcomes.push({ userId: member.id, status });
    }
    db.transaction(
      (tx) => {
        for (const o of outcomes) tx.update(digestSends).set({ status: o.status }).where(and(eq(digestSends.userId, o.userId), eq(digestSends.week, week.key))).run();
      },
      { behavior: "immediate" },
    );
    for (const o of outcomes) {
      if (o.status === "sent") run.sent += 1;
      else if (o.status === "not_sent") run.notSent += 1;
      else if (o.status === "failed") run.failed += 1;
      else run.nothingNew += 1;
    }
  }
  return run;
}

let scheduled: ReturnType<typeof setInterval> | undefined;
let running = false;

// Started once per server process (from entry.server.tsx): looks every hour whether a
// week's digests are due. Every process may look; the claims decide who sends to whom.
export function startDigestSchedule({ everyMs = 60 * 60 * 1000, firstAfterMs = 60 * 1000 } = {}) {
  if (scheduled || process.env.DIGEST_SCHEDULE === "off") return;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const run = await sendWeeklyDigests();
      if (run.claimed > 0) console.log(`Weekly digest ${run.week}: ${JSON.stringify(run)}`);
    } catch (error) {
      console.error("Weekly digest failed", error);
    } finally {
      running = false;
    }
  };
  setTimeout(() => void tick(), firstAfterMs).unref();
  scheduled = setInterval(() => void tick(), everyMs);
  scheduled.unref();
}
