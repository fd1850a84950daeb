import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { ReleaseDate } from "~/features/lifecycle/release-date";
import { ShareDetails } from "~/features/sharing/share-kit";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { resolveLanguage } from "~/platform/locale.server";
import { listReleases, shippedWithoutRelease } from "~/features/lifecycle/releases.server";
import { socialMetaTags } from "~/features/sharing/share-links";
import { changelogSharing, changelogSocialMeta } from "~/features/sharing/sharing.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => [
  ...titleMeta(matches, "releases.changelog.title"),
  ...(data ? socialMetaTags(data.social) : []),
];

export const links: LinksFunction = () => [
  { rel: "alternate", type: "application/atom+xml", href: "/changelog.atom", title: "Atom" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const releases = listReleases({ viewer });
  const shippedRecently = shippedWithoutRelease(viewer);
  return {
    releases,
    shippedRecently,
    shareKits: await changelogSharing([...releases, { name: null, features: shippedRecently }], viewer),
    social: changelogSocialMeta(releases, resolveLanguage(request, viewer)),
  };
}

type Feature = ReturnType<typeof useLoaderData<typeof loader>>["shippedRecently"][number] & { bestRated?: boolean };

export default function ChangelogPage() {
  const { releases, shippedRecently } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("releases.changelog.title")}</h1>
      <p>
        {t("releases.changelog.intro")} <a href="/roadmap">{t("releases.changelog.roadmapLink")}</a> ·{" "}
        <a href="/changelog.atom" type="application/atom+xml">
          {t("releases.changelog.feed")}
        </a>
      </p>
      {releases.length === 0 && shippedRecently.length === 0 && <p className="empty">{t("releases.changelog.empty")}</p>}
      {shippedRecently.length > 0 && (
        <section className="card release" aria-labelledby="shipped-recently">
          <h2 id="shipped-recently">{t("releases.changelog.shippedRecently")}</h2>
          <p className="meta">{t("releases.changelog.shippedRecentlyIntro")}</p>
          <FeatureList features={shippedRecently} />
        </section>
      )}
      {releases.map((release) => (
        <section key={release.id} id={`release-${release.id}`} className="card release" aria-labelledby={`release-${release.id}-name`}>
          <h2 id={`release-${release.id}-name`}>{release.name}</h2>
          <p className="meta">
            <span>
              <Trans i18nKey="releases.changelog.releasedOn" components={[<ReleaseDate key="date" date={release.releasedAt} />]} />
            </span>
          </p>
          {release.notesHtml && <div className="markdown" dangerouslySetInnerHTML={{ __html: release.notesHtml }} />}
          <h3>{t("releases.changelog.features")}</h3>
          {release.features.length ? (
            <FeatureList features={release.features} />
          ) : (
            <p className="meta">{t("releases.changelog.noFeatures")}</p>
          )}
        </section>
      ))}
    </>
  );
}

function FeatureList({ features }: { features: Feature[] }) {
  const { shareKits } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <ul className="changelog-features">
      {features.map((f) => (
        <li key={f.id} className={f.bestRated ? "best-rated" : undefined}>
          <div>
            {f.bestRated && (
              <span className="badge-best" title={t("releases.changelog.bestRatedHint")}>
                ★ {t("releases.changelog.bestRated")}
              </span>
            )}{" "}
            <a href={`/s/${f.id}`}>{f.title}</a>
          </div>
          <div className="meta">
            <a href={`/b/${f.boardSlug}`}>{localized(f.boardNameEn, f.boardNameZh)}</a>
            <span>
              {t("releases.changelog.credits")}{" "}
              {f.credits.map((c, i) => (
                <span key={c.username}>
                  {i > 0 && ", "}
                  <a href={`/u/${c.username}`}>{c.displayName}</a>
                  {c.role === "co_author" && ` (${t("releases.changelog.coAuthor")})`}
                </span>
              ))}
            </span>
            <span data-testid="feature-rating">
              {f.rating.average === null
                ? t("releases.changelog.notRated")
                : t("releases.changelog.rating", { average: f.rating.average.toFixed(1), count: f.rating.count })}
            </span>
          </div>
          <ShareDetails kit={shareKits[f.id]} />
        </li>
      ))}
    </ul>
  );
}
