import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

// Previous/next links that keep every other query parameter (sort, filters, q).
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (pages <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label={t("common.pagination.label")}>
      {page > 1 ? <a href={hrefFor(page - 1)} rel="prev">{t("common.pagination.previous")}</a> : <span />}
      <span>{t("common.pagination.page", { page, pages })}</span>
      {page < pages ? <a href={hrefFor(page + 1)} rel="next">{t("common.pagination.next")}</a> : <span />}
    </nav>
  );
}
