import { useTranslation } from "react-i18next";
import type { ComplaintStatus } from "#db/enums";

export function ComplaintStatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return <span className={`status complaint-${status}`}>{t(`complaints.status.${status}`)}</span>;
}
