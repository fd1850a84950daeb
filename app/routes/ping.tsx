import { useTranslation } from "react-i18next";

// The benchmark's ceiling (scripts/bench.ts, docs/performance.md): a page served like every
// other, through the same server, root loader and layout, with no database work of its own
// (a visitor's root loader reads none). What a page costs beyond this is its data.
export default function Ping() {
  const { t } = useTranslation();
  return <p>{t("common.tagline")}</p>;
}
