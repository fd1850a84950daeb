import { describe, expect, it } from "vitest";
import { composeDigest, digestWeek, hasNews, pointsToNextLevel, weekStart, type DigestFacts } from "~/features/digest/digest";
import { translator } from "~/i18n/i18n";

describe("digest weeks", () => {
  it("starts weeks on Monday 00:00 UTC", () => {
    expect(weekStart(new Date("2026-12-05T18:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-30T00:00:00Z")).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(weekStart(new Date("2026-11-29T23:59:59Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("is about the last whole week, from Monday 08:00 UTC on", () => {
    expect(digestWeek(new Date("2026-11-30T07:59:00Z"))).toBeNull();
    expect(digestWeek(new Date("2026-11-30T08:00:00Z"))).toEqual({
      key: "2026-11-23",
      from: new Date("2026-11-23T00:00:00Z"),
      to: new Date("2026-11-30T00:00:00Z"),
    });
    expect(digestWeek(new Date("2026-12-05T18:00:00Z"))?.key).toBe("2026-11-23");
  });
});

describe("digest content", () => {
  const facts: DigestFacts = {
    shipped: [{ id: 7, title: "Dark mode", credits: ["Lin Yu", "Fan"] }],
    answers: [{ suggestionId: 9, commentId: 44, title: "Faster camera" }],
    topNew: [{ id: 12, title: "Bigger clock", voteCount: 1 }],
    honor: { level: 1, points: 40 },
  };
  const links = { appUrl: "https://sprout.example", unsubscribeUrl: "https://sprout.example/u?t=x", settingsUrl: "https://sprout.example/s", levelName: (l: number) => `L${l}` };

  it("credits the members whose ideas shipped, links the answers, and counts the way to the next level", () => {
    const { subject, text, html } = composeDigest(facts, translator("en") as never, links);
    expect(subject).toBe("Sprout: Your week on Sprout");
    expect(text).toContain("Dark mode (an idea by Lin Yu, Fan)");
    expect(text).toContain("https://sprout.example/s/9?comment=44#comment-44");
    expect(text).toContain("Bigger clock (1 vote)");
    expect(text).toContain("You are L1 with 40 points. 20 more points toward L2.");
    expect(html).toContain('<a href="https://sprout.example/u?t=x">');
  });

  it("escapes titles in the HTML part and writes Chinese for Chinese members", () => {
    const hostile = { ...facts, shipped: [{ id: 1, title: '<img src=x onerror="alert(1)">', credits: [] }] };
    const { html, text } = composeDigest(hostile, translator("zh") as never, links);
    expect(html).not.toContain("<img");
    expect(text).toContain("本周已上线");
  });

  it("has news only when something happened", () => {
    expect(hasNews({ ...facts, shipped: [], answers: [], topNew: [] })).toBe(false);
    expect(hasNews(facts)).toBe(true);
  });

  it("knows the points to the next level, and that the top has none", () => {
    expect(pointsToNextLevel(0, 3)).toEqual({ next: 1, points: 7 });
    expect(pointsToNextLevel(4, 5000)).toBeNull();
  });
});
