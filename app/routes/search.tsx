import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Pagination } from "~/components/pagination";
import { StatusBadge } from "~/components/status-badge";
import { VoteButton } from "~/features/votes/vote-button";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { searchSuggestions } from "~/features/search/search.server";
import { listVoting } from "~/features/votes/votes.server";

const querySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export function loader({ request }: LoaderFunctionArgs) {
  const { q, page } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const viewer = getOptionalUser(request);
  if (!q) return { q, results: [], total: 0, page: 1, pages: 1, voting: listVoting(viewer, []) };
  const found = searchSuggestions({ query: q, page, viewer });
  return { q, ...found, voting: listVoting(viewer, found.results.map((r) => r.id)) };
}

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "search.title");

export default function SearchPage() {
  const { q, results, total, page, pages, voting } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <h1>{t("search.title")}</h1>
      <Form method="get" role="search" className="filters">
        <div className="field" style={{ flex: 1 }}>
          <label htmlFor="search-q">{t("search.label")}</label>
          <input id="search-q" type="search" name="q" defaultValue={q} maxLength={100} />
        </div>
        <button type="submit" className="primary">
          {t("search.submit")}
        </button>
      </Form>
      {!q ? (
        <p className="empty">{t("search.prompt")}</p>
      ) : total === 0 ? (
        <p className="empty">{t("search.none", { query: q })}</p>
      ) : (
        <>
          <p aria-live="polite">{t("search.results", { count: total, query: q })}</p>
          <ul className="suggestion-list search-results">
            {results.map((r) => (
              <li key={r.id} id={`suggestion-${r.id}`} className="suggestion-item">
                <VoteButton suggestion={r} voting={voting} />
                <div className="suggestion-body">
                  <h3>
                    <a href={`/s/${r.id}`}>{r.title}</a>
                  </h3>
                  <div className="meta">
                    <StatusBadge status={r.status} />
                    <a href={`/b/${r.boardSlug}`}>{localized(r.boardNameEn, r.boardNameZh)}</a>
                  </div>
                  <p>
                    {r.snippet.map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <Pagination page={page} pages={pages} />
        </>
      )}
    </>
  );
}
