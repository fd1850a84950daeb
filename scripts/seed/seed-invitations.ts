// The demo community passing word of mouth on: invitations in every status (the demo fan's
// /invite shows most of them), newcomers they brought in, and share-link visits and signups.
// Run by the seed after its members and suggestions exist and before honors are computed,
// so rewarded invitations count toward honor points and inviter badges.
import { eq, inArray, sql } from "drizzle-orm";
import { codeExpiry, generateInviteCode } from "../../app/features/invitations/invitation-rules";
import type { Db } from "../../db/client";
import { invitations, shareVisits, suggestions, users, votes } from "../../db/schema";

const DAY = 24 * 60 * 60 * 1000;

type Newcomer = { username: string; displayName: string; locale: "en" | "zh"; address: string };

// Who invited whom, and how far each invitation got. Days are before the seed's "now".
const INVITATIONS: {
  inviter: string;
  madeDaysAgo: number;
  opened?: boolean;
  joined?: Newcomer & { daysAgo: number };
  // The newcomer's first vote, days after joining; withheld when the invitation looks farmed.
  firstVoteAfterDays?: number;
  withheld?: "inviter_address" | "shared_address";
}[] = [
  { inviter: "fan", madeDaysAgo: 2 }, // created
  { inviter: "fan", madeDaysAgo: 5, opened: true }, // opened
  { inviter: "fan", madeDaysAgo: 45, opened: true }, // expired
  {
    inviter: "fan",
    madeDaysAgo: 20,
    opened: true,
    joined: { username: "kai_newbie", displayName: "Kai Lindqvist", locale: "en", address: "198.51.100.23", daysAgo: 18 },
    firstVoteAfterDays: 1,
  }, // rewarded
  {
    inviter: "fan",
    madeDaysAgo: 6,
    opened: true,
    joined: { username: "yuxuan", displayName: "宇轩", locale: "zh", address: "198.51.100.61", daysAgo: 3 },
  }, // joined, not active yet
  {
    inviter: "zhangwei",
    madeDaysAgo: 80,
    opened: true,
    joined: { username: "quiet_quinn", displayName: "Quinn Park", locale: "en", address: "203.0.113.140", daysAgo: 75 },
  }, // lapsed: never took part within 30 days
  {
    inviter: "zhangwei",
    madeDaysAgo: 30,
    opened: true,
    joined: { username: "zw_alt", displayName: "小张", locale: "zh", address: "203.0.113.8", daysAgo: 29 },
    firstVoteAfterDays: 0,
    withheld: "inviter_address",
  }, // withheld: signed up from the inviter's own address
  {
    inviter: "zhangwei",
    madeDaysAgo: 60,
    opened: true,
    joined: { username: "meng_photo", displayName: "孟然", locale: "zh", address: "198.51.100.90", daysAgo: 55 },
    firstVoteAfterDays: 2,
  }, // rewarded
];

// Inviters' own signup addresses, so the withheld one reads true.
const INVITER_ADDRESSES: Record<string, string> = { zhangwei: "203.0.113.8", fan: "192.0.2.77" };

// Newcomers who followed the demo fan's share links.
const SHARE_SIGNUPS: (Newcomer & { daysAgo: number; votedAfterDays: number | null })[] = [
  { username: "share_sophie", displayName: "Sophie Laurent", locale: "en", address: "198.51.100.130", daysAgo: 9, votedAfterDays: 0 },
  { username: "fenfen", displayName: "芬芬", locale: "zh", address: "198.51.100.131", daysAgo: 4, votedAfterDays: null },
];
const SHARE_VISITS = 23;

export function seedInvitations(db: Db, now: Date) {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const inviters = new Map(
    db
      .select({ id: users.id, username: users.username, passwordHash: users.passwordHash })
      .from(users)
      .where(inArray(users.username, [...new Set([...INVITATIONS.map((i) => i.inviter), "fan"])]))
      .all()
      .map((u) => [u.username, u]),
  );
  for (const [username, address] of Object.entries(INVITER_ADDRESSES)) {
    db.update(users).set({ signupAddress: address }).where(eq(users.username, username)).run();
  }
  // Newcomers share the demo members' password (seed.ts), so they can be logged into.
  const passwordHash = db.get<{ hash: string }>(sql`select password_hash as hash from users where role = 'member' and username <> 'fan' limit 1`).hash;
  const openSuggestions = db
    .select({ id: suggestions.id })
    .from(suggestions)
    .where(eq(suggestions.status, "open"))
    .orderBy(sql`${suggestions.voteCount} desc, ${suggestions.id}`)
    .limit(5)
    .all();

  const join = (person: Newcomer, joinedAt: Date, invitedById: number, source: "invitation" | "share_link") =>
    db
      .insert(users)
      .values({
        username: person.username,
        displayName: person.displayName,
        email: `${person.username}@example.com`,
        passwordHash,
        locale: person.locale,
        invitedById,
        signupSource: source,
        signupAddress: person.address,
        createdAt: joinedAt,
      })
      .returning({ id: users.id })
      .get().id;
  const firstVote = (userId: number, votedAt: Date, n: number) => {
    const suggestionId = openSuggestions[n % openSuggestions.length].id;
    db.insert(votes).values({ suggestionId, userId, createdAt: votedAt }).run();
    db.update(suggestions).set({ voteCount: sql`${suggestions.voteCount} + 1` }).where(eq(suggestions.id, suggestionId)).run();
  };

  INVITATIONS.forEach((plan, n) => {
    const inviter = inviters.get(plan.inviter)!;
    const createdAt = at(plan.madeDaysAgo);
    const joinedAt = plan.joined ? at(plan.joined.daysAgo) : null;
    const inviteeId = plan.joined ? join(plan.joined, joinedAt!, inviter.id, "invitation") : null;
    const activatedAt = joinedAt && plan.firstVoteAfterDays !== undefined ? new Date(joinedAt.getTime() + plan.firstVoteAfterDays * DAY + 3_600_000) : null;
    if (inviteeId && activatedAt) firstVote(inviteeId, activatedAt, n);
    db.insert(invitations)
      .values({
        inviterId: inviter.id,
        code: generateInviteCode(),
        inviteeId,
        createdAt,
        expiresAt: codeExpiry(createdAt),
        openedAt: plan.opened ? new Date(createdAt.getTime() + 3_600_000) : null,
        joinedAt,
        activatedAt,
        rewardedAt: activatedAt && !plan.withheld ? activatedAt : null,
        rewardWithheld: activatedAt ? (plan.withheld ?? null) : null,
      })
      .run();
  });

  const fan = inviters.get("fan")!;
  SHARE_SIGNUPS.forEach((person, n) => {
    const joinedAt = at(person.daysAgo);
    const id = join(person, joinedAt, fan.id, "share_link");
    if (person.votedAfterDays !== null) firstVote(id, new Date(joinedAt.getTime() + person.votedAfterDays * DAY + 600_000), n + 1);
  });
  const shared = openSuggestions[0]?.id ?? null;
  db.insert(shareVisits)
    .values(
      Array.from({ length: SHARE_VISITS }, (_, i) => ({
        sharerId: fan.id,
        suggestionId: i % 3 === 0 ? null : shared,
        visitorKey: `demo-visitor-${i}`,
        createdAt: at(20 - (i * 20) / SHARE_VISITS),
      })),
    )
    .run();
  return { invitations: INVITATIONS.length, shareSignups: SHARE_SIGNUPS.length, shareVisits: SHARE_VISITS };
}
