import { useTranslation } from "react-i18next";
import type { BadgeTier } from "~/features/honors/rules/badges";
import { TrendChart } from "~/components/charts";
import { BadgeChip } from "~/features/honors/honors-view";
import { StatusBadge } from "~/components/status-badge";
import type { memberLoyaltyHistory } from "~/features/leads/members.server";
import { useLocalized } from "~/i18n/use-localized";
import type { SuggestionStatus } from "#db/enums";

type Props = {
  history: ReturnType<typeof memberLoyaltyHistory>;
  suggestions: { id: number; title: string; status: SuggestionStatus }[];
  badges: { badgeId: string; suggestionId: number; tier: BadgeTier; name: { en: string; zh: string }; description: { en: string; zh: string } }[];
};

const signed = (x: number) => `${x > 0 ? "+" : ""}${x.toFixed(2)}`;

// A member's page beyond their score: their loyalty over the stored weeks (beyond the score's
// 12), what moved it last week, and what they posted and earned.
export function LeadsMemberDetail({ history, suggestions, badges }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { weeks, changes } = history;
  return (
    <div className="leads">
      <section className="card leads-section" aria-labelledby="loyalty-weeks-heading">
        <h2 id="loyalty-weeks-heading">{t("leads.memberDetail.loyaltyWeeks", { count: weeks.length })}</h2>
        {weeks.length === 0 ? (
          <p className="empty">{t("leads.memberDetail.noWeeks")}</p>
        ) : (
          <TrendChart
            title={t("leads.memberDetail.chartTitle")}
            description={t("leads.memberDetail.chartDescription", { weeks: weeks.length, loyalty: weeks.at(-1)!.loyalty.toFixed(1) })}
            labels={weeks.map((w) => w.weekStart)}
            series={[
              { label: t("scoring.dimensions.loyalty"), values: weeks.map((w) => w.loyalty), className: "series-loyalty" },
              { label: t("leads.memberList.columns.percentile"), values: weeks.map((w) => w.percentile), className: "series-total" },
            ]}
          />
        )}
        <h3>{t("leads.memberDetail.whatChanged")}</h3>
        {history.since === null ? (
          <p className="empty">{t("leads.memberDetail.oneWeek")}</p>
        ) : changes.length === 0 ? (
          <p className="empty">{t("leads.memberDetail.noChange", { week: history.since })}</p>
        ) : (
          <ul data-testid="loyalty-changes">
            {changes.map((c) => (
              <li key={c.part}>
                {t(`leads.memberList.columns.${c.part}`)}: <strong>{signed(c.change)}</strong> {t("leads.memberDetail.points")}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card leads-section" aria-labelledby="member-suggestions-heading">
        <h2 id="member-suggestions-heading">{t("leads.memberDetail.suggestions")}</h2>
        {suggestions.length === 0 ? (
          <p className="empty">{t("leads.memberDetail.noSuggestions")}</p>
        ) : (
          <ul>
            {suggestions.map((s) => (
              <li key={s.id}>
                <a href={`/s/${s.id}`}>{s.title}</a> <StatusBadge status={s.status} />
              </li>
            ))}
          </ul>
        )}
        <h2>{t("leads.memberDetail.honors")}</h2>
        {badges.length === 0 ? (
          <p className="empty">{t("leads.memberDetail.noHonors")}</p>
        ) : (
          <ul className="badge-list">
            {badges.map((b) => (
              <li key={`${b.badgeId}:${b.suggestionId}`}>
                <BadgeChip tier={b.tier} name={b.name} title={localized(b.description.en, b.description.zh)} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
