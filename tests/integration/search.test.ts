import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { comments, suggestions, type Board, type Suggestion, type User } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { findSimilarSuggestions, searchSuggestions } from "~/features/search/search.server";
import type { SnippetPart } from "~/features/search/search-snippet";
import { createBoard, createMember, createSuggestion } from "../factories";

const highlighted = (snippet: SnippetPart[]) => snippet.filter((p) => p.highlight).map((p) => p.text);
const ids = (results: { id: number }[]) => results.map((r) => r.id);

let board: Board;
let author: User;
let darkMode: Suggestion;
let nightCamera: Suggestion;
let slowCamera: Suggestion;
let widget: Suggestion;

beforeAll(async () => {
  board = createBoard({ slug: "search-phone", nameEn: "Phone", nameZh: "手机" });
  author = await createMember();
  darkMode = await createSuggestion({
    board,
    author,
    title: "Add a dark mode to the gallery app",
    body: "At night the screen is too **bright** and hurts the eyes.",
  });
  nightCamera = await createSuggestion({ board, author, title: "希望相机增加夜间模式", body: "晚上拍照太暗了，希望有**夜间模式**。" });
  slowCamera = await createSuggestion({ board, author, title: "相机启动速度太慢", body: "打开相机要等三秒。" });
  widget = await createSuggestion({ board, author, title: "Battery widget for the home screen", body: "Show the charge level at a glance." });
  getDb().insert(comments).values({ suggestionId: widget.id, authorId: author.id, body: "Mirror it on the *lockscreen* too, please." }).run();
  getDb().update(suggestions).set({ voteCount: 10 }).where(eq(suggestions.id, nightCamera.id)).run();
});

describe("searchSuggestions", () => {
  test("finds an English word in a body, with the board and a highlighted snippet", () => {
    const { results, total, page, pages } = searchSuggestions({ query: "BRIGHT" });
    expect({ total, page, pages }).toEqual({ total: 1, page: 1, pages: 1 });
    expect(results[0]).toMatchObject({
      id: darkMode.id,
      title: darkMode.title,
      status: "open",
      voteCount: 1,
      boardSlug: "search-phone",
      boardNameEn: "Phone",
      boardNameZh: "手机",
    });
    expect(results[0].createdAt).toBeInstanceOf(Date);
    // The body's Markdown is stripped: the reader sees "bright", not "**bright**".
    expect(results[0].snippet.map((p) => p.text).join("")).toBe("At night the screen is too bright and hurts the eyes.");
    expect(highlighted(results[0].snippet)).toEqual(["bright"]);
  });

  test("every word must match", () => {
    expect(ids(searchSuggestions({ query: "dark gallery" }).results)).toEqual([darkMode.id]);
    expect(searchSuggestions({ query: "dark battery" }).total).toBe(0);
  });

  test("a match in the title ranks above a match in a body", async () => {
    const inBody = await createSuggestion({ board, author, title: "Something else entirely", body: "A quokka would love this." });
    const inTitle = await createSuggestion({ board, author, title: "Quokka stickers in the keyboard", body: "Cute animals." });
    expect(ids(searchSuggestions({ query: "quokka" }).results)).toEqual([inTitle.id, inBody.id]);
  });

  test("finds a Chinese term of three or more characters", () => {
    const { results } = searchSuggestions({ query: "夜间模式" });
    expect(ids(results)).toEqual([nightCamera.id]);
    expect(highlighted(results[0].snippet)).toEqual(["夜间模式"]);
  });

  test("finds a two-character Chinese term, most voted first", () => {
    const { results, total } = searchSuggestions({ query: "相机" });
    expect(total).toBe(2);
    expect(ids(results)).toEqual([nightCamera.id, slowCamera.id]);
    expect(highlighted(results[1].snippet)).toEqual(["相机"]);
  });

  test("combines short and long terms", () => {
    expect(ids(searchSuggestions({ query: "相机 启动速度" }).results)).toEqual([slowCamera.id]);
    expect(ids(searchSuggestions({ query: "相机　夜间" }).results)).toEqual([nightCamera.id]); // ideographic space
  });

  test("finds a word that only a comment contains, with the snippet from the comment", () => {
    const { results } = searchSuggestions({ query: "lockscreen" });
    expect(ids(results)).toEqual([widget.id]);
    expect(results[0].snippet.map((p) => p.text).join("")).toBe("Mirror it on the lockscreen too, please.");
    expect(highlighted(results[0].snippet)).toEqual(["lockscreen"]);
  });

  test("a comment added later is searchable at once", async () => {
    const other = await createSuggestion({ board, author, title: "Quiet hours for notifications" });
    getDb().insert(comments).values({ suggestionId: other.id, authorId: author.id, body: "Like 勿扰模式 on my old phone" }).run();
    expect(ids(searchSuggestions({ query: "勿扰模式" }).results)).toEqual([other.id]);
  });

  test("nothing found, and nothing asked", () => {
    expect(searchSuggestions({ query: "xylophone" })).toEqual({ results: [], total: 0, page: 1, pages: 0 });
    expect(searchSuggestions({ query: "   " })).toEqual({ results: [], total: 0, page: 1, pages: 0 });
  });

  test("pages through results with exact counts", async () => {
    const probeBoard = createBoard();
    const created: number[] = [];
    for (let i = 0; i < 25; i++) created.push((await createSuggestion({ board: probeBoard, author, title: `Pagination probe number ${i}` })).id);

    const pages = [1, 2, 3, 4].map((page) => searchSuggestions({ query: "probe", page, pageSize: 10 }));
    expect(pages.map((p) => [p.total, p.page, p.pages, p.results.length])).toEqual([
      [25, 1, 3, 10],
      [25, 2, 3, 10],
      [25, 3, 3, 5],
      [25, 4, 3, 0],
    ]);
    expect(pages.flatMap((p) => ids(p.results)).sort((a, b) => a - b)).toEqual(created);
    expect(searchSuggestions({ query: "probe" }).results).toHaveLength(20);
    expect(searchSuggestions({ query: "probe", page: Number.NaN }).page).toBe(1);
  });

  test("uses only the first ten terms of a query", () => {
    const query = "add dark mode the gallery app night screen too bright unknownword1 unknownword2";
    expect(ids(searchSuggestions({ query }).results)).toEqual([darkMode.id]);
  });

  test.each([
    '"',
    '""',
    '"dark',
    "dark*",
    "*",
    "NEAR(",
    "NEAR(dark gallery)",
    "OR",
    "dark OR",
    "AND dark",
    "NOT dark",
    "-dark",
    ":",
    "title:dark",
    "{title}: dark",
    "^dark",
    "(((",
    "'; drop table suggestions; --",
    "\\",
    "a\"b\"c",
    "x".repeat(500),
  ])("treats %j as text and never fails", (query) => {
    expect(() => searchSuggestions({ query })).not.toThrow();
  });

  test("LIKE wildcards are searched for literally", async () => {
    const percent = await createSuggestion({ board, author, title: "Show battery in % on the status bar" });
    expect(ids(searchSuggestions({ query: "%" }).results)).toEqual([percent.id]);
    expect(searchSuggestions({ query: "_" }).total).toBe(0);
  });
});

describe("findSimilarSuggestions", () => {
  test("finds suggestions sharing words with an English title", () => {
    const similar = findSimilarSuggestions("Dark theme for gallery");
    expect(similar[0]).toEqual({ id: darkMode.id, title: darkMode.title, status: "open", voteCount: 1 });
  });

  test("finds suggestions sharing 3-character sequences with a Chinese title", () => {
    expect(ids(findSimilarSuggestions("相机能不能加个夜间模式"))[0]).toBe(nightCamera.id);
    expect(ids(findSimilarSuggestions("相机启动太慢了"))).toContain(slowCamera.id);
  });

  test("respects the limit", () => {
    expect(findSimilarSuggestions("Pagination probe", { limit: 3 })).toHaveLength(3);
  });

  test("nothing for short titles or titles of only common words", () => {
    expect(findSimilarSuggestions("dar")).toEqual([]);
    expect(findSimilarSuggestions("  相机  ")).toEqual([]);
    expect(findSimilarSuggestions("Add this for the")).toEqual([]);
  });

  test("ignores what only comments say", () => {
    expect(ids(findSimilarSuggestions("Lockscreen mirroring"))).not.toContain(widget.id);
  });

  test.each(['NEAR("dark" OR', '"""" ****', "title: {body} -- ^"])("treats %j as text and never fails", (title) => {
    expect(() => findSimilarSuggestions(title)).not.toThrow();
  });
});
