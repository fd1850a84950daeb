import { describe, expect, test } from "vitest";
import { fillSavedReply, suggestionLanguage, unknownPlaceholders } from "~/features/staff/saved-replies";

const template = { bodyEn: "Thanks {author}! “{title}” is now on {board}'s list.", bodyZh: "谢谢 {author}！「{title}」已列入{board}的计划。" };
const context = { author: "Lin", title: "Dark mode", board: "App" };

describe("saved replies", () => {
  test("fill the placeholders in the suggestion's language", () => {
    expect(fillSavedReply(template, "en", context)).toBe("Thanks Lin! “Dark mode” is now on App's list.");
    expect(fillSavedReply(template, "zh", { ...context, board: "应用" })).toBe("谢谢 Lin！「Dark mode」已列入应用的计划。");
  });

  test("a placeholder used twice is filled twice; unknown brace text stays as written", () => {
    expect(fillSavedReply({ bodyEn: "{author}, {author} {nope}", bodyZh: "" }, "en", context)).toBe("Lin, Lin {nope}");
  });

  test("a value containing a placeholder is not filled again", () => {
    expect(fillSavedReply({ bodyEn: "{title} by {author}", bodyZh: "" }, "en", { ...context, title: "{author}" })).toBe("{author} by Lin");
  });

  test("unknown placeholders are reported once each", () => {
    expect(unknownPlaceholders("Hi {author} {autor} {autor} {board}")).toEqual(["autor"]);
    expect(unknownPlaceholders("Hi {author}")).toEqual([]);
  });

  test.each([
    ["希望支持深色模式", "zh"],
    ["Dark mode please", "en"],
    ["MIUI 的深色模式能否跟随系统", "zh"],
    ["Please add dark mode to the MIUI 设置 app, it would be great for night use", "en"],
    ["12345 !!!", "en"],
    ["", "en"],
  ] as const)("%s is answered in %s", (text, language) => {
    expect(suggestionLanguage(text)).toBe(language);
  });
});
