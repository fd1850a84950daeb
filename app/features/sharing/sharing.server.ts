// What the share kit and link previews need about a suggestion: the viewer's own share link
// (with their ?ref=), its QR code, which ready-made text fits them, and the page's Open Graph
// and Twitter tags pointing at the share card.
import { LRUCache } from "lru-cache";
import QRCode from "qrcode";
import type { SuggestionStatus } from "#db/schema";
import { env } from "~/platform/env.server";
import { translator, type Language } from "~/i18n/i18n";
import { markdownToPlainText } from "~/platform/markdown.server";
import { findRelease, type ChangelogRelease, type Credit } from "~/features/lifecycle/releases.server";
import { shareTextKey, shareUrl, type ShareTextKey, type SocialMeta } from "~/features/sharing/share-links";

const DESCRIPTION_MAX = 200;

export type Sharer = { username: string } | null;

export type ShareKit = {
  url: string;
  // The link as a QR code (an SVG data: URI), for phones and WeChat.
  qrCode: string;
  title: string;
  textKey: ShareTextKey;
  release: string | null;
};

export type SharedSuggestion = { id: number; title: string; status: SuggestionStatus; release: string | null; credited: readonly string[] };

// A link's QR code never changes, and drawing one cost a noticeable part of a suggestion
// page; members see the same few links again and again (their own ?ref= per suggestion).
const qrCodes = new LRUCache<string, string>({ max: 2_000 });

async function qrCode(text: string): Promise<string> {
  let uri = qrCodes.get(text);
  if (!uri) {
    const svg = await QRCode.toString(text, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
    uri = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    qrCodes.set(text, uri);
  }
  return uri;
}

// credited: the usernames of the author and co-authors, who share a shipped idea as their own.
export async function shareKitFor(suggestion: SharedSuggestion, sharer: Sharer): Promise<ShareKit> {
  const url = shareUrl(env().APP_URL, `/s/${suggestion.id}`, sharer?.username ?? null);
  const mine = !!sharer && suggestion.credited.includes(sharer.username);
  return {
    url,
    qrCode: await qrCode(url),
    title: suggestion.title,
    textKey: shareTextKey({ status: suggestion.status, mine, release: suggestion.release }),
    release: suggestion.release,
  };
}

export function shareCardUrl(suggestionId: number, language: Language): string {
  return new URL(`/s/${suggestionId}/card.png?lang=${language}`, env().APP_URL).toString();
}

// The suggestion page's share kit and link-preview tags.
export async function suggestionSharing(
  // credits: as creditsOf gives them, which the page has read already.
  suggestion: { id: number; title: string; body: string; status: SuggestionStatus; voteCount: number; releaseId: number | null; credits: readonly Credit[] },
  sharer: Sharer,
  language: Language,
): Promise<{ kit: ShareKit; meta: SocialMeta }> {
  const release = suggestion.status === "shipped" && suggestion.releaseId ? (findRelease(suggestion.releaseId)?.name ?? null) : null;
  const credited = suggestion.credits.map((c) => c.username);
  const t = translator(language);
  return {
    kit: await shareKitFor({ ...suggestion, release, credited }, sharer),
    meta: {
      title: suggestion.title,
      description: markdownToPlainText(suggestion.body, DESCRIPTION_MAX),
      url: new URL(`/s/${suggestion.id}`, env().APP_URL).toString(),
      image: shareCardUrl(suggestion.id, language),
      imageAlt: t("share.card.alt", {
        title: suggestion.title,
        status: t(`common.status.${suggestion.status}`),
        votes: t("share.card.votes", { count: suggestion.voteCount }),
      }),
      siteName: t("common.appName"),
    },
  };
}

// Each shipped feature on the changelog gets its share kit: the entry is what people share.
// groups: the releases (and the unreleased "shipped recently", name null) with their features.
export async function changelogSharing(
  groups: readonly { name: string | null; features: readonly { id: number; title: string; credits: Credit[] }[] }[],
  sharer: Sharer,
): Promise<Record<number, ShareKit>> {
  const kits = await Promise.all(
    groups.flatMap(({ name, features }) =>
      features.map((f) =>
        shareKitFor({ ...f, status: "shipped", release: name, credited: f.credits.map((c) => c.username) }, sharer).then(
          (kit) => [f.id, kit] as const,
        ),
      ),
    ),
  );
  return Object.fromEntries(kits);
}

// The changelog's preview: its newest release, pictured by its most-voted feature's card.
export function changelogSocialMeta(releases: readonly ChangelogRelease[], language: Language): SocialMeta {
  const t = translator(language);
  const latest = releases.find((r) => r.features.length > 0);
  const top = latest?.features[0];
  return {
    title: `${t("releases.changelog.title")} · ${t("common.appName")}`,
    description: latest
      ? t("share.meta.changelogDescription", { release: latest.name, count: latest.features.length })
      : t("releases.changelog.intro"),
    url: new URL("/changelog", env().APP_URL).toString(),
    image: top ? shareCardUrl(top.id, language) : null,
    imageAlt: top ? t("share.card.alt", { title: top.title, status: t("common.status.shipped"), votes: t("share.card.votes", { count: top.voteCount }) }) : "",
    siteName: t("common.appName"),
  };
}
