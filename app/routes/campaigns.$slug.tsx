// /campaigns/:slug: a campaign's banner, where it stands in time, its entries by votes and,
// once it has ended, the team's picks. A 404 for campaigns on boards the viewer cannot see.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { z } from "zod";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { campaignPicksOf, findCampaign } from "~/features/campaigns/campaigns.server";
import { CampaignDates, CampaignTiming } from "~/features/campaigns/campaign-banner";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { SuggestionList } from "~/features/suggestions/suggestion-list";
import { VoteButton } from "~/features/votes/vote-button";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { isStaff } from "~/features/roles/permissions";
import { listSuggestions } from "~/features/suggestions/suggestions.server";
import { listVoting } from "~/features/votes/votes.server";

const pageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

export function loader({ params, request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const campaign = findCampaign(params.slug ?? "", viewer);
  if (!campaign) throw new Response("Not found", { status: 404 });
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
  const entries =
    campaign.tagId === null
      ? { items: [], total: 0, page: 1, pages: 1 }
      : listSuggestions({ boardId: campaign.boardId, tagId: campaign.tagId, sort: "top", page, viewer });
  const picks = campaign.phase === "finished" ? campaignPicksOf(campaign.id, viewer) : [];
  return {
    campaign,
    entries,
    picks,
    voting: listVoting(viewer, [...entries.items.map((s) => s.id), ...picks.map((p) => p.suggestionId)]),
    canManage: isStaff(viewer),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t, language) =>
    data ? (language === "zh" ? data.campaign.titleZh : data.campaign.titleEn) : t("common.errors.notFoundTitle"),
  );

export default function CampaignPage() {
  const { campaign, entries, picks, canManage, voting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const finished = campaign.phase === "finished";
  return (
    <>
      <section className={`campaign-banner campaign-${campaign.phase}`} aria-labelledby="campaign-title">
        <p className="campaign-label">
          {t(`campaigns.phase.${campaign.phase}`)}
          {campaign.phase !== "finished" && (
            <>
              {" · "}
              <CampaignTiming campaign={campaign} />
            </>
          )}
        </p>
        <h1 id="campaign-title">{localized(campaign.titleEn, campaign.titleZh)}</h1>
        {localized(campaign.bannerEn, campaign.bannerZh) && <p>{localized(campaign.bannerEn, campaign.bannerZh)}</p>}
        <p className="meta">
          <span>
            <Trans
              i18nKey="campaigns.page.onBoard"
              values={{ board: localized(campaign.boardNameEn, campaign.boardNameZh) }}
              components={[<a key="board" href={`/b/${campaign.boardSlug}`} />]}
            />
          </span>
          <CampaignDates startsAt={campaign.startsAt} endsAt={campaign.endsAt} />
          {canManage && <a href={`/staff/campaigns/${campaign.slug}`}>{t("campaigns.page.manage")}</a>}
        </p>
        {campaign.phase !== "finished" && <p>{t("campaigns.page.howItWorks")}</p>}
        {campaign.phase === "running" && (
          <p>
            <a className="button primary" href={`/s/new?board=${campaign.boardSlug}`}>
              {t("campaigns.banner.postIdea")}
            </a>
          </p>
        )}
      </section>

      {finished && (
        <section aria-labelledby="picks-heading">
          <h2 id="picks-heading">{t("campaigns.page.picks")}</h2>
          {picks.length === 0 ? (
            <p className="empty">{t("campaigns.page.noPicksYet")}</p>
          ) : (
            <>
              <p className="meta">{t("campaigns.page.picksIntro")}</p>
              <ul className="suggestion-list campaign-picks" data-testid="campaign-picks">
                {picks.map((p) => (
                  <li key={p.suggestionId} className="suggestion-item campaign-pick">
                    <VoteButton suggestion={{ id: p.suggestionId, title: p.title, status: p.status, voteCount: p.voteCount }} voting={voting} />
                    <div className="suggestion-body">
                      <span className="badge-best">★ {t("campaigns.page.picked")}</span>
                      <h3>
                        <a href={`/s/${p.suggestionId}`}>{p.title}</a>
                      </h3>
                      <div className="meta">
                        <StatusBadge status={p.status} />
                        <a href={`/u/${p.authorUsername}`}>{t("campaigns.page.pickedBy", { name: p.authorName })}</a>
                      </div>
                      {p.note && <p className="campaign-pick-note">{p.note}</p>}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("campaigns.page.entries")}</h2>
        <p className="meta">{t("campaigns.page.entryCount", { count: entries.total })}</p>
        {entries.items.length === 0 ? (
          <p className="empty">{finished ? t("campaigns.page.noEntriesEnded") : t("campaigns.page.noEntries")}</p>
        ) : (
          <SuggestionList items={entries.items} showBoard={false} voting={voting} />
        )}
        <Pagination page={entries.page} pages={entries.pages} />
      </section>
    </>
  );
}
