// The changelog as an Atom 1.0 feed (RFC 4287), built as a string from plain data. Every
// piece of text passes through xmlText, and each entry's content is HTML that is escaped a
// second time as XML, so a title like "<script>" stays text in readers and parsers alike.

export type FeedFeature = {
  id: number;
  title: string;
  credits: { displayName: string; username: string }[];
  rating: { average: number | null; count: number };
  bestRated: boolean;
};

export type FeedRelease = {
  id: number;
  name: string;
  notesHtml: string;
  releasedAt: Date;
  updatedAt: Date;
  features: FeedFeature[];
};

export type FeedLabels = {
  title: string;
  subtitle: string;
  // Put before the credited names: "Credits:".
  credits: string;
  rating: (average: string, count: number) => string;
  notRated: string;
  bestRated: string;
};

// Characters XML 1.0 forbids even when escaped (a stray control character in a title would
// make the whole feed unreadable), then the five that markup gives meaning to.
const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN_IN_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

// HTML attribute and text escaping needs the same five characters.
const htmlText = xmlText;

function featureHtml(feature: FeedFeature, url: (path: string) => string, labels: FeedLabels): string {
  const names = feature.credits.map((c) => `<a href="${htmlText(url(`/u/${c.username}`))}">${htmlText(c.displayName)}</a>`);
  const rating =
    feature.rating.average === null ? labels.notRated : labels.rating(feature.rating.average.toFixed(1), feature.rating.count);
  return [
    "<li>",
    feature.bestRated ? `<strong>${htmlText(labels.bestRated)}</strong> ` : "",
    `<a href="${htmlText(url(`/s/${feature.id}`))}">${htmlText(feature.title)}</a>`,
    ` — ${htmlText(labels.credits)} ${names.join(", ")}`,
    ` · ${htmlText(rating)}`,
    "</li>",
  ].join("");
}

function releaseHtml(release: FeedRelease, url: (path: string) => string, labels: FeedLabels): string {
  const features = release.features.length
    ? `<ul>${release.features.map((f) => featureHtml(f, url, labels)).join("")}</ul>`
    : "";
  return release.notesHtml + features;
}

export function changelogFeed({
  appUrl,
  releases,
  labels,
  now,
}: {
  appUrl: string;
  releases: readonly FeedRelease[];
  labels: FeedLabels;
  // The feed's "updated" when there is no release yet.
  now: Date;
}): string {
  const url = (path: string) => new URL(path, appUrl).href;
  const updated = releases.length ? new Date(Math.max(...releases.map((r) => r.updatedAt.getTime()))) : now;
  const entries = releases.map((release) => {
    const link = url(`/changelog#release-${release.id}`);
    return [
      "  <entry>",
      `    <id>${xmlText(link)}</id>`,
      `    <title>${xmlText(release.name)}</title>`,
      `    <published>${release.releasedAt.toISOString()}</published>`,
      `    <updated>${release.updatedAt.toISOString()}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(link)}"/>`,
      `    <content type="html">${xmlText(releaseHtml(release, url, labels))}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(url("/changelog"))}</id>`,
    `  <title>${xmlText(labels.title)}</title>`,
    `  <subtitle>${xmlText(labels.subtitle)}</subtitle>`,
    `  <updated>${updated.toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(url("/changelog.atom"))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(url("/changelog"))}"/>`,
    `  <author><name>${xmlText(labels.title)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
