// Campaign pieces shared by the board page, the home page and the campaign page: the banner
// of a running campaign, where a campaign stands in time, and its dates.
import { useTranslation } from "react-i18next";
import { leadingUnits, type CampaignPhase, type TimeLeft } from "~/features/campaigns/campaign-rules";
import { useLocalized } from "~/i18n/use-localized";

export type CampaignBannerView = {
  slug: string;
  titleEn: string;
  titleZh: string;
  bannerEn: string;
  bannerZh: string;
  boardSlug: string;
  phase: CampaignPhase;
  timeLeft: TimeLeft | null;
  startsIn: TimeLeft | null;
};

export function CampaignBanners({ campaigns }: { campaigns: CampaignBannerView[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return campaigns.map((c) => (
    <aside key={c.slug} className="campaign-banner" aria-labelledby={`campaign-${c.slug}`} data-testid="campaign-banner">
      <p className="campaign-label">
        {t("campaigns.banner.label")} · <CampaignTiming campaign={c} />
      </p>
      <h2 id={`campaign-${c.slug}`}>
        <a href={`/campaigns/${c.slug}`}>{localized(c.titleEn, c.titleZh)}</a>
      </h2>
      {localized(c.bannerEn, c.bannerZh) && <p>{localized(c.bannerEn, c.bannerZh)}</p>}
      <p className="campaign-actions">
        <a className="button primary" href={`/s/new?board=${c.boardSlug}`}>
          {t("campaigns.banner.postIdea")}
        </a>
        <a className="button" href={`/campaigns/${c.slug}`}>
          {t("campaigns.banner.seeEntries")}
        </a>
      </p>
    </aside>
  ));
}

// "2 days, 5 hours left" or "Starts in 3 hours", as of the server's render; nothing once
// it has ended (the phase says so).
export function CampaignTiming({ campaign }: { campaign: Pick<CampaignBannerView, "phase" | "timeLeft" | "startsIn"> }) {
  const { t } = useTranslation();
  const spell = (time: TimeLeft) =>
    leadingUnits(time)
      .map(({ unit, count }) => t(`campaigns.duration.${unit}`, { count }))
      .join(t("campaigns.durationSeparator"));
  if (campaign.phase === "running" && campaign.timeLeft) return <span>{t("campaigns.timeLeft", { time: spell(campaign.timeLeft) })}</span>;
  if (campaign.phase === "upcoming" && campaign.startsIn) return <span>{t("campaigns.startsIn", { time: spell(campaign.startsIn) })}</span>;
  return null;
}

// In UTC, as staff entered them, so every reader and the server agree.
export function CampaignDates({ startsAt, endsAt }: { startsAt: Date | string; endsAt: Date | string }) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language === "zh" ? "zh-CN" : "en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const [start, end] = [new Date(startsAt), new Date(endsAt)];
  return (
    <span>
      {t("campaigns.dates", { start: format.format(start), end: format.format(end) })}
    </span>
  );
}
