// /s/:id/card.png: the suggestion's share card, what link previews show (see the page's
// og:image). A 404, not a picture, for what the viewer may not see.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { isLanguage } from "~/i18n/i18n";
import { resolveLanguage } from "~/platform/locale.server";
import { BusyError } from "~/platform/concurrency";
import { parseId } from "~/platform/route-params";
import { suggestionShareCard } from "~/features/sharing/share-cards.server";

export async function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const viewer = getOptionalUser(request);
  // Pages link the card in their own language; crawlers fetching it send no preferences.
  const asked = new URL(request.url).searchParams.get("lang");
  const language = isLanguage(asked) ? asked : resolveLanguage(request, viewer);
  const card = suggestionShareCard(id, viewer, language);
  if (!card) throw new Response("Not found", { status: 404 });
  const headers = new Headers({
    ETag: card.etag,
    // Early-access and hidden suggestions' cards are for this viewer's browser only.
    "Cache-Control": `${card.open ? "public" : "private"}, max-age=300`,
  });
  if (!isLanguage(asked)) headers.set("Vary", "Accept-Language, Cookie");
  if (request.headers.get("If-None-Match") === card.etag) return new Response(null, { status: 304, headers });
  headers.set("Content-Type", "image/png");
  try {
    return new Response(new Uint8Array(await card.png()), { headers });
  } catch (error) {
    // Too many cards being drawn at once: come back shortly rather than queue forever.
    if (error instanceof BusyError) return new Response("Busy drawing share cards", { status: 503, headers: { "Retry-After": "5" } });
    throw error;
  }
}
