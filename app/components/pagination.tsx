import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// Previous/next links that keep every other query parameter (sort, filters, q) but those
// named in `drop`; `anchor` is where on the new page to land.
export function Pagination({ page, pages, drop = [], anchor }: { page: number; pages: number; drop?: string[]; anchor?: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    for (const name of drop) params.delete(name);
    params.set("page", String(target));
    return `${location.pathname}?${params}${anchor ? `#${anchor}` : ""}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.pagination.label")}>
      {page > 1 ? <a href={hrefFor(page - 1)} rel="prev">{t("common.pagination.previous")}</a> : <span />}
      <span>{t("common.pagination.page", { page, pages })}</span>
      {page < pages ? <a href={hrefFor(page + 1)} rel="next">{t("common.pagination.next")}</a> : <span />}
    </nav>
  );
}
