import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { requireRole } from "~/features/accounts/auth.server";
import { RelativeTime } from "~/components/relative-time";
import { flaggedSuggestions } from "~/features/suggestions/flags.server";
import { titleMeta } from "~/i18n/meta";
import { pendingMergeProposals } from "~/features/lifecycle/merge-proposals.server";
import { STAFF_ROLES } from "~/features/roles/permissions";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "privileges.moderation.title");

// What members' privileges put in front of staff: flagged (or hidden) suggestions and merge
// proposals. Each is decided on the suggestion's own page.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, STAFF_ROLES);
  return { flagged: flaggedSuggestions(), proposals: pendingMergeProposals() };
}

export default function ModerationPage() {
  const { flagged, proposals } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("privileges.moderation.title")}</h1>
      <p>
        {t("privileges.moderation.intro")} <a href="/staff">{t("staff.settings.back")}</a>
      </p>
      <section aria-labelledby="flagged-heading">
        <h2 id="flagged-heading">{t("privileges.moderation.flagged")}</h2>
        {flagged.length === 0 ? (
          <p className="empty">{t("privileges.moderation.noFlagged")}</p>
        ) : (
          <ul>
            {flagged.map((s) => (
              <li key={s.id}>
                <a href={`/s/${s.id}`}>{s.title}</a>{" "}
                <span className="meta">
                  {s.hiddenAt ? t("privileges.flags.hiddenHeading") : null} {t("privileges.moderation.flags", { count: s.flags })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t("privileges.merge.pendingHeading")}</h2>
        {proposals.length === 0 ? (
          <p className="empty">{t("privileges.moderation.noProposals")}</p>
        ) : (
          <ul>
            {proposals.map((p) => (
              <li key={p.id}>
                <Trans
                  i18nKey="privileges.merge.proposal"
                  values={{ name: p.proposer.displayName, sourceId: p.source.id, source: p.source.title, targetId: p.target.id, target: p.target.title }}
                  components={[
                    <a key="proposer" href={`/u/${p.proposer.username}`} />,
                    <a key="source" href={`/s/${p.source.id}#member-tools-heading`} />,
                    <a key="target" href={`/s/${p.target.id}`} />,
                  ]}
                />{" "}
                · <RelativeTime date={p.createdAt} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
