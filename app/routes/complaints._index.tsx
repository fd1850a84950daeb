import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/features/accounts/auth.server";
import { listMemberComplaints } from "~/features/complaints/complaints.server";
import { ComplaintStatusBadge } from "~/features/complaints/complaint-status";
import { RelativeTime } from "~/components/relative-time";
import { titleMeta } from "~/i18n/meta";
import { isStaff } from "~/features/roles/permissions";
import { privatePageHeaders } from "~/platform/private-page";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "complaints.list.title");


// Personal: never kept by a shared cache.
export const headers = privatePageHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { complaints: listMemberComplaints(user.id), isStaff: isStaff(user) };
}

export default function MyComplaintsPage() {
  const { complaints, isStaff } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t("complaints.list.title")}</h1>
      <p>{t("complaints.list.intro")}</p>
      <p className="meta">
        <a className="button primary" href="/complaints/new">
          {t("complaints.list.fileNew")}
        </a>
        {isStaff && <a href="/staff/complaints">{t("complaints.list.staffQueue")}</a>}
      </p>
      {complaints.length === 0 ? (
        <p className="empty">{t("complaints.list.empty")}</p>
      ) : (
        <ul className="suggestion-list">
          {complaints.map((c) => (
            <li key={c.id} className="suggestion-item">
              <div>
                <h3>
                  <a href={`/complaints/${c.id}`}>{c.title}</a>
                </h3>
                <div className="meta">
                  <ComplaintStatusBadge status={c.status} />
                  <span>{t(`complaints.subjects.${c.subject}`)}</span>
                  <span>
                    {t("complaints.list.filed")} <RelativeTime date={c.createdAt} />
                  </span>
                  {c.status === "resolved" &&
                    (c.resolutionRating === null ? (
                      <a href={`/complaints/${c.id}#resolution`}>{t("complaints.list.toRate")}</a>
                    ) : (
                      <span>{t("complaints.list.rated", { rating: c.resolutionRating })}</span>
                    ))}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
