// Sprout's demo data: one product (Sprout Phone OS), its boards and tags, a community of
// members, and six months of suggestions with votes, comments, official replies and status
// history. The data obeys the app's own rules (counters equal their rows, lifecycle paths
// are valid, voting stops when a suggestion closes), so every page looks like a real
// forum from the first start. Deterministic: a seeded PRNG and times relative to `now`.
//
// The texts and names are data (data/*.json); this module makes the rows from them.
// `npm run db:seed` (cli.ts) fills DATABASE_URL, but only when it has no users.
import { count, eq } from "drizzle-orm";
import { hashPassword } from "../../app/features/accounts/passwords.server";
import type { Db } from "../../db/client";
import { seedEarlyAccess } from "./seed-early-access";
import { seedCampaigns } from "./seed-campaigns";
import { seedHonors } from "./seed-honors";
import { seedInvitations } from "./seed-invitations";
import { seedScoreHistory } from "./seed-scores";
import {
  boards,
  comments,
  complaintMessages,
  complaints,
  merges,
  ratings,
  releases,
  statusChanges,
  suggestionCredits,
  suggestions,
  suggestionTags,
  tags,
  users,
  votes,
  type Role,
  type SuggestionStatus,
} from "../../db/schema";
import { DEMO_ACCOUNTS, DEMO_MEMBER_PASSWORD } from "./accounts";
import community from "./data/community.json";
import conversations from "./data/conversations.json";
import suggestionData from "./data/suggestions.json";
import { createRandom, type Random } from "./random";

// Re-exported for the other seeds (scenarios.ts, seed-large.ts), which build on this one.
export { createRandom, DEMO_ACCOUNTS, DEMO_MEMBER_PASSWORD, type Random };

// A data text with its {placeholders} filled in.
function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const SECOND_STAFF = community.secondStaff as { username: string; displayName: string; locale: Locale };

type Locale = "en" | "zh";

// In the order they joined: the earliest members are also the most active.
const MEMBERS = community.members as { username: string; displayName: string; locale: Locale; bio?: string }[];

// ---------------------------------------------------------------------------------------
// The product: Sprout Phone OS, its boards and tags.

const BOARDS = community.boards;

const TAGS = community.tags;

// ---------------------------------------------------------------------------------------
// The suggestions. Language follows the title (Han characters mean Simplified Chinese).

type SuggestionSpec = {
  key: string;
  board: string; // a slug in data/community.json
  title: string;
  body: string;
  tags: string[];
  status: SuggestionStatus;
  // Share of the community that votes for it, 0–1; most suggestions stay quiet.
  heat?: number;
  // The demo fan's own suggestions, so that logging in as `fan` shows a contributor.
  byFan?: boolean;
  daysAgo?: number;
  duplicateOf?: string;
  declineReason?: string;
  // Member comments written for this suggestion, posted before the generic ones.
  comments?: string[];
};

const SUGGESTIONS = suggestionData as SuggestionSpec[];

// ---------------------------------------------------------------------------------------
// What people say. Generic comments fill in around the ones written for a suggestion.

// Comments anyone could leave on a request, and those that only make sense on a bug report.
const MEMBER_COMMENTS: Record<Locale, { request: string[]; bug: string[] }> = conversations.memberComments;

const MEMBER_REPLIES: Record<Locale, { request: string[]; bug: string[] }> = conversations.memberReplies;

const THANKS_AFTER_SHIPPING: Record<Locale, string[]> = conversations.thanksAfterShipping;

// Texts with a {placeholder} are filled in by fill().
const FIRST_OFFICIAL_REPLIES: Record<Locale, { request: string[]; bug: string }> = conversations.firstOfficialReplies;

const PLANNED_UPDATE: Record<Locale, string> = conversations.plannedUpdate;

// Monthly releases, oldest first; the newest went out a few days ago. A suggestion ships
// in the first release after its development started, or, when that is still to come,
// in a weekly update outside any release (the changelog's "shipped recently").
const RELEASE_COUNT = 6;
const releaseName = (slot: number) => `Sprout OS 3.${slot}`;
const WEEKLY_UPDATE: Record<Locale, string> = conversations.weeklyUpdate;

function releaseNotes(features: number) {
  return fill(conversations.releaseNotes, { features });
}

const RATING_COMMENTS: Record<Locale, string[]> = conversations.ratingComments;

// Ratings of shipped features lean positive, as they do when people got what they asked for.
const RATING_WEIGHTS = [4, 6, 13, 32, 45]; // for 1 to 5 stars

const SHIPPED_REPLY: Record<Locale, string> = conversations.shippedReply;

const MERGE_REPLY: Record<Locale, string> = conversations.mergeReply;

function statusNote(to: SuggestionStatus, locale: Locale, board: string, shippedIn: string): string {
  const notes: Record<Locale, Record<"under_review" | "planned" | "in_progress" | "shipped", string>> = conversations.statusNotes;
  if (to === "open" || to === "declined" || to === "duplicate") throw new Error(`${to} needs its own note`);
  return fill(notes[locale][to], { board, shippedIn });
}

// ---------------------------------------------------------------------------------------
// The generator.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// When suggestions in each status were posted, in days before now: shipped ones had time
// to travel the whole lifecycle, open ones are recent. Duplicates follow their target.
const POSTED_DAYS_AGO: Record<Exclude<SuggestionStatus, "duplicate">, [number, number]> = {
  open: [1, 75],
  under_review: [4, 90],
  planned: [15, 130],
  in_progress: [25, 150],
  shipped: [60, 165],
  declined: [10, 160],
};

// The statuses a suggestion passed through after open, in order: the main line of the
// lifecycle in app/features/lifecycle/lifecycle.ts, and a merge straight from open for duplicates.
const LIFECYCLE_PATH: Record<SuggestionStatus, SuggestionStatus[]> = {
  open: [],
  under_review: ["under_review"],
  planned: ["under_review", "planned"],
  in_progress: ["under_review", "planned", "in_progress"],
  shipped: ["under_review", "planned", "in_progress", "shipped"],
  declined: ["under_review", "declined"],
  duplicate: ["duplicate"],
};

const VOTING_CLOSED: SuggestionStatus[] = ["shipped", "declined", "duplicate"];

// As in app/features/lifecycle/lifecycle.ts: the first of these a suggestion reaches stamps first_decision_at.
const DECISIONS: SuggestionStatus[] = ["planned", "in_progress", "shipped", "declined", "duplicate"];


type Person = { id: number; username: string; locale: Locale; joinedAt: number; role: Role };

type Change = { to: SuggestionStatus; at: number };

type SuggestionPlan = {
  spec: SuggestionSpec;
  locale: Locale;
  postedAt: number;
  author: Person;
  owner: Person; // the staff member who answers it and moves it along
  firstOfficialAt: number | null;
  changes: Change[];
  closedAt: number | null;
  releaseSlot: number | null; // the release it shipped in, if any
  target?: SuggestionPlan;
  id: number;
};

type CommentPlan = {
  at: number;
  authorId: number;
  body: string;
  official: boolean;
  helpful: boolean;
  parent?: CommentPlan;
  id?: number;
};

export type SeedOptions = {
  // Every time is placed relative to this moment (default: now).
  now?: Date;
  seed?: number;
};

export type SeedSummary = {
  users: number;
  boards: number;
  tags: number;
  suggestions: number;
  votes: number;
  comments: number;
  officialReplies: number;
  statusChanges: number;
  merges: number;
  releases: number;
  ratings: number;
  complaints: number;
};

const DEFAULT_SEED = 20_240_615;

/** Fills an empty, migrated database with Sprout's demo community. */
export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = (options.now ?? new Date()).getTime();
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  const [memberHash, ...accountHashes] = await Promise.all([
    hashPassword(DEMO_MEMBER_PASSWORD),
    ...DEMO_ACCOUNTS.map((account) => hashPassword(account.password)),
  ]);

  const summary = db.transaction((tx) => {
    const insertPerson = (person: Omit<Person, "id"> & { displayName: string; passwordHash: string; bio?: string }): Person => {
      const { id } = tx
        .insert(users)
        .values({
          username: person.username,
          displayName: person.displayName,
          email: `${person.username}@example.com`,
          passwordHash: person.passwordHash,
          role: person.role,
          locale: person.locale,
          bio: person.bio ?? "",
          createdAt: new Date(person.joinedAt),
        })
        .returning({ id: users.id })
        .get();
      return { id, username: person.username, locale: person.locale, joinedAt: person.joinedAt, role: person.role };
    };

    // The team was there before the forum opened; members joined over six months, most
    // of them early, as happens when a forum launches with the product.
    const teamJoinedAt = now - 200 * DAY;
    const accounts = DEMO_ACCOUNTS.map((account, i) =>
      insertPerson({
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        locale: "en",
        passwordHash: accountHashes[i],
        joinedAt: account.role === "member" ? now - 150 * DAY : teamJoinedAt,
      }),
    );
    const secondStaff = insertPerson({ ...SECOND_STAFF, role: "staff", passwordHash: memberHash, joinedAt: teamJoinedAt });
    const staff = [accounts.find((a) => a.role === "staff")!, secondStaff];
    const fan = accounts.find((a) => a.role === "member")!;
    const community = MEMBERS.map((member, i) =>
      insertPerson({
        ...member,
        role: "member",
        passwordHash: memberHash,
        joinedAt: now - (182 - 178 * (i / (MEMBERS.length - 1)) ** 1.6 - random.between(0, 0.8)) * DAY,
      }),
    );
    const members = [...community, fan];
    const membersById = new Map(members.map((member) => [member.id, member]));

    const boardIds = new Map<string, number>();
    const boardNames = new Map<string, Record<Locale, string>>();
    BOARDS.forEach((board, position) => {
      const { id } = tx.insert(boards).values({ ...board, position, createdAt: new Date(teamJoinedAt) }).returning({ id: boards.id }).get();
      boardIds.set(board.slug, id);
      boardNames.set(board.slug, { en: board.nameEn, zh: board.nameZh });
    });
    const tagIds = new Map<string, number>();
    for (const tag of TAGS) tagIds.set(tag.slug, tx.insert(tags).values(tag).returning({ id: tags.id }).get().id);

    const releaseDates = Array.from({ length: RELEASE_COUNT }, (_, slot) => now - (6 + (RELEASE_COUNT - 1 - slot) * 28) * DAY);
    const plans = planSuggestions(random, now, community, staff, fan, releaseDates);
    const releaseIds = insertReleases();
    insertSuggestions();
    const { voters, movedVoters } = planVotes(random, now, plans, members);
    const coAuthors = planCredits(plans);

    const counts = { votes: 0, comments: 0, officialReplies: 0, statusChanges: 0, merges: 0, ratings: 0 };
    for (const plan of plans) {
      const planVoters = [...voters.get(plan)!].map(([userId, at]) => ({ suggestionId: plan.id, userId, createdAt: new Date(at) }));
      tx.insert(votes).values(planVoters).run();
      counts.votes += planVoters.length;

      const thread = planComments(random, now, plan, members, boardNames);
      for (const comment of thread) {
        comment.id = tx
          .insert(comments)
          .values({
            suggestionId: plan.id,
            authorId: comment.authorId,
            parentId: comment.parent?.id ?? null,
            body: comment.body,
            isOfficial: comment.official,
            isHelpful: comment.helpful,
            createdAt: new Date(comment.at),
          })
          .returning({ id: comments.id })
          .get().id;
      }
      counts.comments += thread.length;
      const officialTimes = thread.filter((c) => c.official).map((c) => c.at);
      counts.officialReplies += officialTimes.length;

      let from: SuggestionStatus = "open";
      for (const change of plan.changes) {
        tx.insert(statusChanges)
          .values({
            suggestionId: plan.id,
            actorId: plan.owner.id,
            fromStatus: from,
            toStatus: change.to,
            note: changeNote(plan, change, boardNames),
            createdAt: new Date(change.at),
          })
          .run();
        from = change.to;
        counts.statusChanges++;
      }

      // What the app's merge records, so that it can be shown and undone like a real one.
      if (plan.target) {
        const credited = coAuthors.get(plan.target)!.filter((credit) => credit.from === plan);
        for (const credit of credited) {
          tx.insert(suggestionCredits)
            .values({ suggestionId: plan.target.id, userId: credit.userId, fromSuggestionId: plan.id, createdAt: new Date(plan.closedAt!) })
            .run();
        }
        tx.insert(merges)
          .values({
            sourceId: plan.id,
            targetId: plan.target.id,
            actorId: plan.owner.id,
            sourceStatusBefore: "open",
            movedVoterIds: JSON.stringify(movedVoters.get(plan)),
            creditedUserIds: JSON.stringify(credited.map((credit) => credit.userId)),
            note: changeNote(plan, plan.changes[0], boardNames),
            createdAt: new Date(plan.closedAt!),
          })
          .run();
        counts.merges++;
      }

      if (plan.spec.status === "shipped") {
        // A co-author's vote usually came along with the merge: count each person once.
        const askedForIt = new Set([...voters.get(plan)!.keys(), ...coAuthors.get(plan)!.map((credit) => credit.userId)]);
        const planRatings = planRatingsOf(random, now, plan, [...askedForIt].map((id) => membersById.get(id)!));
        if (planRatings.length) tx.insert(ratings).values(planRatings).run();
        counts.ratings += planRatings.length;
      }

      tx.update(suggestions)
        .set({
          voteCount: planVoters.length,
          commentCount: thread.length,
          firstOfficialReplyAt: officialTimes.length ? new Date(Math.min(...officialTimes)) : null,
        })
        .where(eq(suggestions.id, plan.id))
        .run();
    }

    return {
      users: accounts.length + 1 + community.length,
      boards: BOARDS.length,
      tags: TAGS.length,
      suggestions: plans.length,
      releases: releaseIds.size,
      complaints: insertComplaints(),
      ...counts,
    };

    // A few private complaints in every state, so the staff queue shows all its clocks and
    // the demo fan has one resolved (about a declined suggestion) to look at.
    function insertComplaints() {
      const declined = plans
        .filter((plan) => plan.spec.status === "declined" && plan.closedAt! <= now - 5 * DAY)
        .sort((a, b) => b.closedAt! - a.closedAt!)[0];
      const [teamEn, teamZh] = staff;
      const specs = planComplaints(now, { fan, community, teamEn, teamZh, declinedSuggestionId: declined?.id ?? null });
      for (const spec of specs) {
        const { id } = tx
          .insert(complaints)
          .values({
            userId: spec.filer.id,
            subject: spec.subject,
            suggestionId: spec.suggestionId,
            title: spec.title,
            body: spec.body,
            status: spec.resolved ? "resolved" : spec.acknowledgedAt ? "acknowledged" : "open",
            createdAt: new Date(spec.filedAt),
            acknowledgedAt: spec.acknowledgedAt ? new Date(spec.acknowledgedAt) : null,
            resolvedAt: spec.resolved ? new Date(spec.resolved.at) : null,
            resolvedById: spec.resolved?.by.id ?? null,
            resolutionNote: spec.resolved?.note ?? null,
            resolutionRating: spec.resolved?.rating ?? null,
            ratedAt: spec.resolved?.rating ? new Date(spec.resolved.at + 3 * HOUR) : null,
          })
          .returning({ id: complaints.id })
          .get();
        if (spec.messages.length) {
          tx.insert(complaintMessages)
            .values(spec.messages.map((m) => ({ complaintId: id, authorId: m.by.id, body: m.body, createdAt: new Date(m.at) })))
            .run();
        }
      }
      return specs.length;
    }

    // Only releases that carry community suggestions: the changelog is about those.
    function insertReleases() {
      const ids = new Map<number, number>();
      releaseDates.forEach((releasedAt, slot) => {
        const features = plans.filter((plan) => plan.releaseSlot === slot).length;
        if (features === 0) return;
        const { id } = tx
          .insert(releases)
          .values({
            name: releaseName(slot),
            notes: releaseNotes(features),
            releasedAt: new Date(releasedAt),
            createdById: staff[0].id,
            createdAt: new Date(releasedAt - DAY),
          })
          .returning({ id: releases.id })
          .get();
        ids.set(slot, id);
      });
      return ids;
    }

    // Oldest first, so ids follow posting order and #1 is the forum's first suggestion.
    function insertSuggestions() {
      for (const plan of plans) {
        const firstDecision = plan.changes.find((change) => DECISIONS.includes(change.to));
        const shipped = plan.spec.status === "shipped";
        plan.id = tx
          .insert(suggestions)
          .values({
            boardId: boardIds.get(plan.spec.board)!,
            authorId: plan.author.id,
            title: plan.spec.title,
            body: plan.spec.body,
            status: plan.spec.status,
            duplicateOfId: plan.target?.id ?? null,
            firstDecisionAt: firstDecision ? new Date(firstDecision.at) : null,
            shippedAt: shipped ? new Date(plan.closedAt!) : null,
            releaseId: plan.releaseSlot === null ? null : releaseIds.get(plan.releaseSlot)!,
            createdAt: new Date(plan.postedAt),
          })
          .returning({ id: suggestions.id })
          .get().id;
        const tagRows = plan.spec.tags.map((slug) => ({ suggestionId: plan.id, tagId: tagIds.get(slug)! }));
        if (tagRows.length) tx.insert(suggestionTags).values(tagRows).run();
      }
    }
  });
  seedEarlyAccess(db, new Date(now));
  seedInvitations(db, new Date(now));
  // Campaign entries are activity too, so campaigns come before the honors they feed.
  seedCampaigns(db, new Date(now));
  seedHonors(db, new Date(now));
  seedScoreHistory(db, new Date(now));
  return summary;
}

type ComplaintPlan = {
  filer: Person;
  subject: "product" | "reply" | "decision";
  suggestionId: number | null;
  title: string;
  body: string;
  filedAt: number;
  acknowledgedAt: number | null;
  resolved: { at: number; by: Person; note: string; rating: number | null } | null;
  messages: { by: Person; at: number; body: string }[];
};

// Ages chosen against the default 24 h target: one fresh, one amber, one red; two resolved
// this week (median 13 h), one resolved long ago and never rated.
function planComplaints(
  now: number,
  people: { fan: Person; community: Person[]; teamEn: Person; teamZh: Person; declinedSuggestionId: number | null },
): ComplaintPlan[] {
  const { fan, community, teamEn, teamZh } = people;
  const byName = (username: string) => community.find((member) => member.username === username) ?? community[0];
  const fanFiled = now - 4 * DAY;
  const batteryFiled = now - 30 * HOUR;
  const oldFiled = now - 12 * DAY;
  const cameraFiled = now - 3 * DAY;
  return [
    {
      filer: fan,
      subject: "decision",
      suggestionId: people.declinedSuggestionId,
      title: "I don't understand why this was declined",
      body: "The note says it doesn't fit the roadmap, but many of us asked for it. Could you explain a bit more, or say what would change your mind?",
      filedAt: fanFiled,
      acknowledgedAt: fanFiled + 2 * HOUR,
      resolved: {
        at: fanFiled + 20 * HOUR,
        by: teamEn,
        note: "We talked it over again as a team. The decision stands for this year, but we've added the reasons to the suggestion and will revisit it when the new hardware lands. Thank you for pushing us to explain.",
        rating: 4,
      },
      messages: [
        { by: teamEn, at: fanFiled + 2 * HOUR, body: "Thanks for telling us. I'm taking this to the team meeting tomorrow and will come back to you." },
        { by: fan, at: fanFiled + 5 * HOUR, body: "Thanks, that's all I'm asking for." },
      ],
    },
    {
      filer: byName("zhangwei"),
      subject: "reply",
      suggestionId: null,
      title: "官方回复只是复制粘贴的模板",
      body: "我反馈的问题收到的官方回复和另外三个帖子一模一样，感觉根本没人看内容。",
      filedAt: cameraFiled,
      acknowledgedAt: cameraFiled + 6 * HOUR,
      resolved: {
        at: cameraFiled + 6 * HOUR,
        by: teamZh,
        note: "抱歉，那条回复确实不该用模板。我已经在你的帖子下重新做了具体答复，也提醒了团队不要再这样回复。",
        rating: 5,
      },
      messages: [],
    },
    {
      filer: byName("jonas_photo"),
      subject: "product",
      suggestionId: null,
      title: "Gallery sync lost a week of photos",
      body: "After the update, photos from last week are missing on my tablet. They are still on the phone.",
      filedAt: oldFiled,
      acknowledgedAt: oldFiled + 3 * HOUR,
      resolved: { at: oldFiled + 28 * HOUR, by: teamEn, note: "Fixed in the sync service; your photos are back on all devices.", rating: null },
      messages: [{ by: teamEn, at: oldFiled + 3 * HOUR, body: "Sorry about this. Could you tell us which tablet model you use?" }],
    },
    {
      filer: byName("mia_k"),
      subject: "product",
      suggestionId: null,
      title: "Battery drains overnight since the last update",
      body: "My phone loses 30% overnight with nothing running. Before the update it was 3%.",
      filedAt: batteryFiled,
      acknowledgedAt: batteryFiled + 4 * HOUR,
      resolved: null,
      messages: [{ by: teamEn, at: batteryFiled + 4 * HOUR, body: "We can reproduce it on two test phones and are looking for the cause." }],
    },
    {
      filer: byName("li_na"),
      subject: "reply",
      suggestionId: null,
      title: "我的建议被合并了，但合并的理由不对",
      body: "我的建议和被合并到的那条并不是同一个问题，希望工作人员再看一下。",
      filedAt: now - 14 * HOUR,
      acknowledgedAt: null,
      resolved: null,
      messages: [],
    },
    {
      filer: byName("priya_dev"),
      subject: "product",
      suggestionId: null,
      title: "Developer options reset after every reboot",
      body: "USB debugging switches itself off after each restart, which breaks my test setup.",
      filedAt: now - 2 * HOUR,
      acknowledgedAt: null,
      resolved: null,
      messages: [],
    },
  ];
}

function localeOf(text: string): Locale {
  return /\p{Script=Han}/u.test(text) ? "zh" : "en";
}

// Decides who posted each suggestion and when, and when staff answered and moved it.
function planSuggestions(
  random: Random,
  now: number,
  community: Person[],
  staff: Person[],
  fan: Person,
  releaseDates: number[],
): SuggestionPlan[] {
  const byKey = new Map<string, SuggestionPlan>();
  const latest = now - 3 * HOUR;

  const chooseAuthor = (spec: SuggestionSpec, locale: Locale, postedAt: number) => {
    if (spec.byFan) return fan;
    const sameLanguage = community.filter((member) => member.locale === locale);
    const eligible = sameLanguage.filter((member) => member.joinedAt < postedAt - DAY);
    if (eligible.length === 0) return sameLanguage[0];
    // The earliest members post the most.
    return random.weightedPick(eligible, (_, i) => 1 / (1 + i * 0.3));
  };

  // Targets first: a duplicate is always posted after the suggestion it repeats.
  const ordered = [...SUGGESTIONS.filter((s) => !s.duplicateOf), ...SUGGESTIONS.filter((s) => s.duplicateOf)];
  for (const spec of ordered) {
    const locale = localeOf(spec.title);
    const target = spec.duplicateOf ? byKey.get(spec.duplicateOf) : undefined;
    if (spec.duplicateOf && !target) throw new Error(`${spec.key} duplicates unknown ${spec.duplicateOf}`);

    let postedAt: number;
    if (target) {
      // Posted and merged while the target still took votes, so the votes it brings along
      // land inside the target's voting window.
      const earliest = target.postedAt + 2 * DAY;
      postedAt = random.between(earliest, Math.max(earliest, (target.closedAt ?? now) - 2 * DAY));
    } else {
      const [newest, oldest] = POSTED_DAYS_AGO[spec.status as Exclude<SuggestionStatus, "duplicate">];
      postedAt = now - (spec.daysAgo ?? random.between(newest, oldest)) * DAY;
    }
    const author = chooseAuthor(spec, locale, postedAt);
    postedAt = Math.max(postedAt, author.joinedAt + DAY);
    // Each suggestion has one owner on the team, who mostly speaks its language
    // (staff[0] answers most English posts, staff[1] most Chinese ones).
    const usualOwner = locale === "zh" ? 1 : 0;
    const owner = random.weightedPick(staff, (_, i) => (i === usualOwner ? 3 : 1));

    // Staff answer within hours; only open suggestions may still be waiting.
    let firstOfficialAt: number | null = postedAt + random.between(0.5, 30) * HOUR;
    if (spec.status === "open" && (firstOfficialAt > latest || random.chance(0.5))) firstOfficialAt = null;

    const path = LIFECYCLE_PATH[spec.status];
    const changes: Change[] = [];
    if (path.length > 0 && firstOfficialAt !== null) {
      // The first move happens while answering; later ones spread over the weeks after.
      const firstAt = firstOfficialAt + random.between(5, 90) * 60_000;
      const laterTimes = path
        .slice(1)
        .map(() => random.between(firstAt, latest))
        .sort((a, b) => a - b);
      [firstAt, ...laterTimes].forEach((at, i) => changes.push({ to: path[i], at }));
    }

    // Development started at the in_progress change; the feature ships with the next release.
    let releaseSlot: number | null = null;
    if (spec.status === "shipped") {
      const developmentStarted = changes[changes.length - 2].at;
      const slot = releaseDates.findIndex((releasedAt) => releasedAt > developmentStarted);
      if (slot >= 0) {
        releaseSlot = slot;
        changes[changes.length - 1].at = releaseDates[slot];
      }
    }
    const closedAt = VOTING_CLOSED.includes(spec.status) ? changes[changes.length - 1].at : null;

    byKey.set(spec.key, { spec, locale, postedAt, author, owner, firstOfficialAt, changes, closedAt, releaseSlot, target, id: 0 });
  }
  return [...byKey.values()].sort((a, b) => a.postedAt - b.postedAt);
}

// Every author votes for their own suggestion; the rest of the community votes with a
// strongly skewed appetite (heat^1.5), only while voting is open, and only once joined.
// A merged duplicate adds its voters to the target with the moment they voted, as the
// app's merge does; movedVoters keeps who was added, for the merge record.
function planVotes(random: Random, now: number, plans: SuggestionPlan[], members: Person[]) {
  const voters = new Map<SuggestionPlan, Map<number, number>>();
  for (const plan of plans) {
    const until = plan.closedAt ?? now - 5 * 60_000;
    const planVoters = new Map([[plan.author.id, plan.postedAt]]);
    // Whoever posted a duplicate of it evidently hadn't found it, let alone voted for it.
    const duplicateAuthors = new Set(plans.filter((other) => other.target === plan).map((other) => other.author.id));
    const eligible = random.shuffle(
      members.filter((m) => m.id !== plan.author.id && !duplicateAuthors.has(m.id) && m.joinedAt < until),
    );
    const heat = plan.spec.heat ?? 0.05;
    const wanted = Math.min(eligible.length, Math.round(eligible.length * heat ** 1.5 * random.between(0.8, 1.15)));
    for (const voter of eligible.slice(0, wanted)) {
      const from = Math.max(plan.postedAt, voter.joinedAt);
      planVoters.set(voter.id, from + (until - from) * random.next() ** 2);
    }
    voters.set(plan, planVoters);
  }
  const movedVoters = new Map<SuggestionPlan, number[]>();
  for (const plan of plans) {
    if (!plan.target) continue;
    const targetVoters = voters.get(plan.target)!;
    const moved = [...voters.get(plan)!].filter(([userId]) => !targetVoters.has(userId));
    for (const [userId, at] of moved) targetVoters.set(userId, at);
    movedVoters.set(
      plan,
      moved.map(([userId]) => userId),
    );
  }
  return { voters, movedVoters };
}

// Co-authors: the author of each duplicate is credited on its target (once, and not when
// they wrote the target themselves).
function planCredits(plans: SuggestionPlan[]) {
  const credits = new Map<SuggestionPlan, { userId: number; from: SuggestionPlan }[]>(plans.map((plan) => [plan, []]));
  for (const plan of plans) {
    if (!plan.target) continue;
    const onTarget = credits.get(plan.target)!;
    const userId = plan.author.id;
    if (userId !== plan.target.author.id && !onTarget.some((credit) => credit.userId === userId)) onTarget.push({ userId, from: plan });
  }
  return credits;
}

// The experience report: some of the people who asked for a shipped feature rate it after
// it lands, now and then with a word about it.
function planRatingsOf(random: Random, now: number, plan: SuggestionPlan, askedForIt: Person[]) {
  const shippedAt = plan.closedAt!;
  if (now - shippedAt < HOUR) return [];
  const raters = random.shuffle(askedForIt).slice(0, Math.round(askedForIt.length * random.between(0.3, 0.6)));
  return raters.map((rater) => ({
    suggestionId: plan.id,
    userId: rater.id,
    score: random.weightedPick([1, 2, 3, 4, 5], (_, i) => RATING_WEIGHTS[i]),
    comment: random.chance(0.35) ? random.pick(RATING_COMMENTS[rater.locale]) : "",
    createdAt: new Date(shippedAt + (now - shippedAt) * random.next() ** 2),
  }));
}

function shippedIn(plan: SuggestionPlan): string {
  return plan.releaseSlot === null ? WEEKLY_UPDATE[plan.locale] : releaseName(plan.releaseSlot);
}

// Member comments (some replying to earlier ones, a few marked helpful by staff), the
// owner's official replies at the moments that matter, and thanks once something ships.
// Sorted by time, so a reply's parent is always inserted before it.
function planComments(random: Random, now: number, plan: SuggestionPlan, members: Person[], boardNames: Map<string, Record<Locale, string>>) {
  const { spec, locale } = plan;
  const board = boardNames.get(spec.board)![locale];
  const until = plan.closedAt ?? now - 10 * 60_000;
  const official: CommentPlan[] = [];
  const say = (at: number, body: string) => official.push({ at, authorId: plan.owner.id, body, official: true, helpful: false });

  const isBug = spec.tags.includes("bug");
  // A duplicate's first answer is the merge itself, posted with the status change.
  if (plan.firstOfficialAt !== null && !plan.target) {
    const replies = FIRST_OFFICIAL_REPLIES[locale];
    say(plan.firstOfficialAt, isBug ? replies.bug : fill(random.pick(replies.request), { board }));
  }
  for (const change of plan.changes) {
    if (change.to === "duplicate") say(change.at, fill(MERGE_REPLY[locale], { targetId: plan.target!.id }));
    if (change.to === "planned" && random.chance(0.5)) say(change.at, PLANNED_UPDATE[locale]);
    if (change.to === "shipped") say(change.at, fill(SHIPPED_REPLY[locale], { release: shippedIn(plan) }));
    if (change.to === "declined") say(change.at, spec.declineReason!);
  }

  // Someone who had joined by then, mostly speaking the suggestion's language, and not
  // the same person again while others are around: real threads have many voices.
  const spoken = new Set<number>();
  const speaker = (at: number) => {
    const present = members.filter((m) => m.joinedAt < at);
    const fresh = present.filter((m) => !spoken.has(m.id));
    const candidates = fresh.length ? fresh : present;
    const sameLanguage = candidates.filter((m) => m.locale === locale);
    const chosen = random.pick(sameLanguage.length && random.chance(0.9) ? sameLanguage : candidates);
    spoken.add(chosen.id);
    return chosen;
  };

  const howMany = spec.duplicateOf ? (random.chance(0.4) ? 1 : 0) : Math.round((spec.heat ?? 0.05) * 8 + random.between(0, 2));
  const times = Array.from({ length: howMany }, () => plan.postedAt + (until - plan.postedAt) * random.next() ** 1.3).sort((a, b) => a - b);
  const written = [...(spec.comments ?? [])];
  const pool = MEMBER_COMMENTS[locale];
  const generic = random.shuffle(isBug ? [...pool.bug, ...pool.request] : pool.request);
  const replyPool = MEMBER_REPLIES[locale];
  const replies = random.shuffle(isBug ? [...replyPool.bug, ...replyPool.request] : replyPool.request);
  const discussion: CommentPlan[] = [];
  for (const at of times) {
    const author = speaker(at);
    const earlier = discussion.filter((c) => c.authorId !== author.id);
    if (written.length === 0 && earlier.length > 0 && replies.length > 0 && random.chance(0.3)) {
      discussion.push({ at, authorId: author.id, body: replies.pop()!, official: false, helpful: false, parent: random.pick(earlier) });
    } else {
      const body = written.shift() ?? generic.pop();
      if (body) discussion.push({ at, authorId: author.id, body, official: false, helpful: random.chance(0.12) });
    }
  }

  if (spec.status === "shipped" && plan.closedAt !== null && now - plan.closedAt > DAY) {
    const thanks = random.shuffle(THANKS_AFTER_SHIPPING[locale]).slice(0, 1 + Math.floor(random.next() * 2));
    for (const body of thanks) {
      const at = plan.closedAt + (now - plan.closedAt) * random.next() ** 2;
      discussion.push({ at, authorId: speaker(at).id, body, official: false, helpful: false });
    }
  }

  return [...official, ...discussion].sort((a, b) => a.at - b.at);
}

function changeNote(plan: SuggestionPlan, change: Change, boardNames: Map<string, Record<Locale, string>>): string {
  if (change.to === "declined") return plan.spec.declineReason!;
  if (change.to === "duplicate") {
    const target = plan.target!;
    return plan.locale === "zh" ? `与 #${target.id} 重复，已合并：${target.spec.title}` : `Merged into #${target.id}: ${target.spec.title}`;
  }
  return statusNote(change.to, plan.locale, boardNames.get(plan.spec.board)![plan.locale], shippedIn(plan));
}

/** Seeds only a database without users, so restarts never duplicate or overwrite data. */
export async function seedDemoDataIfEmpty(db: Db, options?: SeedOptions): Promise<SeedSummary | null> {
  const { n } = db.select({ n: count() }).from(users).get()!;
  return n === 0 ? seedDemoData(db, options) : null;
}

export function describeSeed(summary: SeedSummary): string {
  return [
    `${summary.users} users`,
    `${summary.boards} boards`,
    `${summary.tags} tags`,
    `${summary.suggestions} suggestions`,
    `${summary.votes} votes`,
    `${summary.comments} comments (${summary.officialReplies} official)`,
    `${summary.statusChanges} status changes`,
    `${summary.merges} merges`,
    `${summary.releases} releases`,
    `${summary.ratings} ratings`,
    `${summary.complaints} complaints`,
  ].join(", ");
}
