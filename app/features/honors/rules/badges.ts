// Sprout's badges: declarative definitions evaluated by one engine (app/features/honors/honors.server.ts).
// Each says what it is called, its tier, which events re-check it, and a pure rule over a
// member's contribution facts. Grants are never taken back: a badge records that something
// happened. Repeatable badges are earned once per suggestion (their rule returns the
// suggestion ids); the others once per member.
import type { Contribution } from "~/features/honors/rules/levels";

export const BADGE_TIERS = ["bronze", "silver", "gold"] as const;
export type BadgeTier = (typeof BADGE_TIERS)[number];

// What happened, so that only the badges it can affect are checked; the back-fill and an
// evaluation without an event check them all.
export const HONOR_EVENTS = [
  "suggestion_posted",
  "status_changed",
  "shipped",
  "vote_cast",
  "rating_given",
  "comment_marked_helpful",
  "invitation_activated",
  "daily_activity",
  "complaint_resolved",
] as const;
export type HonorEvent = (typeof HONOR_EVENTS)[number];

// Everything the rules look at, for one member at one moment. Gathered by honors.server.ts.
export type MemberFacts = {
  now: Date;
  joinedAt: Date;
  // 1 for the forum's first account, in signup order (user ids); honors.server.ts counts
  // no further than FOUNDING_MEMBERS + 1, all the founding badge needs to know.
  memberNumber: number;
  suggestionsPosted: number;
  // Suggestions the member wrote or is credited on (co-author) that reached planned,
  // in_progress or shipped; and those that shipped.
  adoptedSuggestionIds: readonly number[];
  shippedSuggestionIds: readonly number[];
  // Votes received on the member's own suggestions that count (app/features/honors/rules/anti-gaming.ts).
  votesBySuggestion: Readonly<Record<number, number>>;
  helpfulReplies: number;
  // Ratings given to shipped features (the experience report).
  ratingsGiven: number;
  // Invitees who became active members (invitations.activated_at), rewards not withheld.
  // Re-checked on the invitation_activated domain event.
  activeInvitees: number;
  // Invitations rewarded as inviter or as invitee (honor points, app/features/honors/rules/levels.ts).
  invitationRewards: number;
  daysActive: number;
  recentDaysActive: number;
  longestStreak: number;
  lastActiveDay: string | null;
  resolvedComplaintsAt: readonly Date[];
};

type Text = { en: string; zh: string };

type BadgeCommon = {
  tier: BadgeTier;
  name: Text;
  description: Text;
  events: readonly HonorEvent[];
};

export type BadgeDefinition = BadgeCommon &
  ({ repeatable: false; earned: (facts: MemberFacts) => boolean } | { repeatable: true; earnedFor: (facts: MemberFacts) => number[] });

const DAY_MS = 24 * 60 * 60 * 1000;
export const FOUNDING_MEMBERS = 100;
export const CROWD_FAVORITE_VOTES = 25;
export const TURNED_AROUND_DAYS = 30;

export function votesReceived(facts: Pick<MemberFacts, "votesBySuggestion">): number {
  return Object.values(facts.votesBySuggestion).reduce((sum, n) => sum + n, 0);
}

// Facts → the contribution that honor levels are computed from.
export function contributionOf(facts: MemberFacts): Contribution {
  return {
    shipped: facts.shippedSuggestionIds.length,
    adopted: facts.adoptedSuggestionIds.length,
    votesReceived: votesReceived(facts),
    helpfulReplies: facts.helpfulReplies,
    ratingsGiven: facts.ratingsGiven,
    daysActive: facts.daysActive,
    invitationRewards: facts.invitationRewards,
    recentDaysActive: facts.recentDaysActive,
  };
}

const SHIP_EVENTS = ["shipped", "status_changed"] as const;
// Merges (status changes) move votes too.
const VOTE_EVENTS = ["vote_cast", "status_changed"] as const;

const coCreator = (tier: BadgeTier, shipped: number, name: Text): BadgeDefinition => ({
  tier,
  name,
  description: {
    en: `${shipped} suggestions you wrote or co-authored shipped.`,
    zh: `你提出或共同提出的建议中有 ${shipped} 条已上线。`,
  },
  events: SHIP_EVENTS,
  repeatable: false,
  earned: (f) => f.shippedSuggestionIds.length >= shipped,
});

const votesTier = (tier: BadgeTier, votes: number, name: Text): BadgeDefinition => ({
  tier,
  name,
  description: { en: `Your suggestions received ${votes} votes.`, zh: `你的建议累计获得 ${votes} 票。` },
  events: VOTE_EVENTS,
  repeatable: false,
  earned: (f) => votesReceived(f) >= votes,
});

const helpful = (tier: BadgeTier, replies: number, name: Text, description: Text): BadgeDefinition => ({
  tier,
  name,
  description,
  events: ["comment_marked_helpful"],
  repeatable: false,
  earned: (f) => f.helpfulReplies >= replies,
});

const tester = (tier: BadgeTier, rated: number, name: Text): BadgeDefinition => ({
  tier,
  name,
  description: { en: `Rated ${rated} shipped features in the experience report.`, zh: `在体验报告中为 ${rated} 个已上线功能打分。` },
  events: ["rating_given"],
  repeatable: false,
  earned: (f) => f.ratingsGiven >= rated,
});

const inviter = (tier: BadgeTier, invitees: number, name: Text): BadgeDefinition => ({
  tier,
  name,
  description:
    invitees === 1
      ? { en: "A friend you invited became an active member.", zh: "你邀请的一位朋友成为了活跃会员。" }
      : { en: `${invitees} friends you invited became active members.`, zh: `你邀请的 ${invitees} 位朋友成为了活跃会员。` },
  events: ["invitation_activated"],
  repeatable: false,
  earned: (f) => f.activeInvitees >= invitees,
});

const streak = (tier: BadgeTier, days: number, name: Text): BadgeDefinition => ({
  tier,
  name,
  description: { en: `Active on Sprout ${days} days in a row.`, zh: `连续 ${days} 天活跃于 Sprout。` },
  events: ["daily_activity"],
  repeatable: false,
  earned: (f) => f.longestStreak >= days,
});

export const BADGES = {
  first_suggestion: {
    tier: "bronze",
    name: { en: "First idea", zh: "初次建言" },
    description: { en: "Posted a first suggestion.", zh: "发布了第一条建议。" },
    events: ["suggestion_posted"],
    repeatable: false,
    earned: (f) => f.suggestionsPosted >= 1,
  },
  first_adopted: {
    tier: "bronze",
    name: { en: "Adopted", zh: "建议被采纳" },
    description: {
      en: "The team adopted a suggestion you wrote or co-authored (planned).",
      zh: "你提出或共同提出的建议被团队采纳（已列入计划）。",
    },
    events: SHIP_EVENTS,
    repeatable: false,
    earned: (f) => f.adoptedSuggestionIds.length >= 1,
  },
  first_shipped: {
    tier: "silver",
    name: { en: "Shipped!", zh: "建议已上线" },
    description: { en: "A suggestion you wrote or co-authored shipped.", zh: "你提出或共同提出的建议已上线。" },
    events: SHIP_EVENTS,
    repeatable: false,
    earned: (f) => f.shippedSuggestionIds.length >= 1,
  },
  co_creator: coCreator("bronze", 3, { en: "Co-creator", zh: "共创者" }),
  senior_co_creator: coCreator("silver", 10, { en: "Senior co-creator", zh: "资深共创者" }),
  master_co_creator: coCreator("gold", 25, { en: "Master co-creator", zh: "共创大师" }),
  noticed: votesTier("bronze", 10, { en: "Noticed", zh: "初露头角" }),
  popular: votesTier("silver", 100, { en: "Popular", zh: "人气之星" }),
  beloved: votesTier("gold", 1000, { en: "Beloved", zh: "众望所归" }),
  crowd_favorite: {
    tier: "silver",
    name: { en: "Crowd favourite", zh: "众望之选" },
    description: {
      en: `A suggestion of yours received ${CROWD_FAVORITE_VOTES} votes. Earned once per suggestion.`,
      zh: `你的一条建议获得了 ${CROWD_FAVORITE_VOTES} 票。每条建议可获得一次。`,
    },
    events: VOTE_EVENTS,
    repeatable: true,
    earnedFor: (f) =>
      Object.entries(f.votesBySuggestion)
        .filter(([, votes]) => votes >= CROWD_FAVORITE_VOTES)
        .map(([id]) => Number(id)),
  },
  helpful_reply: helpful(
    "bronze",
    1,
    { en: "Helpful reply", zh: "热心解答" },
    { en: "The team marked one of your comments helpful.", zh: "团队将你的一条评论标记为有帮助。" },
  ),
  trusted_helper: helpful(
    "silver",
    10,
    { en: "Trusted helper", zh: "答疑达人" },
    { en: "The team marked 10 of your comments helpful.", zh: "团队将你的 10 条评论标记为有帮助。" },
  ),
  tester: tester("bronze", 5, { en: "Tester", zh: "体验官" }),
  chief_tester: tester("silver", 25, { en: "Chief tester", zh: "首席体验官" }),
  inviter: inviter("bronze", 1, { en: "Inviter", zh: "引荐人" }),
  connector: inviter("silver", 3, { en: "Connector", zh: "人脉达人" }),
  ambassador: inviter("gold", 10, { en: "Ambassador", zh: "社区大使" }),
  week_streak: streak("bronze", 7, { en: "A week in a row", zh: "连续一周" }),
  month_streak: streak("silver", 30, { en: "A month in a row", zh: "连续一月" }),
  hundred_day_streak: streak("gold", 100, { en: "A hundred days", zh: "百日坚持" }),
  anniversary: {
    tier: "silver",
    name: { en: "Anniversary", zh: "一周年" },
    description: { en: "A member of Sprout for a year.", zh: "加入 Sprout 已满一年。" },
    events: ["daily_activity"],
    repeatable: false,
    earned: (f) => f.now.getTime() - f.joinedAt.getTime() >= 365 * DAY_MS,
  },
  founding_member: {
    tier: "gold",
    name: { en: "Founding member", zh: "创始会员" },
    description: { en: `Among the first ${FOUNDING_MEMBERS} people to join Sprout.`, zh: `最早加入 Sprout 的 ${FOUNDING_MEMBERS} 人之一。` },
    events: ["daily_activity"],
    repeatable: false,
    earned: (f) => f.memberNumber <= FOUNDING_MEMBERS,
  },
  turned_around: {
    tier: "silver",
    name: { en: "Turned around", zh: "重拾信任" },
    description: {
      en: `Filed a complaint that the team resolved, and was still active ${TURNED_AROUND_DAYS} days later.`,
      zh: `投诉得到团队解决后，${TURNED_AROUND_DAYS} 天后依然活跃。`,
    },
    events: ["complaint_resolved", "daily_activity"],
    repeatable: false,
    earned: (f) =>
      f.lastActiveDay !== null &&
      f.resolvedComplaintsAt.some(
        (resolvedAt) => f.lastActiveDay! >= new Date(resolvedAt.getTime() + TURNED_AROUND_DAYS * DAY_MS).toISOString().slice(0, 10),
      ),
  },
} as const satisfies Record<string, BadgeDefinition>;

export type BadgeId = keyof typeof BADGES;
export const BADGE_IDS = Object.keys(BADGES) as BadgeId[];

export function isBadgeId(value: unknown): value is BadgeId {
  return typeof value === "string" && Object.hasOwn(BADGES, value);
}

export function badgeDefinition(id: BadgeId): BadgeDefinition {
  return BADGES[id];
}

export type EarnedBadge = { badgeId: BadgeId; suggestionId: number };

// Every badge the facts earn (suggestionId 0 for badges earned once per member). With
// events, only the badges those events re-check.
export function badgesEarned(facts: MemberFacts, events?: readonly HonorEvent[]): EarnedBadge[] {
  const earned: EarnedBadge[] = [];
  for (const badgeId of BADGE_IDS) {
    const badge = badgeDefinition(badgeId);
    if (events && !badge.events.some((event) => events.includes(event))) continue;
    if (badge.repeatable) earned.push(...badge.earnedFor(facts).map((suggestionId) => ({ badgeId, suggestionId })));
    else if (badge.earned(facts)) earned.push({ badgeId, suggestionId: 0 });
  }
  return earned;
}
