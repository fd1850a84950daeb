import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getProfile } from "~/accounts.server";
import { RelativeTime } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
import { titleMeta } from "~/i18n/meta";

export function loader({ params }: LoaderFunctionArgs) {
  const profile = getProfile((params.username ?? "").slice(0, 64));
  if (!profile) throw new Response("Not found", { status: 404 });
  return profile;
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => data?.user.displayName ?? t("common.errors.notFoundTitle"));

export default function ProfilePage() {
  const { user, stats, recentSuggestions } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="profile-head">
        <div className="avatar" aria-hidden="true">
          {user.displayName.slice(0, 1).toUpperCase()}
        </div>
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
      {user.bio && <p>{user.bio}</p>}
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
            <li key={s.id} className="suggestion-item">
              <div className="vote-pill">
                {s.voteCount}
                <small>{t("suggestions.item.voteUnit", { count: s.voteCount })}</small>
              </div>
              <div>
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
