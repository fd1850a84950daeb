import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { BadgeChip, LevelTag } from "~/features/honors/honors-view";
import { ReleaseDate } from "~/features/lifecycle/release-date";
import { badgeHolderCounts, hallOfFame, topContributorsAllTime, topContributorsThisMonth, type Contributor } from "~/features/honors/honor-wall.server";
import { BADGES } from "~/features/honors/rules/badges";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "honorWall.title");

export function loader({ request }: LoaderFunctionArgs) {
  return {
    thisMonth: topContributorsThisMonth(),
    allTime: topContributorsAllTime(),
    badges: badgeHolderCounts(),
    hallOfFame: hallOfFame(getOptionalUser(request)),
  };
}

export default function HonorWall() {
  const { thisMonth, allTime, badges, hallOfFame } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <h1>{t("honorWall.title")}</h1>
      <p>
        {t("honorWall.intro")} <a href="/honors/levels">{t("honorWall.levelsLink")}</a>
      </p>
      <div className="layout-2col honor-rankings">
        <Ranking id="this-month" title={t("honorWall.thisMonth")} contributors={thisMonth} />
        <Ranking id="all-time" title={t("honorWall.allTime")} contributors={allTime} />
      </div>

      <section aria-labelledby="badges-heading">
        <h2 id="badges-heading">{t("honorWall.badges")}</h2>
        <ul className="badge-wall">
          {badges.map(({ badgeId, holders }) => {
            const badge = BADGES[badgeId];
            return (
              <li key={badgeId} className="card" data-badge={badgeId}>
                <BadgeChip tier={badge.tier} name={badge.name} />
                <p className="meta">{localized(badge.description.en, badge.description.zh)}</p>
                <p className="meta">
                  {t(`badges.tiers.${badge.tier}`)} · <span data-testid="badge-holders">{t("honorWall.holders", { count: holders })}</span>
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="hall-of-fame-heading">
        <h2 id="hall-of-fame-heading">{t("honorWall.hallOfFame")}</h2>
        <p>{t("honorWall.hallOfFameIntro")}</p>
        {hallOfFame.length === 0 ? (
          <p className="empty">{t("honorWall.noShipped")}</p>
        ) : (
          <ul className="changelog-features hall-of-fame">
            {hallOfFame.map((s) => (
              <li key={s.id}>
                <a href={`/s/${s.id}`}>{s.title}</a>
                <div className="meta">
                  <a href={`/b/${s.boardSlug}`}>{localized(s.boardNameEn, s.boardNameZh)}</a>
                  {s.shippedAt && (
                    <span>
                      {t("honorWall.shipped")} <ReleaseDate date={s.shippedAt} />
                    </span>
                  )}
                  <span>
                    {t("honorWall.credits")}{" "}
                    {s.credits.map((c, i) => (
                      <span key={c.username}>
                        {i > 0 && ", "}
                        <a href={`/u/${c.username}`}>{c.displayName}</a>
                        {c.role === "co_author" && ` (${t("honorWall.coAuthor")})`}
                      </span>
                    ))}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Ranking({ id, title, contributors }: { id: string; title: string; contributors: Contributor[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="card" data-testid={`ranking-${id}`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {contributors.length === 0 ? (
        <p className="empty">{t("honorWall.noContributors")}</p>
      ) : (
        <ol className="ranking">
          {contributors.map((c) => (
            <li key={c.username}>
              <a href={`/u/${c.username}`}>{c.displayName}</a> <LevelTag level={c.honorLevel} />{" "}
              <span className="meta">{t("honorWall.points", { count: c.points })}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
