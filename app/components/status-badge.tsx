import { useTranslation } from "react-i18next";
import type { SuggestionStatus } from "#db/enums";

export function StatusBadge({ status }: { status: SuggestionStatus }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`common.status.${status}`)}</span>;
}
