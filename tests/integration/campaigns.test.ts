import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { campaignPicks, campaigns, suggestions, suggestionTags, votes } from "#db/schema";
import { createCampaign, findCampaign, pickEntry, runningCampaigns } from "~/features/campaigns/campaigns.server";
import { getDb } from "~/platform/db.server";
import { gatherSignals, type ScoreScope } from "~/features/scoring/gather.server";
import { sproutScore } from "~/features/scoring/index";
import { loader as campaignLoader } from "~/routes/campaigns.$slug";
import { action as staffAction, loader as staffLoader } from "~/routes/staff_.campaigns";
import { action as picksAction, loader as picksLoader } from "~/routes/staff_.campaigns_.$slug";
import { createSuggestion as postSuggestion } from "~/features/suggestions/suggestions.server";
import { createBoard, createMember, createStaff, createSuggestion } from "../factories";
import { outcome, requestAs, routeArgs } from "../route-requests";

const DAY = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY);

async function campaignOn(board: { id: number }, window: { startsAt: Date; endsAt: Date }, title = "Suggest for the next release") {
  const staff = await createStaff();
  return createCampaign({ boardId: board.id, titleEn: title, titleZh: "为下个版本提建议", bannerEn: "", bannerZh: "", ...window, createdById: staff.id });
}

// Test files share one database, so each test looks only at its own board's campaigns.
const campaignsOn = (boardId: number) => getDb().select().from(campaigns).where(eq(campaigns.boardId, boardId)).all();

const tagIdsOf = (suggestionId: number) =>
  getDb().select({ tagId: suggestionTags.tagId }).from(suggestionTags).where(eq(suggestionTags.suggestionId, suggestionId)).all().map((r) => r.tagId);

describe("entries are tagged automatically", () => {
  test("a suggestion posted on the board while the campaign runs carries its tag; elsewhere or outside the window it does not", async () => {
    const board = createBoard();
    const otherBoard = createBoard();
    const author = await createMember();
    const running = await campaignOn(board, { startsAt: daysFromNow(-1), endsAt: daysFromNow(1) });
    const post = (boardId: number, now?: Date) => postSuggestion({ authorId: author.id, boardId, title: "Pin my favourite modes", body: "Please.", now }).id;

    expect(tagIdsOf(post(board.id))).toEqual([running.tagId]);
    expect(tagIdsOf(post(otherBoard.id))).toEqual([]);
    expect(tagIdsOf(post(board.id, daysFromNow(-2)))).toEqual([]);
    expect(tagIdsOf(post(board.id, daysFromNow(2)))).toEqual([]);
  });

  test("the author's own tags are kept alongside the campaign's", async () => {
    const board = createBoard();
    const running = await campaignOn(board, { startsAt: daysFromNow(-1), endsAt: daysFromNow(1) });
    const otherCampaign = await campaignOn(createBoard(), { startsAt: daysFromNow(-1), endsAt: daysFromNow(1) });
    const { id } = postSuggestion({ authorId: (await createMember()).id, boardId: board.id, title: "An idea", body: "Text.", tagIds: [otherCampaign.tagId!] });
    expect(tagIdsOf(id).sort()).toEqual([running.tagId, otherCampaign.tagId].sort());
  });

  test("a campaign created after its start takes in what was already posted within its window", async () => {
    const board = createBoard();
    const inside = await createSuggestion({ board, createdAt: daysFromNow(-3) });
    const before = await createSuggestion({ board, createdAt: daysFromNow(-10) });
    const elsewhere = await createSuggestion({ createdAt: daysFromNow(-3) });
    const campaign = await campaignOn(board, { startsAt: daysFromNow(-5), endsAt: daysFromNow(5) });
    expect(tagIdsOf(inside.id)).toEqual([campaign.tagId]);
    expect(tagIdsOf(before.id)).toEqual([]);
    expect(tagIdsOf(elsewhere.id)).toEqual([]);
  });

  test("two campaigns with the same title get distinct slugs and tags", async () => {
    const board = createBoard();
    const first = await campaignOn(board, { startsAt: daysFromNow(-1), endsAt: daysFromNow(1) }, "Ideas week");
    const second = await campaignOn(board, { startsAt: daysFromNow(2), endsAt: daysFromNow(3) }, "Ideas week");
    expect(first.slug).toMatch(/^ideas-week/);
    expect(second.slug).not.toBe(first.slug);
    expect(second.tagId).not.toBe(first.tagId);
  });
});

describe("running campaigns and who sees them", () => {
  test("banners list only campaigns running now, on boards the viewer may see", async () => {
    const board = createBoard();
    const hidden = createBoard({ visibility: "early_access" });
    const running = await campaignOn(board, { startsAt: daysFromNow(-1), endsAt: daysFromNow(1) });
    await campaignOn(board, { startsAt: daysFromNow(-5), endsAt: daysFromNow(-1) });
    await campaignOn(board, { startsAt: daysFromNow(1), endsAt: daysFromNow(5) });
    const secret = await campaignOn(hidden, { startsAt: daysFromNow(-1), endsAt: daysFromNow(1) });

    expect(runningCampaigns({ boardId: board.id }).map((c) => c.slug)).toEqual([running.slug]);
    expect(runningCampaigns({}).map((c) => c.slug)).not.toContain(secret.slug);
    expect(runningCampaigns({ viewer: await createStaff() }).map((c) => c.slug)).toContain(secret.slug);
  });

  test("the campaign page is public, shows entries by votes, and is a 404 for unknown slugs and early-access outsiders", async () => {
    const board = createBoard();
    const campaign = await campaignOn(board, { startsAt: daysFromNow(-2), endsAt: daysFromNow(2) });
    const few = await createSuggestion({ board, createdAt: daysFromNow(-1) });
    const many = await createSuggestion({ board, createdAt: daysFromNow(-1) });
    getDb().insert(suggestionTags).values([{ suggestionId: few.id, tagId: campaign.tagId! }, { suggestionId: many.id, tagId: campaign.tagId! }]).run();
    getDb().insert(votes).values({ suggestionId: many.id, userId: (await createMember()).id }).run();
    getDb().update(suggestions).set({ voteCount: 2 }).where(eq(suggestions.id, many.id)).run();

    const page = (user: { id: number } | null, slug: string) => outcome(() => campaignLoader(routeArgs(requestAs(user, `/campaigns/${slug}`), { slug })));
    const visitor = await page(null, campaign.slug);
    expect(visitor.status).toBe(200);
    const body = visitor.body as Awaited<ReturnType<typeof campaignLoader>>;
    expect(body.campaign.phase).toBe("running");
    expect(body.campaign.timeLeft).not.toBeNull();
    expect(body.entries.items.map((e) => e.id)).toEqual([many.id, few.id]);
    expect(body.picks).toEqual([]);

    expect((await page(null, "no-such-campaign")).status).toBe(404);
    const secret = await campaignOn(createBoard({ visibility: "early_access" }), { startsAt: daysFromNow(-2), endsAt: daysFromNow(2) }, "Secret");
    expect((await page(null, secret.slug)).status).toBe(404);
    expect((await page(await createMember({ honorLevel: 2 }), secret.slug)).status).toBe(404);
    expect((await page(await createMember({ honorLevel: 4 }), secret.slug)).status).toBe(200);
  });
});

describe("picks", () => {
  test("only after the end, only among entries, with a note that picking again updates", async () => {
    const board = createBoard();
    const running = await campaignOn(board, { startsAt: daysFromNow(-2), endsAt: daysFromNow(2) });
    const ended = await campaignOn(board, { startsAt: daysFromNow(-9), endsAt: daysFromNow(-3) }, "Earlier");
    const entry = await createSuggestion({ board, createdAt: daysFromNow(-5) });
    const runningEntry = await createSuggestion({ board, createdAt: daysFromNow(-1) });
    // createCampaign tagged what existed; these came after, so tag them as posting would have.
    getDb().insert(suggestionTags).values([{ suggestionId: entry.id, tagId: ended.tagId! }, { suggestionId: runningEntry.id, tagId: running.tagId! }]).run();
    const notEntry = await createSuggestion({ board, createdAt: daysFromNow(-1) });

    expect(pickEntry({ campaign: running, suggestionId: runningEntry.id, note: "" })).toEqual({ ok: false, reason: "not_finished" });
    expect(pickEntry({ campaign: ended, suggestionId: notEntry.id, note: "" })).toEqual({ ok: false, reason: "not_entry" });
    expect(pickEntry({ campaign: ended, suggestionId: entry.id, note: "Most wanted." })).toEqual({ ok: true });
    expect(pickEntry({ campaign: ended, suggestionId: entry.id, note: "Most wanted, and small." })).toEqual({ ok: true });
    expect(getDb().select().from(campaignPicks).where(eq(campaignPicks.campaignId, ended.id)).all()).toMatchObject([
      { suggestionId: entry.id, note: "Most wanted, and small." },
    ]);

    const page = await campaignLoader(routeArgs(requestAs(null, `/campaigns/${ended.slug}`), { slug: ended.slug }));
    expect(page.picks).toMatchObject([{ suggestionId: entry.id, note: "Most wanted, and small." }]);
  });
});

describe("staff routes", () => {
  const createForm = (board: string, overrides: Record<string, string> = {}) => ({
    board,
    titleEn: "Suggest for the next release",
    titleZh: "为下个版本提建议",
    bannerEn: "Post your idea now.",
    bannerZh: "现在就提交你的想法。",
    startsAt: "2030-06-01T09:00",
    endsAt: "2030-06-15T09:00",
    ...overrides,
  });
  const create = (user: { id: number } | null, form: Record<string, string>) =>
    outcome(() => staffAction(routeArgs(requestAs(user, "/staff/campaigns", { form }))));

  test("members are refused the campaign pages and their actions; visitors are sent to log in", async () => {
    const member = await createMember({ honorLevel: 4 });
    const board = createBoard();
    const ended = await campaignOn(board, { startsAt: daysFromNow(-9), endsAt: daysFromNow(-3) });
    const params = { slug: ended.slug };
    expect((await outcome(() => staffLoader(routeArgs(requestAs(member, "/staff/campaigns"))))).status).toBe(403);
    expect((await create(member, createForm(board.slug))).status).toBe(403);
    expect((await outcome(() => picksLoader(routeArgs(requestAs(member, `/staff/campaigns/${ended.slug}`), params)))).status).toBe(403);
    const pick = requestAs(member, `/staff/campaigns/${ended.slug}`, { form: { intent: "pick", suggestionId: "1", note: "" } });
    expect((await outcome(() => picksAction(routeArgs(pick, params)))).status).toBe(403);
    expect((await create(null, createForm(board.slug))).status).toBe(302);
    expect(campaignsOn(board.id)).toHaveLength(1);
  });

  test("staff create a campaign in UTC, then land on its page", async () => {
    const staff = await createStaff();
    const board = createBoard();
    const result = await create(staff, createForm(board.slug));
    expect(result.status).toBe(302);
    const slug = result.location!.replace("/campaigns/", "");
    expect(findCampaign(slug, null)).toMatchObject({
      boardId: board.id,
      titleZh: "为下个版本提建议",
      startsAt: new Date("2030-06-01T09:00:00Z"),
      endsAt: new Date("2030-06-15T09:00:00Z"),
      phase: "upcoming",
    });
  });

  test.each([
    ["an end before the start", { endsAt: "2030-05-01T09:00" }, "endsAt", "campaigns.errors.endBeforeStart"],
    ["an end equal to the start", { endsAt: "2030-06-01T09:00" }, "endsAt", "campaigns.errors.endBeforeStart"],
    ["an unknown board", { board: "no-such-board" }, "board", "forms.unknownBoard"],
    ["no title", { titleEn: "" }, "titleEn", "forms.required"],
    ["a malformed start", { startsAt: "next tuesday" }, "startsAt", "campaigns.errors.moment"],
  ])("%s is refused with a 400 on its field", async (_, overrides, field, error) => {
    const board = createBoard();
    const result = await create(await createStaff(), createForm(board.slug, overrides));
    expect(result.status).toBe(400);
    expect((result.body as { result: { error: Record<string, string[]> } }).result.error[field]).toEqual([error]);
    expect(campaignsOn(board.id)).toEqual([]);
  });

  test("an early-access board is unknown to a campaign form only for those who cannot see it (staff can)", async () => {
    const board = createBoard({ visibility: "early_access" });
    expect((await create(await createStaff(), createForm(board.slug))).status).toBe(302);
  });

  test("staff pick a finished campaign's entry with a note; a running campaign refuses picks", async () => {
    const staff = await createStaff();
    const board = createBoard();
    const entry = await createSuggestion({ board, createdAt: daysFromNow(-5) });
    const ended = await campaignOn(board, { startsAt: daysFromNow(-9), endsAt: daysFromNow(-3) });
    const running = await campaignOn(board, { startsAt: daysFromNow(-1), endsAt: daysFromNow(3) }, "Now");
    const pick = (slug: string, form: Record<string, string>) =>
      outcome(() => picksAction(routeArgs(requestAs(staff, `/staff/campaigns/${slug}`, { form }), { slug })));

    expect(await pick(ended.slug, { intent: "pick", suggestionId: String(entry.id), note: "The team loves it." })).toMatchObject({
      status: 302,
      location: `/staff/campaigns/${ended.slug}`,
    });
    const refused = await pick(running.slug, { intent: "pick", suggestionId: String(entry.id), note: "" });
    expect(refused.status).toBe(400);
    expect((refused.body as { result: { error: Record<string, string[]> } }).result.error[""]).toEqual(["campaigns.errors.notFinished"]);

    expect((await pick(ended.slug, { intent: "unpick", suggestionId: String(entry.id) })).status).toBe(302);
    expect(getDb().select().from(campaignPicks).where(eq(campaignPicks.campaignId, ended.id)).all()).toEqual([]);
  });
});

describe("campaign participation in the score", () => {
  test("members who posted or voted on entries in the window count as campaigners of the community, the board and themselves", async () => {
    const board = createBoard();
    const joined = () => createMember({ createdAt: daysFromNow(-60) });
    const poster = await joined();
    const voter = await joined();
    const lateVoter = await joined();
    const staff = await createStaff();
    await campaignOn(board, { startsAt: daysFromNow(-20), endsAt: daysFromNow(5) });
    const entry = postSuggestion({ authorId: poster.id, boardId: board.id, title: "Entry", body: "Body", now: daysFromNow(-3) });
    const outsider = await createSuggestion({ board, createdAt: daysFromNow(-3) });
    getDb()
      .insert(votes)
      .values([
        { suggestionId: entry.id, userId: voter.id, createdAt: daysFromNow(-2) },
        { suggestionId: entry.id, userId: staff.id, createdAt: daysFromNow(-2) },
        { suggestionId: entry.id, userId: lateVoter.id, createdAt: daysFromNow(-40) },
        { suggestionId: outsider.id, userId: (await joined()).id, createdAt: daysFromNow(-2) },
      ])
      .run();

    const campaigners = (scope: ScoreScope, at = new Date()) => gatherSignals(scope, at).participation.campaigners;
    // The poster and the voter; not staff, not a vote before the 30-day window, not a vote elsewhere.
    expect(campaigners({ kind: "board", boardId: board.id })).toBe(2);
    expect(campaigners({ kind: "board", boardId: createBoard().id })).toBe(0);
    expect(campaigners({ kind: "member", userId: voter.id })).toBe(1);
    expect(campaigners({ kind: "member", userId: lateVoter.id })).toBe(0);
    expect(campaigners({ kind: "board", boardId: board.id }, daysFromNow(-2.5))).toBe(1);
    expect(campaigners({ kind: "community" })).toBeGreaterThanOrEqual(2);
    // Campaigners are contributors; the participation term says how many came through campaigns.
    const signals = gatherSignals({ kind: "board", boardId: board.id });
    expect(signals.participation.contributors).toBeGreaterThanOrEqual(signals.participation.campaigners);
    const term = sproutScore(signals).terms.find((t) => t.id === "participation");
    expect(term?.detail.campaigners).toBe(2);
  });
});
