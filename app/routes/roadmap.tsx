import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { SuggestionList } from "~/features/suggestions/suggestion-list";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { roadmap } from "~/features/lifecycle/roadmap.server";
import { listVoting } from "~/features/votes/votes.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "releases.roadmap.title");

export function loader({ request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const boards = roadmap(viewer);
  const ids = boards.flatMap((b) => [...b.planned, ...b.inProgress].map((s) => s.id));
  return { boards, voting: listVoting(viewer, ids) };
}

export default function RoadmapPage() {
  const { boards, voting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <h1>{t("releases.roadmap.title")}</h1>
      <p>
        {t("releases.roadmap.intro")} <a href="/changelog">{t("releases.roadmap.changelogLink")}</a>
      </p>
      {boards.length === 0 ? (
        <p className="empty">{t("releases.roadmap.empty")}</p>
      ) : (
        boards.map(({ board, planned, inProgress }) => (
          <section key={board.slug} className="roadmap-board" aria-labelledby={`roadmap-${board.slug}`}>
            <h2 id={`roadmap-${board.slug}`}>
              <a href={`/b/${board.slug}`}>{localized(board.nameEn, board.nameZh)}</a>
            </h2>
            <div className="roadmap-columns">
              {[
                { key: "planned", label: t("releases.roadmap.planned"), items: planned },
                { key: "in-progress", label: t("releases.roadmap.inProgress"), items: inProgress },
              ].map((column) => (
                <section key={column.key} aria-label={`${localized(board.nameEn, board.nameZh)}: ${column.label}`}>
                  <h3>
                    {column.label} <small>({column.items.length})</small>
                  </h3>
                  {column.items.length ? (
                    <SuggestionList items={column.items} showBoard={false} voting={voting} />
                  ) : (
                    <p className="empty">{t("releases.roadmap.nothingInColumn")}</p>
                  )}
                </section>
              ))}
            </div>
          </section>
        ))
      )}
    </>
  );
}
