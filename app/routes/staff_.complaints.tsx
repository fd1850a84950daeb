import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/features/accounts/auth.server";
import { complaintQueueStats, complaintResponseTargetMs, listComplaintQueue } from "~/features/complaints/complaints.server";
import { ComplaintStatusBadge } from "~/features/complaints/complaint-status";
import { QueueClock, useFormatDuration } from "~/features/lifecycle/response-times-view";
import { RelativeTime } from "~/components/relative-time";
import { titleMeta } from "~/i18n/meta";
import { STAFF_ROLES } from "~/features/roles/permissions";

const HOUR_MS = 3_600_000;

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "complaints.queue.title");

export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, STAFF_ROLES);
  const now = Date.now();
  const targetMs = complaintResponseTargetMs();
  return { targetMs, stats: complaintQueueStats(now, targetMs), queue: listComplaintQueue(now, targetMs) };
}

export default function ComplaintQueuePage() {
  const { targetMs, stats, queue } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  return (
    <section>
      <h1>{t("complaints.queue.title")}</h1>
      <p className="meta">
        <span>{t("complaints.queue.intro")}</span>
        <span>{t("complaints.queue.target", { hours: Math.round(targetMs / HOUR_MS) })}</span>
      </p>
      <div className="stats" data-testid="complaint-stats">
        <div>
          <strong>{stats.open}</strong>
          {t("complaints.queue.open")}
        </div>
        <div>
          <strong>{stats.acknowledged}</strong>
          {t("complaints.queue.acknowledged")}
        </div>
        <div>
          <strong className={stats.overTarget > 0 ? "clock-red" : undefined}>{stats.overTarget}</strong>
          {t("complaints.queue.overTarget")}
        </div>
        <div>
          <strong>{stats.medianResolutionMs === null ? t("complaints.queue.none") : formatDuration(stats.medianResolutionMs)}</strong>
          {t("complaints.queue.medianResolution")}
        </div>
        <div>
          <strong>{stats.resolvedThisWeek}</strong>
          {t("complaints.queue.resolvedThisWeek")}
        </div>
      </div>
      {queue.length === 0 ? (
        <p className="empty">{t("complaints.queue.empty")}</p>
      ) : (
        <ul className="suggestion-list staff-queue" data-testid="complaint-queue">
          {queue.map((c) => (
            <li key={c.id} className="suggestion-item">
              <QueueClock
                clock={c.clock}
                label={t("complaints.queue.waiting", { duration: formatDuration(c.ageMs) })}
                title={t(`complaints.queue.clock.${c.clock}`)}
              />
              <div>
                <h3>
                  <a href={`/complaints/${c.id}`}>{c.title}</a>
                </h3>
                <div className="meta">
                  <ComplaintStatusBadge status={c.status} />
                  <span>{t(`complaints.subjects.${c.subject}`)}</span>
                  <span>{t("complaints.queue.by", { name: c.filerName })}</span>
                  <RelativeTime date={c.createdAt} />
                  <span className="visually-hidden">{t(`complaints.queue.clock.${c.clock}`)}</span>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
