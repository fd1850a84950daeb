import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SUGGESTION_STATUSES } from "#db/enums";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { findBoardBySlug, listTags } from "~/features/boards/boards.server";
import { runningCampaigns } from "~/features/campaigns/campaigns.server";
import { CampaignBanners } from "~/features/campaigns/campaign-banner";
import { Pagination } from "~/components/pagination";
import { StatusFilter, TagFilter } from "~/features/suggestions/suggestion-filters";
import { SuggestionList } from "~/features/suggestions/suggestion-list";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { SORTS } from "~/features/suggestions/suggestion-sorts";
import { listSuggestions } from "~/features/suggestions/suggestions.server";
import { listVoting } from "~/features/votes/votes.server";

// Filters come from the address bar: anything unrecognised falls back to the default
// instead of failing, so a hand-edited URL still shows a useful page.
const querySchema = z.object({
  sort: z.enum(SORTS).catch("hot"),
  status: z.enum(SUGGESTION_STATUSES).optional().catch(undefined),
  tag: z.string().max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ params, request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const board = findBoardBySlug(params.board ?? "", viewer);
  if (!board) throw new Response("Board not found", { status: 404 });
  const url = new URL(request.url);
  const query = querySchema.parse(Object.fromEntries(url.searchParams));
  const tags = listTags(viewer, { boardId: board.id });
  const tag = query.tag ? tags.find((t) => t.slug === query.tag) : undefined;
  // An unknown tag matches nothing rather than silently showing everything.
  const tagId = query.tag ? (tag?.id ?? -1) : undefined;
  const list = listSuggestions({ boardId: board.id, sort: query.sort, status: query.status, tagId, page: query.page, viewer });
  return {
    board,
    tags,
    query: { sort: query.sort, status: query.status ?? "", tag: query.tag ?? "" },
    campaigns: runningCampaigns({ viewer, boardId: board.id }),
    voting: listVoting(viewer, list.items.map((s) => s.id)),
    ...list,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t, language) =>
    data ? (language === "zh" ? data.board.nameZh : data.board.nameEn) : t("common.errors.notFoundTitle"),
  );

export default function BoardPage() {
  const { board, tags, query, items, page, pages, total, campaigns, voting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  const sortHref = (sort: string) => {
    const params = new URLSearchParams();
    params.set("sort", sort);
    if (query.status) params.set("status", query.status);
    if (query.tag) params.set("tag", query.tag);
    return `/b/${board.slug}?${params}`;
  };
  const filtered = query.status !== "" || query.tag !== "";
  return (
    <>
      <h1>{localized(board.nameEn, board.nameZh)}</h1>
      <p>{localized(board.descriptionEn, board.descriptionZh)}</p>
      <CampaignBanners campaigns={campaigns} />
      <nav aria-label={t("suggestions.board.sort")}>
        <ul className="sort-tabs">
          {SORTS.map((sort) => (
            <li key={sort}>
              <a href={sortHref(sort)} aria-current={query.sort === sort ? "page" : undefined}>
                {t(`suggestions.board.sorts.${sort}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Form method="get" className="filters">
        <input type="hidden" name="sort" value={query.sort} />
        <StatusFilter id="filter-status" label={t("suggestions.board.status")} allLabel={t("suggestions.board.allStatuses")} value={query.status} />
        <TagFilter id="filter-tag" label={t("suggestions.board.tag")} allLabel={t("suggestions.board.allTags")} value={query.tag} tags={tags} />
        <button type="submit">{t("suggestions.board.apply")}</button>
      </Form>
      {total === 0 ? (
        <div className="empty">
          <p>{t("suggestions.board.empty")}</p>
          {filtered && <a href={`/b/${board.slug}`}>{t("suggestions.board.clearFilters")}</a>}
        </div>
      ) : (
        <SuggestionList items={items} showBoard={false} voting={voting} />
      )}
      <Pagination page={page} pages={pages} />
    </>
  );
}
