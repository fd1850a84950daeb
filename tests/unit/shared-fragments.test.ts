// A list row rendered once and reused as markup (app/platform/shared-fragments.tsx) must be
// byte for byte what rendering it afresh gives, or the browser's hydration would not match the
// page; and a row whose content changed must not be served from before the change.
import { createElement } from "react";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, test, vi } from "vitest";
import { ProfileSummary } from "~/features/honors/profile-summary";
import { MemberTableRow } from "~/features/leads/member-list-view";
import type { MemberRow } from "~/features/leads/members.server";
import { SuggestionList, type SuggestionSummary } from "~/features/suggestions/suggestion-list";
import type { ListVoting } from "~/features/votes/vote-button";
import { sharedI18n, type Language } from "~/i18n/i18n";
import type { FragmentStore } from "~/platform/shared-fragments";
import { fragmentStore } from "~/platform/shared-fragments.server";
import { countingStore, renderWith } from "../shared-fragments";

const page = (language: Language, items: SuggestionSummary[], showBoard: boolean, store: FragmentStore | null) =>
  renderWith(language, store, createElement(SuggestionList, { items, showBoard }));

// A store holding these rows in English: met twice, stored after the second response.
async function storedInEnglish(rows: SuggestionSummary[]) {
  const counting = countingStore();
  for (let request = 0; request < 2; request++) await page("en", rows, true, counting.store);
  counting.renderPending();
  return counting;
}

const HOUR = 60 * 60 * 1000;
// The store is the process's: each test's rows are its own.
let made = 0;
function newRows(): SuggestionSummary[] {
  const n = ++made;
  return [
    {
      id: n * 10 + 1,
      title: `Quotes " ' & <angle> brackets, 中文标题 ${n}`,
      status: "planned",
      voteCount: 12,
      commentCount: 1,
      answered: true,
      createdAt: new Date(Date.now() - 3 * HOUR).toISOString(),
      boardSlug: "camera",
      boardNameEn: "Camera & Gallery",
      boardNameZh: "相机与相册",
      authorUsername: "lin_yu",
      authorName: "林雨 🌱",
      tags: [
        { slug: "bug", nameEn: "Bug", nameZh: "问题反馈" },
        { slug: "video", nameEn: "Video", nameZh: "视频" },
      ],
    },
    {
      id: n * 10 + 2,
      title: `A plain title ${n}`,
      status: "open",
      voteCount: 0,
      commentCount: 0,
      answered: false,
      createdAt: new Date(Date.now() - 400 * 24 * HOUR),
      boardSlug: "system-ui",
      boardNameEn: "System UI",
      boardNameZh: "系统界面",
      authorUsername: "tom",
      authorName: "Tom",
      tags: [],
    },
  ];
}

test("a fragment met once is not rendered a second time, one met twice is stored", async () => {
  const rows = newRows();
  const { store, renderPending, served } = countingStore();
  await page("en", rows, true, store);
  renderPending();
  await page("en", rows, true, store);
  expect(served()).toBe(0);
  renderPending();
  await page("en", rows, true, store);
  expect(served()).toBe(rows.length);
});

describe("shared list rows", () => {
  test.each([
    ["en", true],
    ["zh", true],
    ["en", false],
    ["zh", false],
  ] as const)("%s, board shown: %s — stored rows are the markup a fresh render gives", async (language, showBoard) => {
    const rows = newRows();
    const fresh = await page(language, rows, showBoard, null);
    const { store, renderPending, served } = countingStore();
    // The first request renders the rows inline, and so does the second, which leaves them to
    // be stored after it.
    expect(await page(language, rows, showBoard, store)).toBe(fresh);
    renderPending();
    expect(await page(language, rows, showBoard, store)).toBe(fresh);
    expect(served()).toBe(0);
    renderPending();
    // The next one is served the stored rows.
    expect(await page(language, rows, showBoard, store)).toBe(fresh);
    expect(served()).toBe(rows.length);
    // Both rows carry what makes them differ.
    expect(fresh).toContain(language === "zh" ? "1 条评论" : "1 comment");
    expect(fresh).toContain("&quot; &#x27; &amp; &lt;angle&gt;");
    expect(fresh.includes(language === "zh" ? "相机与相册" : "Camera &amp; Gallery")).toBe(showBoard);
  });

  test.each([
    ["comment count", (row: SuggestionSummary) => ({ ...row, commentCount: row.commentCount + 4 })],
    ["title", (row: SuggestionSummary) => ({ ...row, title: `${row.title} (edited)` })],
    ["status", (row: SuggestionSummary) => ({ ...row, status: "shipped" as const })],
    ["official answer", (row: SuggestionSummary) => ({ ...row, answered: !row.answered })],
    ["author's name", (row: SuggestionSummary) => ({ ...row, authorName: `${row.authorName} Jr` })],
    ["board's name", (row: SuggestionSummary) => ({ ...row, boardNameEn: "Messaging", boardNameZh: "信息" })],
    ["board's address", (row: SuggestionSummary) => ({ ...row, boardSlug: "messaging" })],
    ["tags", (row: SuggestionSummary) => ({ ...row, tags: [{ slug: "privacy", nameEn: "Privacy", nameZh: "隐私" }] })],
    ["age", (row: SuggestionSummary) => ({ ...row, createdAt: new Date(new Date(row.createdAt).getTime() - 30 * 24 * HOUR) })],
  ])("a row whose %s changed is rendered again, not served from before", async (_field, change) => {
    const rows = newRows();
    const { store, served } = await storedInEnglish(rows);
    expect(await page("en", rows, true, store)).toBe(await page("en", rows, true, null));
    const before = served();
    expect(before).toBe(rows.length);
    const changed = rows.map(change);
    const html = await page("en", changed, true, store);
    expect(served()).toBe(before);
    expect(html).toBe(await page("en", changed, true, null));
  });

  test("each language has its own rows", async () => {
    const rows = newRows();
    const { store, served } = await storedInEnglish(rows);
    expect(await page("zh", rows, true, store)).toBe(await page("zh", rows, true, null));
    expect(served()).toBe(0);
  });
});

// Vote buttons are Remix forms (a fetcher's), so they are rendered inside a data router, as on
// the page, and the router goes with them into the render apart.
async function listWithVotes(language: Language, items: SuggestionSummary[], voting: ListVoting, store: FragmentStore | null, path = "/b/camera?sort=top") {
  const handler = createStaticHandler([{ path: "*", element: createElement(SuggestionList, { items, showBoard: false, voting }) }]);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error("unexpected response");
  return renderWith(language, store, createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

describe("shared vote buttons", () => {
  const member: ListVoting = { loggedIn: true, voted: [] };

  test.each(["en", "zh"] as const)("%s — stored buttons are the markup a fresh render gives, and carry the list's address", async (language) => {
    const rows = newRows();
    const fresh = await listWithVotes(language, rows, member, null);
    const { store, renderPending, served } = countingStore();
    for (let request = 0; request < 2; request++) {
      expect(await listWithVotes(language, rows, member, store)).toBe(fresh);
      renderPending();
    }
    expect(await listWithVotes(language, rows, member, store)).toBe(fresh);
    // Each row's body and its button.
    expect(served()).toBe(rows.length * 2);
    expect(fresh).toContain(`name="returnTo" value="/b/camera?sort=top#suggestion-${rows[0].id}"`);
  });

  test("a member's own vote, a new count, another list and a visitor each get their own button", async () => {
    const rows = newRows();
    const { store, renderPending } = countingStore();
    for (let request = 0; request < 2; request++) {
      await listWithVotes("en", rows, member, store);
      renderPending();
    }
    const voter: ListVoting = { loggedIn: true, voted: [rows[0].id] };
    const counted = rows.map((row) => ({ ...row, voteCount: row.voteCount + 1 }));
    const visitor: ListVoting = { loggedIn: false, voted: [] };
    const cases: [SuggestionSummary[], ListVoting, string | undefined][] = [
      [rows, voter, undefined],
      [counted, member, undefined],
      [rows, member, "/search?q=camera"],
      [rows, visitor, undefined],
    ];
    for (const [items, voting, path] of cases) {
      const html = await listWithVotes("en", items, voting, store, path);
      expect(html).toBe(await listWithVotes("en", items, voting, null, path));
    }
    expect(await listWithVotes("en", rows, voter, store)).toContain('aria-pressed="true"');
  });
});

test("a fragment that fails to render after the response is logged and left to render inline", async () => {
  const fragments = fragmentStore();
  const Broken = () => {
    throw new Error("broken on its own");
  };
  // Met twice: stored after the second response.
  fragments.store.remember("broken-fragment", createElement(Broken), sharedI18n("en"));
  fragments.store.remember("broken-fragment", createElement(Broken), sharedI18n("en"));
  const logged = vi.mocked(console.error).mockImplementation(() => {});
  expect(() => fragments.renderPending()).not.toThrow();
  expect(logged).toHaveBeenCalledWith("Storing a shared fragment failed", expect.any(Error));
  expect(fragments.store.get("broken-fragment")).toBeUndefined();
});

describe("shared rows of the leads' member table", () => {
  let made = 0;
  const newRow = (): MemberRow => ({
    username: `member_row_${++made}`,
    displayName: "林雨 & <Lin>",
    loyalty: 61.25,
    returning: 70,
    activeWeeks: 55.5,
    repeatContribution: 40,
    honors: 80,
    privileges: 20,
    recommendation: 66.6,
    invitations: 10,
    achievement: 52.1,
    satisfaction: 73.9,
    percentile: 84,
    honorLevel: 2,
    cohort: "2026-06",
    boards: [{ slug: "camera", nameEn: "Camera & Gallery", nameZh: "相机与相册" }],
    joinedAt: Date.UTC(2026, 5, 3),
    lastActive: "2026-12-01",
    status: "active",
    inviteesStayed: 1,
  });
  const table = (language: Language, rows: MemberRow[], store: FragmentStore | null) =>
    renderWith(language, store, createElement("table", null, createElement("tbody", null, ...rows.map((row) => createElement(MemberTableRow, { key: row.username, row })))));

  test.each(["en", "zh"] as const)("%s: stored rows are the markup a fresh render gives, and a changed figure is rendered again", async (language) => {
    const rows = [newRow(), { ...newRow(), status: "at_risk" as const, lastActive: null, boards: [] }];
    const fresh = await table(language, rows, null);
    const { store, renderPending, served } = countingStore();
    for (let request = 0; request < 3; request++) {
      expect(await table(language, rows, store)).toBe(fresh);
      renderPending();
    }
    expect(served()).toBe(rows.length);
    expect(fresh).toContain('<tr data-testid="member-row"><td data-column="name">');
    const changed = rows.map((row) => ({ ...row, loyalty: row.loyalty + 1 }));
    expect(await table(language, changed, store)).toBe(await table(language, changed, null));
    expect(served()).toBe(rows.length);
    // After an unrelated write the list is read again: new objects with the same figures.
    const readAgain = rows.map((row) => ({ ...row, boards: row.boards.map((b) => ({ ...b })) }));
    expect(await table(language, readAgain, store)).toBe(fresh);
    expect(served()).toBe(2 * rows.length);
  });
});

describe("the shared top of a member's profile", () => {
  type Summary = Parameters<typeof ProfileSummary>[0];
  let made = 0;
  const newSummary = (): Summary => ({
    user: { username: `profile_${++made}`, displayName: "林雨 & <Lin>", role: "member", avatar: null, createdAt: new Date(Date.now() - 90 * 24 * HOUR), honorLevel: 2, honorPoints: 140 },
    bioHtml: `<p>Camera fan, ${"night shots ".repeat(30)}</p>`,
    stats: { suggestionCount: 12, votesReceived: 230, commentCount: 41 },
    badges: [
      { badgeId: "first_ship", suggestionId: 7, grantedAt: new Date(Date.now() - 5 * 24 * HOUR), tier: "gold", name: { en: "Shipped", zh: "已上线" }, description: { en: "A suggestion shipped", zh: "建议已上线" } },
      { badgeId: "voice", suggestionId: 0, grantedAt: new Date(Date.now() - 2 * HOUR), tier: "bronze", name: { en: "Voice", zh: "发声" }, description: { en: "Ten votes", zh: "十票" } },
    ],
    contribution: { shipped: 1, adopted: 2, votesReceived: 230, helpfulReplies: 3, ratingsGiven: 4, daysActive: 30, invitationRewards: 0, recentDaysActive: 6 },
    progress: { level: 3, missing: [{ kind: "shipped", count: 1 }] },
  });
  const render = (language: Language, summary: Summary, store: FragmentStore | null) => renderWith(language, store, createElement(ProfileSummary, summary));

  test.each(["en", "zh"] as const)("%s: the stored summary is the markup a fresh render gives", async (language) => {
    const summary = newSummary();
    const fresh = await render(language, summary, null);
    const { store, renderPending, served } = countingStore();
    for (let request = 0; request < 3; request++) {
      expect(await render(language, summary, store)).toBe(fresh);
      renderPending();
    }
    expect(served()).toBe(1);
    expect(fresh).toContain("林雨 &amp; &lt;Lin&gt;");
    expect(fresh).toContain('data-badge="voice"');
  });

  // Its key spells out the figures and the bio, so the store keeps a digest of it: a change at
  // its very end must still be a new key.
  test.each([
    ["display name", (s: Summary) => ({ ...s, user: { ...s.user, displayName: "Lin Yu" } })],
    ["honor points", (s: Summary) => ({ ...s, user: { ...s.user, honorPoints: 141 } })],
    ["bio", (s: Summary) => ({ ...s, bioHtml: s.bioHtml.replace("</p>", "!</p>") })],
    ["votes received", (s: Summary) => ({ ...s, stats: { ...s.stats, votesReceived: 231 } })],
    ["badges", (s: Summary) => ({ ...s, badges: s.badges.slice(1) })],
    ["contribution", (s: Summary) => ({ ...s, contribution: { ...s.contribution!, ratingsGiven: 5 } })],
    ["progress", (s: Summary) => ({ ...s, progress: { level: 3, missing: [] } })],
  ])("a summary whose %s changed is rendered again, not served from before", async (_field, change) => {
    const summary = newSummary();
    const { store, renderPending, served } = countingStore();
    for (let request = 0; request < 2; request++) await render("en", summary, store);
    renderPending();
    expect(await render("en", summary, store)).toBe(await render("en", summary, null));
    expect(served()).toBe(1);
    const changed = change(summary);
    expect(await render("en", changed, store)).toBe(await render("en", changed, null));
    expect(served()).toBe(1);
  });

  test("the same summary three hours on is rendered again: its relative times read differently", async () => {
    const summary = newSummary();
    const { store, renderPending, served } = countingStore();
    for (let request = 0; request < 2; request++) await render("en", summary, store);
    renderPending();
    await render("en", summary, store);
    expect(served()).toBe(1);
    vi.useFakeTimers({ now: Date.now() + 3 * HOUR, toFake: ["Date"] });
    try {
      const later = await render("en", summary, store);
      expect(later).toBe(await render("en", summary, null));
      expect(later).toContain("about 5 hours ago");
      expect(served()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
