import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getProfile } from "~/features/accounts/accounts.server";
import { getOptionalUser } from "~/features/accounts/auth.server";
import { RelativeTime } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
import { badgesOf } from "~/features/honors/honor-wall.server";
import { ProfileSummary } from "~/features/honors/profile-summary";
import { memberContribution } from "~/features/honors/honors.server";
import { progressToNextLevel, type HonorLevel } from "~/features/honors/rules/levels";
import { titleMeta } from "~/i18n/meta";
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
  return (
    <>
      <ProfileSummary user={user} bioHtml={bioHtml} stats={stats} badges={badges} contribution={contribution} progress={progress} />
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
