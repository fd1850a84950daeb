// What sharing puts in people's hands, as pure functions: the link (carrying the sharer's
// reference, so visits and signups through it count for them), which ready-made text fits,
// the X and Weibo share intents, and the Open Graph / Twitter tags of a shared page.
import type { MetaDescriptor } from "@remix-run/node";
import type { SuggestionStatus } from "#db/enums";
import { CARD_HEIGHT, CARD_WIDTH } from "~/features/sharing/share-card";

// An absolute link to `path` on the forum; a logged-in sharer's username rides along as ?ref=.
export function shareUrl(appUrl: string, path: string, sharer: string | null): string {
  const url = new URL(path, appUrl);
  if (sharer) url.searchParams.set("ref", sharer);
  return url.toString();
}

export type ShareTextKey =
  | "share.text.mineShippedIn"
  | "share.text.mineShipped"
  | "share.text.shippedIn"
  | "share.text.shipped"
  | "share.text.voteMine"
  | "share.text.vote"
  | "share.text.look";

// The ready-made text for a suggestion: the people credited with a shipped idea celebrate it,
// open ideas ask for votes, closed ones (declined, duplicate) are only pointed at.
export function shareTextKey({ status, mine, release }: { status: SuggestionStatus; mine: boolean; release: string | null }): ShareTextKey {
  if (status === "shipped") {
    if (mine) return release ? "share.text.mineShippedIn" : "share.text.mineShipped";
    return release ? "share.text.shippedIn" : "share.text.shipped";
  }
  if (status === "declined" || status === "duplicate") return "share.text.look";
  return mine ? "share.text.voteMine" : "share.text.vote";
}

// The text ready to paste: the (translated) message, then the link.
export function shareMessage(text: string, url: string): string {
  return `${text} ${url}`;
}

// Web intents: they open the network's own compose box, prefilled; nothing is posted for the user.
export function xShareUrl(text: string, url: string): string {
  return `https://x.com/intent/post?${new URLSearchParams({ text, url })}`;
}

export function weiboShareUrl(text: string, url: string): string {
  return `https://service.weibo.com/share/share.php?${new URLSearchParams({ url, title: text })}`;
}

export type SocialMeta = {
  title: string;
  description: string;
  // Absolute URLs: crawlers fetch them without any context.
  url: string;
  image: string | null;
  imageAlt: string;
  siteName: string;
};

// Open Graph (Facebook, WeChat, Slack, …) and Twitter/X card tags for a page.
export function socialMetaTags(meta: SocialMeta): MetaDescriptor[] {
  const tags: MetaDescriptor[] = [
    { name: "description", content: meta.description },
    { property: "og:type", content: "article" },
    { property: "og:site_name", content: meta.siteName },
    { property: "og:title", content: meta.title },
    { property: "og:description", content: meta.description },
    { property: "og:url", content: meta.url },
    { name: "twitter:card", content: meta.image ? "summary_large_image" : "summary" },
    { name: "twitter:title", content: meta.title },
    { name: "twitter:description", content: meta.description },
  ];
  if (meta.image) {
    tags.push(
      { property: "og:image", content: meta.image },
      { property: "og:image:type", content: "image/png" },
      { property: "og:image:width", content: String(CARD_WIDTH) },
      { property: "og:image:height", content: String(CARD_HEIGHT) },
      { property: "og:image:alt", content: meta.imageAlt },
      { name: "twitter:image", content: meta.image },
      { name: "twitter:image:alt", content: meta.imageAlt },
    );
  }
  return tags;
}
