import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { listBoards } from "~/features/boards/boards.server";
import { runningCampaigns } from "~/features/campaigns/campaigns.server";
import { CampaignBanners } from "~/features/campaigns/campaign-banner";
import { SuggestionList } from "~/features/suggestions/suggestion-list";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { listSuggestions } from "~/features/suggestions/suggestions.server";
import { listVoting } from "~/features/votes/votes.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "suggestions.home.title");

export function loader({ request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const hot = listSuggestions({ sort: "hot", page: 1, pageSize: 15, viewer }).items;
  return {
    boards: listBoards(viewer),
    hot,
    voting: listVoting(viewer, hot.map((s) => s.id)),
    campaigns: runningCampaigns({ viewer }),
  };
}

export default function Home() {
  const { boards, hot, voting, campaigns } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <h1>{t("suggestions.home.title")}</h1>
      <p>{t("suggestions.home.intro")}</p>
      <CampaignBanners campaigns={campaigns} />
      <div className="layout-2col">
        <section aria-labelledby="hot-heading">
          <h2 id="hot-heading">{t("suggestions.home.hot")}</h2>
          {hot.length ? <SuggestionList items={hot} voting={voting} /> : <p className="empty">{t("suggestions.home.empty")}</p>}
        </section>
        <aside aria-labelledby="boards-heading">
          <h2 id="boards-heading">{t("suggestions.home.boards")}</h2>
          <ul className="board-cards">
            {boards.map((b) => (
              <li key={b.id} className="card">
                <a href={`/b/${b.slug}`}>
                  <h3>{localized(b.nameEn, b.nameZh)}</h3>
                  <p>{localized(b.descriptionEn, b.descriptionZh)}</p>
                  <p>{t("suggestions.home.suggestionsInBoard", { count: b.suggestionCount })}</p>
                </a>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}
