import { describe, expect, test } from "vitest";
import { buildSnippet, type SnippetPart } from "~/features/search/search-snippet";

// Renders parts the way a test can read at a glance: highlights in [brackets].
const show = (parts: SnippetPart[]) => parts.map((p) => (p.highlight ? `[${p.text}]` : p.text)).join("");

describe("buildSnippet", () => {
  test("highlights a term in a short text, whole", () => {
    expect(buildSnippet("Add a dark mode to the app", ["dark"])).toEqual([
      { text: "Add a ", highlight: false },
      { text: "dark", highlight: true },
      { text: " mode to the app", highlight: false },
    ]);
  });

  test("matches regardless of case and keeps the text's own case", () => {
    expect(show(buildSnippet("Dark Mode please", ["dark", "MODE"]))).toBe("[Dark] [Mode] please");
  });

  test("cuts a window around the first occurrence, with ellipses at cut ends", () => {
    const text = `${"a".repeat(100)} needle ${"b".repeat(100)}`;
    expect(show(buildSnippet(text, ["needle"], 10))).toBe(`…${"a".repeat(9)} [needle] ${"b".repeat(9)}…`);
  });

  test("does not start or end the window on whitespace", () => {
    const text = "one two three four five six seven eight nine ten";
    expect(show(buildSnippet(text, ["five"], 5))).toBe("…four [five] six…");
  });

  test("highlights every occurrence of every term inside the window", () => {
    expect(show(buildSnippet("camera: night camera, night mode", ["camera", "night"]))).toBe(
      "[camera]: [night] [camera], [night] mode",
    );
  });

  test("merges overlapping occurrences", () => {
    expect(show(buildSnippet("xabcdx", ["abc", "bcd"]))).toBe("x[abcd]x");
    expect(show(buildSnippet("aaa b", ["aa"]))).toBe("[aaa] b");
  });

  test("Chinese terms", () => {
    expect(show(buildSnippet("希望相机增加夜间模式，晚上拍照更清楚", ["夜间模式", "相机"]))).toBe(
      "希望[相机]增加[夜间模式]，晚上拍照更清楚",
    );
  });

  test("never splits a surrogate pair at a cut", () => {
    const text = `${"😀".repeat(20)}夜间模式${"😀".repeat(20)}`;
    const parts = buildSnippet(text, ["夜间模式"], 5);
    const joined = parts.map((p) => p.text).join("");
    expect(joined).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(show(parts)).toBe(`…${"😀".repeat(3)}[夜间模式]${"😀".repeat(2)}…`);
  });

  test("a term partly outside the window is highlighted as far as it shows", () => {
    expect(show(buildSnippet("needle xx needle", ["needle"], 5))).toBe("[needle] xx [n]…");
  });

  test("treats terms as text, not patterns", () => {
    expect(show(buildSnippet("cost (a+b)* 2", ["(a+b)*"]))).toBe("cost [(a+b)*] 2");
    expect(show(buildSnippet("nothing here", [".*"]))).toBe("nothing here");
  });

  test("without any occurrence, the text's beginning", () => {
    expect(show(buildSnippet("The beginning of a long text that goes on", ["absent"], 8))).toBe("The beginning of…");
    expect(buildSnippet("short", [])).toEqual([{ text: "short", highlight: false }]);
  });

  test("ignores blank terms and empty text", () => {
    expect(show(buildSnippet("dark mode", ["", "  ", "mode"]))).toBe("dark [mode]");
    expect(buildSnippet("", ["dark"])).toEqual([]);
  });
});
