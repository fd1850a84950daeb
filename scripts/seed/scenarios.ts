// The source's four stages of sprout word of mouth as forums, for calibrating the score
// (`npm run db:seed -- --scenario stage1` … `stage4`):
//   1. members use the product and visit, but their suggestions are neither answered nor
//      adopted, and there are no honors (about 30);
//   2. plus active participation, with a healthy share of suggestions decided, planned and
//      shipped, and shipped features rated (about 75);
//   3. plus fast, well-received official replies and resolved complaints (about 80);
//   4. plus honors and privileges earned by the app's own rules, and the return of the older
//      cohort who hold them (about 90). Nothing else: no invitations, no survey.
// Each stage is the one before with something added, on the same 120 members, so the
// difference between two totals is what the stage adds. Deterministic (a seeded PRNG, times
// relative to `now`) and small enough to build in a second or two.
import { DEMO_ACCOUNTS, DEMO_MEMBER_PASSWORD, createRandom, type Random } from "./seed";
import { hashPassword } from "../../app/features/accounts/passwords.server";
import { backfillHonors } from "../../app/features/honors/honors.server";
import { addDays, activityDay } from "../../app/features/honors/rules/activity";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  activityDays,
  boards,
  comments,
  complaints,
  invitations,
  ratings,
  releases,
  statusChanges,
  suggestions,
  users,
  votes,
  type SuggestionStatus,
} from "../../db/schema";

export const SCENARIOS = ["stage1", "stage2", "stage3", "stage4"] as const;
export type Scenario = (typeof SCENARIOS)[number];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// The shape of each stage, in counts the score's signals are made of.
type StageShape = {
  activeDays: number; // days active in the last 30, summed over the original members
  retainedCohort: number; // of the 40 members who joined 2–10 months ago, still active
  contributors: { all: number; posters: number; voters: number; commenters: number; raters: number };
  posted: number;
  decisions: { shipped: number; inProgress: number; planned: number; declined: number };
  replies: { withinTarget: number; late: number } | null;
  complaintRatings: number[] | null; // resolved complaints and the filers' ratings
  ratingStars: [number, number, number, number, number];
  honors: boolean;
  invitations: { sent: number; joined: number; active: number; shareSignups: number } | null;
};

const MEMBERS = 120;
const RECENT = 80; // joined in the last two months; the other 40 are the retention cohort
const ACTIVE_RECENT = 72;

const STAGE_1: StageShape = {
  activeDays: 560,
  retainedCohort: 8,
  contributors: { all: 6, posters: 5, voters: 3, commenters: 1, raters: 0 },
  posted: 20,
  decisions: { shipped: 0, inProgress: 0, planned: 0, declined: 0 },
  replies: null,
  complaintRatings: null,
  ratingStars: [0, 0, 0, 0, 0],
  honors: false,
  invitations: null,
};
const STAGE_2: StageShape = {
  ...STAGE_1,
  activeDays: 640,
  contributors: { all: 45, posters: 20, voters: 40, commenters: 25, raters: 18 },
  posted: 80,
  decisions: { shipped: 15, inProgress: 5, planned: 10, declined: 26 },
  ratingStars: [1, 3, 8, 16, 12],
};
const STAGE_3: StageShape = { ...STAGE_2, replies: { withinTarget: 72, late: 8 }, complaintRatings: [5, 5, 4, 4, 4, 0] };
const STAGE_4: StageShape = {
  ...STAGE_3,
  activeDays: 660,
  retainedCohort: 28,
  honors: true,
};

export const STAGE_SHAPES: Record<Scenario, StageShape> = { stage1: STAGE_1, stage2: STAGE_2, stage3: STAGE_3, stage4: STAGE_4 };

type Member = { id: number; joinedAt: number; days: number[] }; // days: offsets back from today

export type ScenarioOptions = { now?: Date; seed?: number };

/** Builds one stage's forum into an empty, migrated database. */
export async function seedScenario(db: Db, scenario: Scenario, options: ScenarioOptions = {}) {
  const shape = STAGE_SHAPES[scenario];
  const now = (options.now ?? new Date()).getTime();
  // One seed for every stage: the same members joined on the same days in all four.
  const random = createRandom(options.seed ?? 5_000);
  const today = activityDay(new Date(now));
  const [memberHash, ...accountHashes] = await Promise.all([hashPassword(DEMO_MEMBER_PASSWORD), ...DEMO_ACCOUNTS.map((a) => hashPassword(a.password))]);

  db.transaction((tx) => {
    const insertUser = (values: typeof users.$inferInsert) => tx.insert(users).values(values).returning({ id: users.id }).get().id;

    // The demo logins, so the dashboard can be looked at; the fan is the first member.
    const accountIds = DEMO_ACCOUNTS.map((a, i) =>
      insertUser({
        username: a.username,
        displayName: a.displayName,
        email: `${a.username}@example.com`,
        passwordHash: accountHashes[i],
        role: a.role,
        createdAt: new Date(now - 400 * DAY),
      }),
    );
    const staffId = accountIds[DEMO_ACCOUNTS.findIndex((a) => a.role === "staff")];
    const members: Member[] = Array.from({ length: MEMBERS }, (_, i) => {
      const recent = i < RECENT;
      // Active recent members joined 5–55 days ago; the inactive ones before the window.
      const joinedDaysAgo = recent ? (i < ACTIVE_RECENT ? random.between(5, 55) : random.between(35, 55)) : random.between(70, 300);
      const joinedAt = now - joinedDaysAgo * DAY;
      const id =
        i === 0
          ? accountIds[DEMO_ACCOUNTS.findIndex((a) => a.role === "member")]
          : insertUser({
              username: `member_${String(i).padStart(3, "0")}`,
              displayName: `Member ${i}`,
              email: `member_${i}@example.com`,
              passwordHash: memberHash,
              createdAt: new Date(joinedAt),
            });
      return { id, joinedAt: i === 0 ? now - 55 * DAY : joinedAt, days: [] };
    });
    tx.update(users).set({ createdAt: new Date(members[0].joinedAt) }).where(eq(users.id, members[0].id)).run();

    const active = [...members.slice(0, ACTIVE_RECENT), ...members.slice(RECENT, RECENT + shape.retainedCohort)];
    spreadDays(random, active, shape.activeDays);

    const { id: boardId } = tx
      .insert(boards)
      .values({ slug: "ideas", nameEn: "Ideas", nameZh: "建议", descriptionEn: "Suggestions for Sprout Phone OS", descriptionZh: "对 Sprout 手机系统的建议" })
      .returning({ id: boards.id })
      .get();

    // Contributors in the window: overlapping ranges of the same shuffled active members, so
    // every one of them does at least one thing and each kind has its count.
    const c = shape.contributors;
    const contributors = random.shuffle(active.filter((m) => m.days.some((d) => d >= 3))).slice(0, c.all);
    const posters = contributors.slice(0, c.posters);
    const voters = contributors.slice(c.all - c.voters);
    const commenters = contributors.slice(0, c.commenters);
    const raters = contributors.slice(Math.min(10, c.all - c.raters), Math.min(10, c.all - c.raters) + c.raters);
    const dayIn = (m: Member, minOffset = 0) => {
      const offset = random.pick(m.days.filter((d) => d >= minOffset));
      return now - offset * DAY - random.between(0, 2) * HOUR;
    };

    // Older suggestions by the cohort, oldest first; the newest come from this month's posters.
    const older = Array.from({ length: shape.posted - posters.length }, (_, i) => {
      const author = members[RECENT + (i % (MEMBERS - RECENT))];
      // Within the score's 180-day window, the oldest first.
      const postedAt = now - (175 - (140 * i) / Math.max(1, shape.posted - posters.length)) * DAY;
      return { author, postedAt: Math.max(postedAt, author.joinedAt + DAY) };
    });
    const posts = [...older, ...posters.map((author) => ({ author, postedAt: dayIn(author, 3) }))];
    const d = shape.decisions;
    const fates: SuggestionStatus[] = [
      ...Array<SuggestionStatus>(d.shipped).fill("shipped"),
      ...Array<SuggestionStatus>(d.declined).fill("declined"),
      ...Array<SuggestionStatus>(d.inProgress).fill("in_progress"),
      ...Array<SuggestionStatus>(d.planned).fill("planned"),
    ];
    const releaseId = d.shipped
      ? tx.insert(releases).values({ name: "Sprout OS 3.1", releasedAt: new Date(now - 100 * DAY), createdById: staffId }).returning({ id: releases.id }).get().id
      : null;

    const replies = shape.replies ? random.shuffle([...Array(shape.replies.withinTarget).fill(true), ...Array(shape.replies.late).fill(false)]) : [];
    const shipped: { id: number; shippedAt: number }[] = [];
    const openForVotes: number[] = [];
    posts.forEach((post, i) => {
      const status: SuggestionStatus = fates[i] ?? (i % 3 === 0 ? "under_review" : "open");
      const path = PATHS[status];
      const step = Math.min(6 * DAY, (now - post.postedAt - DAY) / (path.length + 1));
      const changes = path.map((to, k) => ({ to, at: post.postedAt + (k + 1) * step }));
      const decidedAt = changes.find((ch) => ["planned", "in_progress", "shipped", "declined"].includes(ch.to))?.at;
      const shippedAt = status === "shipped" ? changes[changes.length - 1].at : undefined;
      const withinTarget = replies[i];
      const replyAt = withinTarget === undefined ? undefined : post.postedAt + (withinTarget ? random.between(1, 20) : random.between(30, 60)) * HOUR;
      const { id } = tx
        .insert(suggestions)
        .values({
          boardId,
          authorId: post.author.id,
          title: `Idea ${i + 1}: ${TITLES[i % TITLES.length]}`,
          body: "It would make the phone nicer to use every day.",
          status,
          createdAt: new Date(post.postedAt),
          firstOfficialReplyAt: replyAt ? new Date(replyAt) : null,
          firstDecisionAt: decidedAt ? new Date(decidedAt) : null,
          shippedAt: shippedAt ? new Date(shippedAt) : null,
          releaseId: shippedAt ? releaseId : null,
          commentCount: replyAt ? 1 : 0,
        })
        .returning({ id: suggestions.id })
        .get();
      let from: SuggestionStatus = "open";
      for (const change of changes) {
        tx.insert(statusChanges).values({ suggestionId: id, actorId: staffId, fromStatus: from, toStatus: change.to, note: "", createdAt: new Date(change.at) }).run();
        from = change.to;
      }
      if (replyAt) {
        tx.insert(comments).values({ suggestionId: id, authorId: staffId, body: "Thanks, we are looking at it.", isOfficial: true, createdAt: new Date(replyAt) }).run();
      }
      if (shippedAt) shipped.push({ id, shippedAt });
      // Votes and comments this month go to older suggestions still open for voting.
      if (i < older.length && !["shipped", "declined"].includes(status)) openForVotes.push(id);
    });

    const voteRows = new Map<string, { suggestionId: number; userId: number; createdAt: Date }>();
    const vote = (suggestionId: number, userId: number, at: number) =>
      voteRows.set(`${suggestionId}:${userId}`, { suggestionId, userId, createdAt: new Date(at) });
    for (const voter of voters) {
      for (const suggestionId of random.shuffle(openForVotes).slice(0, 1 + Math.floor(random.next() * 3))) vote(suggestionId, voter.id, dayIn(voter));
    }
    for (const commenter of commenters) {
      const suggestionId = random.pick(openForVotes);
      tx.insert(comments).values({ suggestionId, authorId: commenter.id, body: "Yes please, I would use this daily.", createdAt: new Date(dayIn(commenter)) }).run();
      tx.update(suggestions).set({ commentCount: sql`${suggestions.commentCount} + 1` }).where(eq(suggestions.id, suggestionId)).run();
    }

    // The experience report: raters asked for the feature (voted before it shipped) and rate
    // it this month. 40 ratings from 18 raters: four rate three features, the rest two.
    const stars = random.shuffle(shape.ratingStars.flatMap((n, i) => Array<number>(n).fill(i + 1)));
    let next = 0;
    raters.forEach((rater, i) => {
      for (const feature of random.shuffle(shipped).slice(0, i < 4 ? 3 : 2)) {
        if (next >= stars.length) return;
        vote(feature.id, rater.id, feature.shippedAt - 2 * DAY);
        tx.insert(ratings).values({ suggestionId: feature.id, userId: rater.id, score: stars[next++], createdAt: new Date(dayIn(rater)) }).run();
      }
    });
    const allVotes = [...voteRows.values()];
    if (allVotes.length) tx.insert(votes).values(allVotes).run();
    for (const { suggestionId } of allVotes) tx.update(suggestions).set({ voteCount: sql`${suggestions.voteCount} + 1` }).where(eq(suggestions.id, suggestionId)).run();

    (shape.complaintRatings ?? []).forEach((rating, i) => {
      const filer = contributors[i];
      const filedAt = now - (10 + 7 * i) * DAY;
      const resolvedAt = filedAt + random.between(5, 40) * HOUR;
      tx.insert(complaints)
        .values({
          userId: filer.id,
          subject: i % 2 ? "product" : "decision",
          title: "The battery drains overnight",
          body: "Since the last update my phone loses 20% at night.",
          status: "resolved",
          createdAt: new Date(filedAt),
          acknowledgedAt: new Date(filedAt + HOUR),
          resolvedAt: new Date(resolvedAt),
          resolvedById: staffId,
          resolutionNote: "Fixed in the next weekly build; thanks for the logs.",
          resolutionRating: rating || null,
          ratedAt: rating ? new Date(resolvedAt + DAY) : null,
        })
        .run();
    });

    const invited = shape.invitations;
    if (invited) {
      for (let i = 0; i < invited.sent; i++) {
        const inviter = contributors[i % contributors.length];
        const createdAt = now - (25 - i) * DAY;
        const joined = i < invited.joined;
        const invitee: Member | null = joined
          ? {
              id: insertUser({
                username: `invited_${i + 1}`,
                displayName: `Invited friend ${i + 1}`,
                email: `invited_${i + 1}@example.com`,
                passwordHash: memberHash,
                invitedById: inviter.id,
                signupSource: "invitation",
                createdAt: new Date(createdAt + DAY),
              }),
              joinedAt: createdAt + DAY,
              days: i < invited.active ? [1, 3, 6, 10] : [],
            }
          : null;
        if (invitee) members.push(invitee);
        tx.insert(invitations)
          .values({
            inviterId: inviter.id,
            code: `SPROUT-${scenario.toUpperCase()}-${i + 1}`,
            inviteeId: invitee?.id ?? null,
            createdAt: new Date(createdAt),
            openedAt: joined ? new Date(createdAt + HOUR) : null,
            joinedAt: invitee ? new Date(invitee.joinedAt) : null,
            activatedAt: invitee?.days.length ? new Date(now - 6 * DAY) : null,
          })
          .run();
      }
      for (let i = 0; i < invited.shareSignups; i++) {
        insertUser({
          username: `shared_${i + 1}`,
          displayName: `Came by a share link ${i + 1}`,
          email: `shared_${i + 1}@example.com`,
          passwordHash: memberHash,
          invitedById: contributors[i].id,
          signupSource: "share_link",
          createdAt: new Date(now - (40 + i) * DAY),
        });
      }
    }

    // Visits: the planned days in the window, and the day of everything done before it.
    const rows = members.flatMap((m) => m.days.map((offset) => ({ userId: m.id, day: addDays(today, -offset) })));
    for (let i = 0; i < rows.length; i += 500) tx.insert(activityDays).values(rows.slice(i, i + 500)).onConflictDoNothing().run();
    const firstDay = addDays(today, -29);
    tx.run(sql`
      insert or ignore into activity_days (user_id, day)
      select user_id, day from (
        select user_id, date(created_at / 1000, 'unixepoch') as day from votes
        union select author_id, date(created_at / 1000, 'unixepoch') from suggestions
        union select author_id, date(created_at / 1000, 'unixepoch') from comments
      ) where day < ${firstDay}`);
  });

  // Stage 4's honors come from the app's own rules, over the data just built.
  if (shape.honors) backfillHonors({ db, now: new Date(now), notify: false });
}

// A suggestion's way to its status, as the lifecycle allows it.
const PATHS: Record<SuggestionStatus, SuggestionStatus[]> = {
  open: [],
  under_review: ["under_review"],
  planned: ["under_review", "planned"],
  in_progress: ["under_review", "planned", "in_progress"],
  shipped: ["under_review", "planned", "in_progress", "shipped"],
  declined: ["under_review", "declined"],
  duplicate: ["duplicate"],
};

const TITLES = [
  "a night mode for the camera",
  "swipe to reply in messages",
  "longer battery life in standby",
  "bigger icons option",
  "one-hand mode",
  "per-app volume",
  "scheduled dark theme",
  "quick settings for hotspot",
];

// Spreads `total` active days over the members (1–30 each, all within the last 30 days),
// giving each one day at least three days back so they can have posted something by now.
function spreadDays(random: Random, active: Member[], total: number) {
  const counts = active.map(() => 1);
  let left = total - active.length;
  while (left > 0) {
    const i = Math.floor(random.next() * active.length);
    if (counts[i] < 30) {
      counts[i]++;
      left--;
    }
  }
  active.forEach((m, i) => {
    const shuffled = random.shuffle(Array.from({ length: 30 }, (_, k) => k));
    const offsets = shuffled.slice(0, counts[i]);
    if (!offsets.some((o) => o >= 3)) offsets[0] = shuffled.slice(counts[i]).find((o) => o >= 3)!;
    m.days = offsets;
  });
}
