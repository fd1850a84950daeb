// A list row rendered once and reused as markup (app/platform/shared-fragments.tsx) must be
// byte for byte what rendering it afresh gives, or the browser's hydration would not match the
// page; and a row whose content changed must not be served from before the change.
import { PassThrough } from "node:stream";
import { createElement, type ReactElement } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, test, vi } from "vitest";
import { SuggestionList, type SuggestionSummary } from "~/features/suggestions/suggestion-list";
import { sharedI18n, type Language } from "~/i18n/i18n";
import { FragmentContext, type FragmentStore } from "~/platform/shared-fragments";
import { fragmentStore } from "~/platform/shared-fragments.server";

// As the server renders a page: streamed, all of it.
function render(element: ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    let html = "";
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => (html += chunk.toString("utf8")));
    sink.on("end", () => resolve(html));
    const { pipe } = renderToPipeableStream(element, { onAllReady: () => pipe(sink), onShellError: reject });
  });
}

const page = (language: Language, items: SuggestionSummary[], showBoard: boolean, store: FragmentStore | null) =>
  render(
    createElement(
      FragmentContext.Provider,
      { value: store },
      createElement(I18nextProvider, { i18n: sharedI18n(language) }, createElement(SuggestionList, { items, showBoard })),
    ),
  );

// A store that counts the rows it served as stored markup.
function countingStore() {
  const fragments = fragmentStore();
  let served = 0;
  const store: FragmentStore = {
    get: (key) => {
      const html = fragments.store.get(key);
      if (html !== undefined) served++;
      return html;
    },
    remember: fragments.store.remember,
  };
  return { store, renderPending: fragments.renderPending, served: () => served };
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
    // The first request renders the rows inline and leaves them to be stored after it.
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
    const { store, renderPending, served } = countingStore();
    await page("en", rows, true, store);
    renderPending();
    const before = served();
    const changed = rows.map(change);
    const html = await page("en", changed, true, store);
    expect(served()).toBe(before);
    expect(html).toBe(await page("en", changed, true, null));
  });

  test("each language has its own rows", async () => {
    const rows = newRows();
    const { store, renderPending, served } = countingStore();
    await page("en", rows, true, store);
    renderPending();
    expect(await page("zh", rows, true, store)).toBe(await page("zh", rows, true, null));
    expect(served()).toBe(0);
  });
});

test("a fragment that fails to render after the response is logged and left to render inline", async () => {
  const fragments = fragmentStore();
  const Broken = () => {
    throw new Error("broken on its own");
  };
  fragments.store.remember("broken-fragment", createElement(Broken), sharedI18n("en"));
  const logged = vi.mocked(console.error).mockImplementation(() => {});
  expect(() => fragments.renderPending()).not.toThrow();
  expect(logged).toHaveBeenCalledWith("Storing a shared fragment failed", expect.any(Error));
  expect(fragments.store.get("broken-fragment")).toBeUndefined();
});
