// The top of a member's profile: who they are, their honor level and badges, their figures. It
// reads the same for everyone who sees the same figures in a language, so its markup is a
// shared fragment (docs/decisions/012-shared-fragments.md); the suggestions below it keep the
// reader's own vote buttons.
import { useTranslation } from "react-i18next";
import { Avatar } from "~/components/avatar";
import { RelativeTime, relativeTimeText } from "~/components/relative-time";
import { Trans } from "~/components/trans";
import { BadgeChip, LevelTag, NextLevelProgress } from "~/features/honors/honors-view";
import type { Contribution, Shortfall } from "~/features/honors/rules/levels";
import type { BadgeTier } from "~/features/honors/rules/badges";
import { useLocalized } from "~/i18n/use-localized";
import { SharedFragment } from "~/platform/shared-fragments";

type Summary = {
  user: { username: string; displayName: string; role: string; avatar: string | null; createdAt: Date | string; honorLevel: number; honorPoints: number };
  bioHtml: string;
  stats: { suggestionCount: number; votesReceived: number; commentCount: number };
  badges: { badgeId: string; suggestionId: number; grantedAt: Date | string; tier: BadgeTier; name: { en: string; zh: string }; description: { en: string; zh: string } }[];
  contribution: Contribution | null;
  progress: { level: number; missing: Shortfall[] } | null;
};

const CONTRIBUTIONS = ["shipped", "adopted", "votesReceived", "helpfulReplies", "ratingsGiven", "daysActive"] as const;

export function ProfileSummary(summary: Summary) {
  const { i18n } = useTranslation();
  // Everything it shows, its relative times' text included (they move with the clock).
  const times = [summary.user.createdAt, ...summary.badges.map((b) => b.grantedAt)].map((date) => relativeTimeText(date, i18n.language));
  return (
    <SharedFragment cacheKey={`profile-summary\u0000${JSON.stringify([summary, times])}`} attributes={{ className: "profile-summary" }}>
      <SummaryContent {...summary} />
    </SharedFragment>
  );
}

function SummaryContent({ user, bioHtml, stats, badges, contribution, progress }: Summary) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <>
      <div className="profile-head">
        <Avatar name={user.displayName} username={user.username} src={user.avatar ? `/uploads/${user.avatar}` : undefined} size={64} />
        <div>
          <h1>{user.displayName}</h1>
          <div className="meta">
            <span>@{user.username}</span>
            {user.role !== "member" && <span className="badge-staff">{t(`common.roles.${user.role}`)}</span>}
            <span>
              {t("profile.joined")} <RelativeTime date={user.createdAt} />
            </span>
          </div>
        </div>
      </div>
      {bioHtml && <div className="markdown profile-bio" data-testid="profile-bio" dangerouslySetInnerHTML={{ __html: bioHtml }} />}
      <section className="card honors-summary" aria-labelledby="honor-level-heading">
        <h2 id="honor-level-heading">{t("honorWall.profile.level")}</h2>
        <p data-testid="honor-level">
          <LevelTag level={user.honorLevel} /> · {t("honorWall.profile.pointsTotal", { count: user.honorPoints })} ·{" "}
          <a href="/honors/levels">{t("honorWall.levelsLink")}</a>
        </p>
        {user.role === "member" && <NextLevelProgress progress={progress} />}
        {contribution && (
          <ul className="contribution-stats">
            {CONTRIBUTIONS.map((source) => (
              <li key={source}>
                <Trans i18nKey={`honorWall.profile.${source}`} count={contribution[source]} components={[<strong key="count" />]} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="badges-heading">
        <h2 id="badges-heading">{t("honorWall.profile.badges")}</h2>
        {badges.length === 0 ? (
          <p className="empty">{t("honorWall.profile.noBadges")}</p>
        ) : (
          <ul className="badge-list" data-testid="profile-badges">
            {badges.map((b) => (
              <li key={`${b.badgeId}:${b.suggestionId}`} data-badge={b.badgeId}>
                <BadgeChip tier={b.tier} name={b.name} title={localized(b.description.en, b.description.zh)} />{" "}
                {b.suggestionId > 0 && <a href={`/s/${b.suggestionId}`}>{t("honorWall.profile.forSuggestion", { id: b.suggestionId })}</a>}{" "}
                <small>
                  <RelativeTime date={b.grantedAt} />
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="stats card">
        <div>
          <strong>{stats.suggestionCount}</strong>
          {t("profile.suggestions")}
        </div>
        <div>
          <strong>{stats.votesReceived}</strong>
          {t("profile.votesReceived")}
        </div>
        <div>
          <strong>{stats.commentCount}</strong>
          {t("profile.comments")}
        </div>
      </div>
    </>
  );
}
