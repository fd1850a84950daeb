import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { changelogFeed } from "~/features/lifecycle/changelog-feed";
import { env } from "~/platform/env.server";
import { translator } from "~/i18n/i18n";
import { resolveLanguage } from "~/platform/locale.server";
import { canSeeEarlyAccess } from "~/features/honors/rules/privileges";
import { listReleases } from "~/features/lifecycle/releases.server";

// Feed readers rarely send cookies or languages, so most get English.
export function loader({ request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const t = translator(resolveLanguage(request, viewer));
  const xml = changelogFeed({
    appUrl: env().APP_URL,
    releases: listReleases({ limit: 20, viewer }),
    labels: {
      title: t("releases.feed.title"),
      subtitle: t("releases.feed.subtitle"),
      credits: t("releases.changelog.credits"),
      rating: (average, count) => t("releases.changelog.rating", { average, count }),
      notRated: t("releases.changelog.notRated"),
      bestRated: t("releases.changelog.bestRated"),
    },
    now: new Date(),
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      // What the feed lists depends on who asks: one with early-access releases is theirs alone.
      "Cache-Control": canSeeEarlyAccess(viewer) ? "private, no-store" : "public, max-age=300",
      Vary: "Accept-Language, Cookie",
    },
  });
}
