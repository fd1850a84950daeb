// The weekly digest from the database to a real loopback SMTP server: what it says, to whom,
// once per member and week however many runs race, and one-click unsubscribe.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestSends, suggestionCredits } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { sendWeeklyDigests } from "~/features/digest/digest.server";
import { setNotificationPreferences } from "~/features/notifications/notifications.server";
import { action as unsubscribeAction } from "~/routes/notifications.unsubscribe";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { startMailbox } from "../smtp";

let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
});
afterAll(() => mailbox.close());

// Monday 9 December 2030, 09:00 UTC: the digest of the week from 2 December.
const NOW = new Date("2030-12-09T09:00:00Z");
// The official reply below also emails its followers; only digests count here.
const digestsTo = (address: string) => mailbox.to(address).filter((m) => m.raw.includes(".weekly_digest."));
const inWeek = new Date("2030-12-04T12:00:00Z");
const before = new Date("2030-11-20T12:00:00Z");

describe("weekly digest", () => {
  it("tells each member the week's news once, in their language, and stops after one click", async () => {
    const board = createBoard();
    const hidden = createBoard({ visibility: "early_access" });
    const author = await createMember({ displayName: "Lin Yu" });
    const coAuthor = await createMember({ displayName: "Wei" });
    const follower = await createMember({ locale: "en" });
    const zhFollower = await createMember({ locale: "zh" });
    const optedOut = await createMember();
    const staff = await createStaff();
    setNotificationPreferences(optedOut.id, { weekly_digest: { inApp: false, email: false } });

    const shipped = await createSuggestion({ board, author, title: "Dark mode for the gallery", status: "shipped", shippedAt: inWeek, createdAt: before });
    getDb().insert(suggestionCredits).values({ suggestionId: shipped.id, userId: coAuthor.id }).run();
    await createSuggestion({ board: hidden, title: "Secret early-access feature", status: "shipped", shippedAt: inWeek, createdAt: before });
    const answered = await createSuggestion({ board, title: "Faster camera start", createdAt: before });
    for (const member of [follower, zhFollower]) setVote({ suggestionId: answered.id, userId: member.id, voted: true });
    const reply = addComment({ suggestionId: answered.id, authorId: staff.id, body: "Coming in 2.5", official: true, now: inWeek });
    const fresh = await createSuggestion({ board, title: "Bigger lock-screen clock", createdAt: inWeek });

    const run = await sendWeeklyDigests(NOW);
    expect(run.week).toBe("2030-12-02");
    expect(run.failed).toBe(0);

    const mail = digestsTo(follower.email);
    expect(mail).toHaveLength(1);
    const text = mail[0].text;
    expect(text).toContain("Dark mode for the gallery (an idea by Lin Yu, Wei)");
    expect(text).toContain(`/s/${answered.id}?comment=${reply.ok && reply.id}`);
    expect(text).toContain("Bigger lock-screen clock");
    expect(text).toContain(`/s/${fresh.id}`);
    expect(text).not.toContain("Secret early-access feature");
    expect(text).toMatch(/You are Seed with 0 points\. 10 more points toward Sprout\./);
    expect(mail[0].raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
    // Only followers hear about the answer.
    expect(digestsTo(author.email)[0].text).not.toContain("Faster camera start");
    expect(digestsTo(zhFollower.email)[0].text).toContain("你关注的建议收到的官方回复");
    expect(digestsTo(optedOut.email)).toHaveLength(0);

    // Again, and twice at once: nobody gets a second one for that week.
    const again = await Promise.all([sendWeeklyDigests(NOW), sendWeeklyDigests(NOW)]);
    expect(again.map((r) => r.claimed)).toEqual([0, 0]);
    expect(digestsTo(follower.email)).toHaveLength(1);
    expect(getDb().select().from(digestSends).where(eq(digestSends.userId, follower.id)).all()).toMatchObject([{ week: "2030-12-02", status: "sent" }]);

    // One click on the link in the email turns the digest off.
    const link = /<(http:\/\/localhost:3000\/notifications\/unsubscribe\?token=[^>]+)>/.exec(mail[0].raw.replace(/\r?\n\s+/g, ""))![1];
    const result = await unsubscribeAction({ request: new Request(link, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }), params: {}, context: {} });
    expect((result as unknown as { data: unknown }).data).toEqual({ done: true, kind: "weekly_digest" });
    await createSuggestion({ board, title: "Another week's idea", createdAt: new Date("2030-12-10T10:00:00Z") });
    await sendWeeklyDigests(new Date("2030-12-16T09:00:00Z"));
    expect(digestsTo(follower.email)).toHaveLength(1);
    expect(digestsTo(zhFollower.email)).toHaveLength(2);
  });

  it("sends nothing before Monday 08:00 UTC", async () => {
    expect(await sendWeeklyDigests(new Date("2030-12-23T07:00:00Z"))).toMatchObject({ week: null, claimed: 0 });
  });
});
