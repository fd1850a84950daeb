import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { getProfile } from "~/features/accounts/accounts.server";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { BadgeChip, LevelTag, NextLevelProgress } from "~/features/honors/honors-view";
import { RelativeTime } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
import { badgesOf } from "~/features/honors/honor-wall.server";
import { memberContribution } from "~/features/honors/honors.server";
import { progressToNextLevel, type HonorLevel } from "~/features/honors/rules/levels";
import { titleMeta } from "~/i18n/meta";
import { useLocalized } from "~/i18n/use-localized";
import { Avatar } from "~/components/avatar";
import { VoteButton } from "~/features/votes/vote-button";
import { listVoting } from "~/features/votes/votes.server";
import { renderMarkdown } from "~/platform/markdown.server";

export function loader({ params, request }: LoaderFunctionArgs) {
  const viewer = getOptionalUser(request);
  const profile = getProfile((params.username ?? "").slice(0, 64), viewer);
  if (!profile) throw new Response("Not found", { status: 404 });
  const contribution = memberContribution(profile.user.id);
  return {
    ...profile,
    bioHtml: profile.user.bio ? renderMarkdown(profile.user.bio) : "",
    badges: badgesOf(profile.user.id),
    voting: listVoting(viewer, profile.recentSuggestions.map((s) => s.id)),
    contribution,
    progress: contribution && progressToNextLevel(contribution, profile.user.honorLevel as HonorLevel),
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => data?.user.displayName ?? t("common.errors.notFoundTitle"));

export default function ProfilePage() {
  const { user, bioHtml, stats, recentSuggestions, badges, contribution, progress, voting } = useLoaderData<typeof loader>();
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
            {(["shipped", "adopted", "votesReceived", "helpfulReplies", "ratingsGiven", "daysActive"] as const).map((source) => (
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
      <h2>{t("profile.recentSuggestions")}</h2>
      {recentSuggestions.length === 0 ? (
        <p className="empty">{t("profile.noSuggestions")}</p>
      ) : (
        <ul className="suggestion-list">
          {recentSuggestions.map((s) => (
            <li key={s.id} id={`suggestion-${s.id}`} className="suggestion-item">
              <VoteButton suggestion={s} voting={voting} />
              <div className="suggestion-body">
                <h3>
                  <a href={`/s/${s.id}`}>{s.title}</a>
                </h3>
                <div className="meta">
                  <StatusBadge status={s.status} />
                  <RelativeTime date={s.createdAt} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
