// The weekly digest's pure parts: which week a digest is about, when it goes out, and what
// it says, given the facts (no database here).
import { HONOR_LEVELS, type HonorLevel } from "~/features/honors/rules/levels";

const DAY = 24 * 60 * 60 * 1000;
// Digests go out from Monday 08:00 UTC (afternoon in China, morning in Europe).
const SEND_HOUR_UTC = 8;

// The Monday 00:00 UTC that starts the week holding `at`.
export function weekStart(at: Date): Date {
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY);
}

// The week a digest sent at `now` is about: the last whole week. Null before this week's
// sending hour (Monday early morning still belongs to the week before last's digest, sent).
export function digestWeek(now: Date): { key: string; from: Date; to: Date } | null {
  const thisWeek = weekStart(now);
  if (now.getTime() < thisWeek.getTime() + SEND_HOUR_UTC * 60 * 60 * 1000) return null;
  const from = new Date(thisWeek.getTime() - 7 * DAY);
  return { key: from.toISOString().slice(0, 10), from, to: thisWeek };
}

// Points still needed for the next level's points requirement (other requirements, such as
// shipped ideas, are named on the levels page), or null at the top.
export function pointsToNextLevel(level: number, points: number): { next: HonorLevel; points: number } | null {
  const next = HONOR_LEVELS.find((l) => l.level === level + 1);
  if (!next) return null;
  return { next: next.level, points: Math.max(0, (next.requires.points ?? 0) - points) };
}

export type DigestFacts = {
  shipped: { id: number; title: string; credits: string[] }[];
  answers: { suggestionId: number; commentId: number; title: string }[];
  topNew: { id: number; title: string; voteCount: number }[];
  honor: { level: number; points: number };
};

export function hasNews(facts: DigestFacts): boolean {
  return facts.shipped.length + facts.answers.length + facts.topNew.length > 0;
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Subject, plain text and HTML of one member's digest, in their language.
export function composeDigest(facts: DigestFacts, t: Translate, links: { appUrl: string; unsubscribeUrl: string; settingsUrl: string; levelName: (level: number) => string }) {
  const sections: { heading: string; items: { text: string; url: string }[] }[] = [];
  const at = (path: string) => links.appUrl + path;
  if (facts.shipped.length) {
    sections.push({
      heading: t("digest.shipped"),
      items: facts.shipped.map((s) => ({
        text: s.credits.length ? t("digest.shippedItem", { title: s.title, names: s.credits.join(", ") }) : s.title,
        url: at(`/s/${s.id}`),
      })),
    });
  }
  if (facts.answers.length) {
    sections.push({
      heading: t("digest.answers"),
      items: facts.answers.map((a) => ({ text: a.title, url: at(`/s/${a.suggestionId}?comment=${a.commentId}#comment-${a.commentId}`) })),
    });
  }
  if (facts.topNew.length) {
    sections.push({
      heading: t("digest.topNew"),
      items: facts.topNew.map((s) => ({ text: t("digest.topNewItem", { title: s.title, count: s.voteCount }), url: at(`/s/${s.id}`) })),
    });
  }
  const next = pointsToNextLevel(facts.honor.level, facts.honor.points);
  const honorLine = [
    t("digest.honorLevel", { level: links.levelName(facts.honor.level), count: facts.honor.points }),
    next && next.points > 0 ? t("digest.honorNext", { count: next.points, level: links.levelName(next.next) }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const footer = [t("digest.why"), `${t("digest.unsubscribe")}: ${links.unsubscribeUrl}`, `${t("notifications.email.settings")}: ${links.settingsUrl}`];
  const text = [
    t("digest.intro"),
    ...sections.map((s) => [s.heading, ...s.items.map((i) => `- ${i.text}\n  ${i.url}`)].join("\n")),
    `${t("digest.honor")}\n${honorLine}`,
    "--",
    ...footer,
  ].join("\n\n");
  const html = [
    `<p>${escapeHtml(t("digest.intro"))}</p>`,
    ...sections.map((s) => `<h2>${escapeHtml(s.heading)}</h2>\n<ul>${s.items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.text)}</a></li>`).join("")}</ul>`),
    `<h2>${escapeHtml(t("digest.honor"))}</h2>\n<p>${escapeHtml(honorLine)}</p>`,
    `<hr><p style="color:#666;font-size:small">${escapeHtml(footer[0])}<br>`,
    `<a href="${escapeHtml(links.unsubscribeUrl)}">${escapeHtml(t("digest.unsubscribe"))}</a> · <a href="${escapeHtml(links.settingsUrl)}">${escapeHtml(t("notifications.email.settings"))}</a></p>`,
  ].join("\n");
  return { subject: `${t("common.appName")}: ${t("digest.subject")}`, text: text + "\n", html };
}
