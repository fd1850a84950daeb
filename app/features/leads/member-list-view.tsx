import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import {
  LOYALTY_BAND_NAMES,
  MEMBER_COLUMNS,
  memberQueryString,
  SORTABLE_COLUMNS,
  type MemberColumn,
  type MemberQuery,
} from "~/features/leads/member-list";
import type { MemberList, MemberRow } from "~/features/leads/members.server";
import { MEMBER_STATUSES } from "~/features/scoring/member-facts";
import { useLocalized } from "~/i18n/use-localized";
import { contentKey, SharedFragment } from "~/platform/shared-fragments";

const one = (x: number) => x.toFixed(1);

// A plain function rather than a component: a page of 100 members has over a thousand cells,
// and hooks in each (translation, language) were most of the table's render.
function cell(column: MemberColumn, row: MemberRow, t: TFunction, localized: ReturnType<typeof useLocalized>) {
  switch (column) {
    case "name":
      return (
        <a href={`/leads/members/${encodeURIComponent(row.username)}`} data-testid="member-link">
          {row.displayName}
        </a>
      );
    case "boards":
      return <>{row.boards.map((b) => localized(b.nameEn, b.nameZh)).join(", ")}</>;
    case "joinedAt":
      return <>{new Date(row.joinedAt).toISOString().slice(0, 10)}</>;
    case "lastActive":
      return <>{row.lastActive ?? "—"}</>;
    case "status":
      return <span className={`member-status member-status-${row.status}`}>{t(`leads.memberList.status.${row.status}`)}</span>;
    case "cohort":
      return <>{row.cohort}</>;
    case "percentile":
    case "honorLevel":
    case "inviteesStayed":
      return <>{row[column]}</>;
    default:
      return <>{one(row[column])}</>;
  }
}

// A row is the same for every lead reading it in a language: the server reuses its markup
// (app/platform/shared-fragments.tsx) while the row's figures stay the same.
export function MemberTableRow({ row }: { row: MemberRow }) {
  return (
    <SharedFragment as="tr" attributes={{ "data-testid": "member-row" }} cacheKey={`member-row\u0000${contentKey(row)}`}>
      <MemberCells row={row} />
    </SharedFragment>
  );
}

function MemberCells({ row }: { row: MemberRow }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      {MEMBER_COLUMNS.map((c) => (
        <td key={c} data-column={c}>
          {cell(c, row, t, localized)}
        </td>
      ))}
    </>
  );
}

function SortHeader({ column, query }: { column: MemberColumn; query: MemberQuery }) {
  const { t } = useTranslation();
  const label = t(`leads.memberList.columns.${column}`);
  if (!(SORTABLE_COLUMNS as readonly string[]).includes(column)) return <th scope="col">{label}</th>;
  const active = (query.sort ?? "loyalty") === column;
  const defaultDir = column === "name" || column === "cohort" ? "asc" : "desc";
  const dir = query.dir ?? (query.sort ? defaultDir : "desc");
  const next = active ? (dir === "desc" ? "asc" : "desc") : defaultDir;
  return (
    <th scope="col" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <a href={`/leads/members${memberQueryString(query, { sort: column, dir: next, page: undefined })}`} data-testid={`sort-${column}`}>
        {label}
        {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
      </a>
    </th>
  );
}

export function LeadsMemberList({ list }: { list: MemberList }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { query } = list;
  return (
    <div className="leads leads-members">
      <h1>{t("leads.memberList.title")}</h1>
      <p className="meta">
        {list.week ? <span>{t("leads.memberList.week", { week: list.week })}</span> : <span>{t("leads.memberList.noWeek")}</span>}
        <a href="/leads">{t("leads.backToCommunity")}</a>
      </p>
      <p className="meta">{t("leads.memberList.cohortDefinition")}</p>

      <Form method="get" className="card member-filters" aria-label={t("leads.memberList.filters")}>
        <label>
          {t("leads.memberList.search")}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={64} />
        </label>
        <label>
          {t("leads.memberList.columns.cohort")}
          <select name="cohort" defaultValue={query.cohort ?? ""} data-testid="filter-cohort">
            <option value="">{t("leads.memberList.any")}</option>
            {list.filterOptions.cohorts.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("leads.memberList.columns.honorLevel")}
          <select name="level" defaultValue={query.level ?? ""}>
            <option value="">{t("leads.memberList.any")}</option>
            {[0, 1, 2, 3, 4].map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("leads.memberList.board")}
          <select name="board" defaultValue={query.board ?? ""}>
            <option value="">{t("leads.memberList.any")}</option>
            {list.filterOptions.boards.map((b) => (
              <option key={b.slug} value={b.slug}>
                {localized(b.nameEn, b.nameZh)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("leads.memberList.band")}
          <select name="band" defaultValue={query.band ?? ""}>
            <option value="">{t("leads.memberList.any")}</option>
            {LOYALTY_BAND_NAMES.map((b) => (
              <option key={b} value={b}>
                {t(`leads.memberList.bands.${b}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("leads.memberList.columns.status")}
          <select name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("leads.memberList.any")}</option>
            {MEMBER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`leads.memberList.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {query.honors && <input type="hidden" name="honors" value="1" />}
        {query.invited && <input type="hidden" name="invited" value="1" />}
        {query.ratedLow && <input type="hidden" name="ratedLow" value="1" />}
        {query.sort && <input type="hidden" name="sort" value={query.sort} />}
        {query.dir && <input type="hidden" name="dir" value={query.dir} />}
        <button type="submit" data-testid="apply-filters">
          {t("leads.memberList.apply")}
        </button>
        <a href="/leads/members">{t("leads.memberList.clear")}</a>
      </Form>

      {(query.honors || query.invited || query.ratedLow) && (
        <p className="meta" data-testid="drill-down">
          {query.honors && <span>{t("leads.memberList.drill.honors")}</span>}
          {query.invited && <span>{t("leads.memberList.drill.invited")}</span>}
          {query.ratedLow && <span>{t("leads.memberList.drill.ratedLow")}</span>}
        </p>
      )}

      <section className="card leads-section" aria-labelledby="members-heading">
        <div className="leads-section-head">
          <h2 id="members-heading">{t("leads.memberList.count", { count: list.total })}</h2>
          <a className="csv-link" href={`/leads/members.csv${memberQueryString(query, { page: undefined })}`} download data-testid="csv-members">
            {t("leads.memberList.downloadAll")}
          </a>
        </div>
        {list.rows.length === 0 ? (
          <p className="empty">{list.week ? t("leads.memberList.none") : t("leads.memberList.noWeek")}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table member-table" data-testid="member-table">
              <thead>
                <tr>
                  {MEMBER_COLUMNS.map((c) => (
                    <SortHeader key={c} column={c} query={query} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.rows.map((row) => (
                  <MemberTableRow key={row.username} row={row} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {list.pages > 1 && (
          <nav className="pagination" aria-label={t("leads.memberList.pages")}>
            {list.page > 1 && <a href={`/leads/members${memberQueryString(query, { page: list.page - 1 })}`}>{t("leads.memberList.previous")}</a>}
            <span>{t("leads.memberList.pageOf", { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages && (
              <a href={`/leads/members${memberQueryString(query, { page: list.page + 1 })}`} data-testid="next-page">
                {t("leads.memberList.next")}
              </a>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
