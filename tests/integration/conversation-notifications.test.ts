// Replies, mentions and new comments bring people back: who hears about a comment, once,
// and how followers' notifications are batched per suggestion.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, test } from "vitest";
import { emails, notifications, suggestionCredits } from "#db/schema";
import { addComment } from "~/features/comments/comments.server";
import { getDb } from "~/platform/db.server";
import { followersOf, isFollowing, setFollowing } from "~/features/notifications/follows.server";
import { listNotifications, markRead, pendingEmails, setNotificationPreferences } from "~/features/notifications/notifications.server";
import { action as suggestionAction, loader as suggestionLoader } from "~/routes/s.$id/route";
import { loader as mentionsLoader } from "~/routes/members.mentions";
import { setVote } from "~/features/votes/votes.server";
import { createBoard, createMember, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const rowsFor = (userId: number) => getDb().select().from(notifications).where(eq(notifications.userId, userId)).all();
const emailsFor = (userId: number) => getDb().select().from(emails).where(eq(emails.userId, userId)).all();
const comment = (suggestionId: number, authorId: number, body: string, parentId?: number) => {
  const added = addComment({ suggestionId, authorId, body, parentId });
  if (!added.ok) throw new Error(added.reason);
  return added.id;
};

afterEach(() => pendingEmails());

describe("replies and mentions", () => {
  test("a reply produces exactly one notification, for the replied-to author, with an email", async () => {
    const s = await createSuggestion();
    const [alice, bob] = [await createMember(), await createMember()];
    const parent = comment(s.id, alice.id, "I'd like this on the lock screen.");
    const before = rowsFor(alice.id).length;
    const reply = comment(s.id, bob.id, "Agreed, and on the watch.", parent);
    const added = rowsFor(alice.id).slice(before);
    // Alice commented, so she follows: the reply is not counted a second time as a new comment.
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ kind: "reply", eventKey: `reply:${reply}`, suggestionId: s.id });
    expect(listNotifications(alice.id).items[0].message).toMatchObject({ key: "reply", values: { name: bob.displayName } });
    await pendingEmails();
    expect(emailsFor(alice.id).map((e) => e.subject)).toEqual([expect.stringContaining("replied to your comment")]);
    // The one who replied hears nothing about their own reply.
    expect(rowsFor(bob.id)).toHaveLength(0);
  });

  test("a mention produces exactly one notification, even when named twice and replied to", async () => {
    const s = await createSuggestion();
    const [carol, dave, erin] = [await createMember(), await createMember(), await createMember()];
    const id = comment(s.id, dave.id, `@${carol.username} what do you think? cc @${erin.username.toUpperCase()} and @${carol.username}`);
    expect(rowsFor(carol.id)).toEqual([expect.objectContaining({ kind: "mention", eventKey: `mention:${id}` })]);
    expect(rowsFor(erin.id)).toEqual([expect.objectContaining({ kind: "mention" })]);
    // Replying to Carol while naming her (she now follows, having commented): one
    // notification, the reply, not a mention nor a new-comment count as well.
    const carols = comment(s.id, carol.id, "I think so");
    const reply = comment(s.id, erin.id, `@${carol.username} see above`, carols);
    const carolRows = rowsFor(carol.id);
    expect(carolRows.filter((r) => r.eventKey.endsWith(`:${reply}`))).toEqual([expect.objectContaining({ kind: "reply" })]);
  });

  test("mentions in code, unknown names and people who cannot see the suggestion tell nobody", async () => {
    const hidden = await createSuggestion({ board: createBoard({ visibility: "early_access" }) });
    const [fan, writer] = [await createMember({ honorLevel: 1 }), await createMember({ honorLevel: 4 })];
    comment(hidden.id, writer.id, `@${fan.username} look at this`);
    const open = await createSuggestion();
    comment(open.id, writer.id, `\`@${fan.username}\` and @nobody_with_this_name`);
    expect(rowsFor(fan.id)).toHaveLength(0);
  });

  test("the mention preference turns them off", async () => {
    const s = await createSuggestion();
    const [quiet, talker] = [await createMember(), await createMember()];
    setNotificationPreferences(quiet.id, { mention: { inApp: false, email: false } });
    comment(s.id, talker.id, `@${quiet.username} hi`);
    expect(rowsFor(quiet.id)).toHaveLength(0);
  });
});

describe("followers hear of new comments, batched", () => {
  test("one unread notification per suggestion counts up instead of repeating, one email", async () => {
    const author = await createMember();
    setNotificationPreferences(author.id, { new_comments: { inApp: true, email: true } });
    const s = await createSuggestion({ author });
    const fans = [await createMember(), await createMember(), await createMember()];
    for (const fan of fans) comment(s.id, fan.id, "Me too");
    const rows = rowsFor(author.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "new_comments", suggestionId: s.id });
    expect(JSON.parse(rows[0].payload)).toMatchObject({ count: 3 });
    expect(listNotifications(author.id).items[0].message).toMatchObject({ key: "newComments", values: { count: "3" } });
    await pendingEmails();
    expect(emailsFor(author.id)).toHaveLength(1);
    // Once read, the next comment starts a new notification (and email).
    markRead(author.id, "all");
    comment(s.id, fans[0].id, "One more thing");
    expect(rowsFor(author.id)).toHaveLength(2);
    expect(JSON.parse(rowsFor(author.id)[1].payload)).toMatchObject({ count: 1 });
  });

  test("batches are per suggestion", async () => {
    const author = await createMember();
    const [a, b] = [await createSuggestion({ author }), await createSuggestion({ author })];
    const fan = await createMember();
    comment(a.id, fan.id, "Yes");
    comment(b.id, fan.id, "Yes");
    comment(a.id, fan.id, "And also");
    const counts = rowsFor(author.id).map((r) => [r.suggestionId, JSON.parse(r.payload).count]);
    expect(counts.sort((x, y) => x[0] - y[0])).toEqual([
      [a.id, 2],
      [b.id, 1],
    ]);
  });
});

describe("following a suggestion", () => {
  test("follow without voting, unfollow even after voting", async () => {
    const s = await createSuggestion();
    const [watcher, voter, writer] = [await createMember(), await createMember(), await createMember()];
    setVote({ suggestionId: s.id, userId: voter.id, voted: true });
    expect(isFollowing(s.id, watcher.id)).toBe(false);
    expect(isFollowing(s.id, voter.id)).toBe(true);
    expect(setFollowing({ suggestionId: s.id, userId: watcher.id, following: true })).toEqual({ following: true });
    expect(setFollowing({ suggestionId: s.id, userId: voter.id, following: false })).toEqual({ following: false });
    comment(s.id, writer.id, "A new angle");
    expect(rowsFor(watcher.id).map((r) => r.kind)).toEqual(["new_comments"]);
    expect(rowsFor(voter.id)).toHaveLength(0);
    // Unfollowing again stops them too.
    setFollowing({ suggestionId: s.id, userId: watcher.id, following: false });
    markRead(watcher.id, "all");
    comment(s.id, writer.id, "Another");
    expect(rowsFor(watcher.id)).toHaveLength(1);
  });

  test("each way of taking part follows that suggestion only, and a member's own choice wins", async () => {
    const author = await createMember();
    const s = await createSuggestion({ author });
    const other = await createSuggestion({ author });
    const [coAuthor, voter, commenter, watcher, quitter, stranger] = await Promise.all(Array.from({ length: 6 }, () => createMember()));
    getDb().insert(suggestionCredits).values({ suggestionId: s.id, userId: coAuthor.id }).run();
    setVote({ suggestionId: s.id, userId: voter.id, voted: true });
    setVote({ suggestionId: s.id, userId: quitter.id, voted: true });
    comment(s.id, commenter.id, "Me too");
    setFollowing({ suggestionId: s.id, userId: watcher.id, following: true });
    setFollowing({ suggestionId: s.id, userId: quitter.id, following: false });
    const following = (suggestionId: number) =>
      Object.fromEntries(Object.entries({ author, coAuthor, voter, commenter, watcher, quitter, stranger }).map(([who, m]) => [who, isFollowing(suggestionId, m.id)]));
    expect(following(s.id)).toEqual({ author: true, coAuthor: true, voter: true, commenter: true, watcher: true, quitter: false, stranger: false });
    expect(following(other.id)).toEqual({ author: true, coAuthor: false, voter: false, commenter: false, watcher: false, quitter: false, stranger: false });
    // The notifications' fan-out reads the same rule for everyone at once.
    const fanOut = getDb().all<{ user_id: number }>(sql`${followersOf(s.id)}`).map((r) => r.user_id);
    expect(fanOut.sort((a, b) => a - b)).toEqual([author, coAuthor, voter, commenter, watcher].map((m) => m.id).sort((a, b) => a - b));
  });

  test("through the suggestion page: the follow intent and the page's state", async () => {
    const s = await createSuggestion();
    const fan = await createMember();
    const post = (following: string) =>
      outcome(() => suggestionAction(routeArgs(requestAs(fan, `/s/${s.id}`, { form: { intent: "follow", following } }), { id: String(s.id) })));
    const page = async () =>
      ((await outcome(() => suggestionLoader(routeArgs(requestAs(fan, `/s/${s.id}`), { id: String(s.id) })))).body as { following: boolean })
        .following;
    expect(await page()).toBe(false);
    expect(await post("true")).toMatchObject({ status: 200, body: { follow: { following: true } } });
    expect(await page()).toBe(true);
    expect(await post("false")).toMatchObject({ status: 200, body: { follow: { following: false } } });
    expect(await page()).toBe(false);
    expect((await post("maybe")).status).toBe(400);
  });
});

describe("usernames to mention", () => {
  test("members by prefix, case-insensitive, and nothing for visitors", async () => {
    const member = await createMember({ username: `zed_${Date.now().toString(36)}` });
    const ask = (user: typeof member | null, q: string) => outcome(() => mentionsLoader(routeArgs(requestAs(user, `/members/mentions?q=${q}`))));
    const found = await ask(member, member.username.slice(0, 6).toUpperCase());
    expect(found.status).toBe(200);
    const members = async (r: { body: unknown }) => ((await (r.body as Response).json()) as { members: { username: string }[] }).members;
    expect((await members(found)).map((m) => m.username)).toContain(member.username);
    // "_" is a username character, not a wildcard.
    expect(await members(await ask(member, "z_d"))).toEqual([]);
    expect((await ask(null, "zed")).status).toBe(403);
  });
});
