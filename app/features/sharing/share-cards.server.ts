// Share cards: a suggestion's 1200×630 PNG for link previews. Satori lays the card out as
// SVG (with Noto Sans SC, whose TTFs cover Chinese and Latin), resvg rasterises it. Rendering
// takes a fair fraction of a second, so cards are stored on disk (card-store.server.ts) and
// kept in a small in-memory LRU, keyed by everything drawn on them: a new vote or status
// makes a new key, never a stale picture; renders run one at a time.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import { and, eq } from "drizzle-orm";
import satori, { type SatoriOptions } from "satori";
import { boards, releases, suggestions } from "#db/schema";
import { visibleSuggestions, type Viewer } from "~/features/boards/boards.server";
import { getDb } from "~/platform/db.server";
import { readStoredCard, storeCard } from "~/features/sharing/card-store.server";
import { concurrencyLimit } from "~/platform/concurrency";
import { translator, type Language } from "~/i18n/i18n";
import { creditsOf, type Credit } from "~/features/lifecycle/releases.server";
import { CARD_HEIGHT, CARD_WIDTH, ShareCard, type ShareCardData } from "~/features/sharing/share-card";

// Bump when the card's layout changes, so browsers and caches drop pictures they hold.
const CARD_VERSION = 1;
const CACHE_SIZE = 64;
// Co-authors named on the card; the rest are counted ("+3").
const NAMED_CO_AUTHORS = 2;

let fonts: SatoriOptions["fonts"] | undefined;

// Read once per process (about 10 MB each); satori also keeps its parse of the same objects.
function cardFonts(): SatoriOptions["fonts"] {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const load = (file: string) => readFileSync(require.resolve(`@expo-google-fonts/noto-sans-sc/${file}`));
    fonts = [
      { name: "Noto Sans SC", data: load("400Regular/NotoSansSC_400Regular.ttf"), weight: 400, style: "normal" },
      { name: "Noto Sans SC", data: load("700Bold/NotoSansSC_700Bold.ttf"), weight: 700, style: "normal" },
    ];
  }
  return fonts;
}

export async function renderShareCard(data: ShareCardData): Promise<Buffer> {
  const svg = await satori(ShareCard({ data }), { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: cardFonts() });
  return new Resvg(svg, { fitTo: { mode: "width", value: CARD_WIDTH } }).render().asPng();
}

function creditLine(credits: Credit[], t: ReturnType<typeof translator>): string {
  const [author, ...coAuthors] = credits;
  if (coAuthors.length === 0) return t("share.card.by", { author: author.displayName });
  const named = coAuthors.slice(0, NAMED_CO_AUTHORS).map((c) => c.displayName);
  const others = coAuthors.length - named.length;
  const list = others > 0 ? [...named, t("share.card.more", { count: others })] : named;
  return t("share.card.byWith", { author: author.displayName, coAuthors: list.join(t("share.card.listSeparator")) });
}

// What the card of a suggestion shows the viewer, or null when it does not exist for them
// (missing, on an early-access board they cannot see, hidden by flags). `open` says whether
// anyone at all may see it, i.e. whether shared caches may keep the picture.
export function shareCardData(id: number, viewer: Viewer, language: Language): { data: ShareCardData; open: boolean } | null {
  const row = getDb()
    .select({
      title: suggestions.title,
      status: suggestions.status,
      voteCount: suggestions.voteCount,
      hiddenAt: suggestions.hiddenAt,
      boardNameEn: boards.nameEn,
      boardNameZh: boards.nameZh,
      boardVisibility: boards.visibility,
      release: releases.name,
    })
    .from(suggestions)
    .innerJoin(boards, eq(boards.id, suggestions.boardId))
    .leftJoin(releases, eq(releases.id, suggestions.releaseId))
    .where(and(eq(suggestions.id, id), visibleSuggestions(viewer, { ownHidden: true })))
    .get();
  if (!row) return null;
  const t = translator(language);
  const board = language === "zh" ? row.boardNameZh || row.boardNameEn : row.boardNameEn || row.boardNameZh;
  return {
    open: row.boardVisibility === "public" && row.hiddenAt === null,
    data: {
      forum: t("common.appName"),
      board,
      title: row.title,
      status: row.status,
      statusLabel: t(`common.status.${row.status}`),
      votesLabel: t("share.card.votes", { count: row.voteCount }),
      credit: creditLine(creditsOf(id), t),
      shippedIn: row.status === "shipped" && row.release ? t("share.card.shippedIn", { release: row.release }) : null,
    },
  };
}

const cache = new Map<string, Promise<Buffer>>();

// Rendering costs 0.3–2 s of CPU on the event loop's thread: one at a time per process, with
// requests served between two renders, a short queue, and a 503 beyond it (BusyError), so a
// burst of card requests cannot starve pages.
export const cardRenders = concurrencyLimit(1, 8);

// The PNG for these card contents: from memory, else from disk, else rendered (once, however
// many requests ask at the same moment) and stored.
function cachedRender(suggestionId: number, hash: string, data: ShareCardData): Promise<Buffer> {
  const hit = cache.get(hash);
  if (hit) {
    cache.delete(hash);
    cache.set(hash, hit);
    return hit;
  }
  const stored = readStoredCard(suggestionId, hash);
  const rendering = stored
    ? Promise.resolve(stored)
    : cardRenders.run(() => renderShareCard(data)).then((png) => {
        storeCard(suggestionId, hash, png);
        return png;
      });
  cache.set(hash, rendering);
  rendering.catch(() => cache.delete(hash));
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return rendering;
}

export type ShareCardImage = { etag: string; open: boolean; png: () => Promise<Buffer> };

// The card of a suggestion as the viewer may see it; its ETag is known before any rendering,
// so a revalidation that still matches costs one query.
export function suggestionShareCard(id: number, viewer: Viewer, language: Language): ShareCardImage | null {
  const card = shareCardData(id, viewer, language);
  if (!card) return null;
  const hash = createHash("sha256").update(JSON.stringify([CARD_VERSION, card.data])).digest("base64url").slice(0, 27);
  return { etag: `"${hash}"`, open: card.open, png: () => cachedRender(id, hash, card.data) };
}
