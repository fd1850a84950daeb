import { describe, expect, test } from "vitest";
import { SUGGESTION_STATUSES } from "#db/schema";
import { shareMessage, shareTextKey, shareUrl, socialMetaTags, weiboShareUrl, xShareUrl } from "~/features/sharing/share-links";

describe("shareUrl", () => {
  test("is absolute, and carries a logged-in sharer's username as ?ref=", () => {
    expect(shareUrl("https://sprout.example", "/s/12", null)).toBe("https://sprout.example/s/12");
    expect(shareUrl("https://sprout.example", "/s/12", "alex_chen")).toBe("https://sprout.example/s/12?ref=alex_chen");
  });
});

describe("shareTextKey", () => {
  test("people credited with a shipped idea celebrate it, naming the release when there is one", () => {
    expect(shareTextKey({ status: "shipped", mine: true, release: "Sprout OS 3.2" })).toBe("share.text.mineShippedIn");
    expect(shareTextKey({ status: "shipped", mine: true, release: null })).toBe("share.text.mineShipped");
    expect(shareTextKey({ status: "shipped", mine: false, release: "Sprout OS 3.2" })).toBe("share.text.shippedIn");
    expect(shareTextKey({ status: "shipped", mine: false, release: null })).toBe("share.text.shipped");
  });

  test.each(SUGGESTION_STATUSES.filter((s) => s !== "shipped"))("%s: open ideas ask for votes, closed ones are only pointed at", (status) => {
    const closed = status === "declined" || status === "duplicate";
    expect(shareTextKey({ status, mine: false, release: null })).toBe(closed ? "share.text.look" : "share.text.vote");
    expect(shareTextKey({ status, mine: true, release: null })).toBe(closed ? "share.text.look" : "share.text.voteMine");
  });
});

describe("share intents", () => {
  test("prefill X and Weibo with the text and the link, encoded", () => {
    const x = new URL(xShareUrl("Vote “夜景” & more", "https://sprout.example/s/1?ref=a"));
    expect(x.origin + x.pathname).toBe("https://x.com/intent/post");
    expect(x.searchParams.get("text")).toBe("Vote “夜景” & more");
    expect(x.searchParams.get("url")).toBe("https://sprout.example/s/1?ref=a");
    const weibo = new URL(weiboShareUrl("投一票", "https://sprout.example/s/1"));
    expect(weibo.searchParams.get("title")).toBe("投一票");
    expect(weibo.searchParams.get("url")).toBe("https://sprout.example/s/1");
    expect(shareMessage("Vote!", "https://sprout.example/s/1")).toBe("Vote! https://sprout.example/s/1");
  });
});

describe("socialMetaTags", () => {
  const meta = {
    title: "Night mode",
    description: "Selfies at dinner",
    url: "https://sprout.example/s/1",
    image: "https://sprout.example/s/1/card.png?lang=en",
    imageAlt: "Night mode: Open, 3 votes",
    siteName: "Sprout",
  };
  const content = (tags: ReturnType<typeof socialMetaTags>, key: string) =>
    (tags.find((t) => ("property" in t && t.property === key) || ("name" in t && t.name === key)) as { content?: string } | undefined)?.content;

  test("describe the page for Open Graph and Twitter with a large image", () => {
    const tags = socialMetaTags(meta);
    expect(content(tags, "og:title")).toBe("Night mode");
    expect(content(tags, "og:description")).toBe("Selfies at dinner");
    expect(content(tags, "og:url")).toBe(meta.url);
    expect(content(tags, "og:image")).toBe(meta.image);
    expect(content(tags, "og:image:width")).toBe("1200");
    expect(content(tags, "og:image:height")).toBe("630");
    expect(content(tags, "twitter:card")).toBe("summary_large_image");
    expect(content(tags, "twitter:image")).toBe(meta.image);
  });

  test("fall back to a small Twitter card without an image", () => {
    const tags = socialMetaTags({ ...meta, image: null });
    expect(content(tags, "twitter:card")).toBe("summary");
    expect(content(tags, "og:image")).toBeUndefined();
  });
});
