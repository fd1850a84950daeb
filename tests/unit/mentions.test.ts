import { describe, expect, it } from "vitest";
import { avatarColor, avatarInitials } from "~/components/avatar";
import { mentionAtCaret, mentionedUsernames } from "~/platform/mentions";
import { renderMarkdown } from "~/platform/markdown.server";

describe("mentionedUsernames", () => {
  it("finds each @username once, not emails, paths or code", () => {
    expect(mentionedUsernames("@ada thanks, and @Bob_2 / @ada again")).toEqual(["ada", "Bob_2"]);
    expect(mentionedUsernames("write to ada@example.com or see https://x.com/@ada")).toEqual([]);
    expect(mentionedUsernames("`@ada` and\n```\n@bob\n```\n@zoe-2.")).toEqual(["zoe-2"]);
    // Shorter or longer than a username can be.
    expect(mentionedUsernames("@ab @" + "a".repeat(31))).toEqual([]);
  });
});

describe("mentionAtCaret", () => {
  it("gives the word being typed after @, or null", () => {
    expect(mentionAtCaret("hi @ad", 6)).toEqual({ start: 3, query: "ad" });
    expect(mentionAtCaret("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAtCaret("mail ada@ex", 11)).toBeNull();
    expect(mentionAtCaret("hi @ada done", 12)).toBeNull();
  });
});

describe("mentions in Markdown", () => {
  it("link to the member's profile and survive sanitizing", () => {
    expect(renderMarkdown("thanks @ada_l!")).toContain('<a href="/u/ada_l" class="mention" rel="nofollow ugc noopener">@ada_l</a>!');
    expect(renderMarkdown("ada@example.com")).not.toContain("/u/");
    expect(renderMarkdown('<a class="mention" href="javascript:alert(1)">x</a>')).not.toContain("javascript");
  });
});

describe("avatars from initials", () => {
  it("uses the first and last word, or one character for a single word or a Chinese name", () => {
    expect(avatarInitials("Ada Lovelace")).toBe("AL");
    expect(avatarInitials("ada  king   byron")).toBe("AB");
    expect(avatarInitials("fan")).toBe("F");
    expect(avatarInitials("李雷")).toBe("李");
    expect(avatarInitials("  ")).toBe("?");
  });

  it("gives the same username the same colour, whatever its case", () => {
    expect(avatarColor("Ada")).toBe(avatarColor("ada"));
    expect(avatarColor("ada")).toMatch(/^hsl\(\d{1,3} 60% 28%\)$/);
  });
});
