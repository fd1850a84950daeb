import { useTranslation } from "react-i18next";
import { SUGGESTION_STATUSES } from "#db/enums";
import { useLocalized } from "~/i18n/use-localized";

// The status and tag selects of the GET filter forms (board lists, the staff queue).
export function StatusFilter({ id, label, allLabel, value }: { id: string; label: string; allLabel: string; value: string }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="status" defaultValue={value}>
        <option value="">{allLabel}</option>
        {SUGGESTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`common.status.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TagFilter({
  id,
  label,
  allLabel,
  value,
  tags,
}: {
  id: string;
  label: string;
  allLabel: string;
  value: string;
  tags: { slug: string; nameEn: string; nameZh: string }[];
}) {
  const localized = useLocalized();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name="tag" defaultValue={value}>
        <option value="">{allLabel}</option>
        {tags.map((tag) => (
          <option key={tag.slug} value={tag.slug}>
            {localized(tag.nameEn, tag.nameZh)}
          </option>
        ))}
      </select>
    </div>
  );
}
