import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/features/accounts/auth.server";
import { Pagination } from "~/components/pagination";
import { RecommendationSurvey } from "~/features/scoring/recommendation-survey-view";
import { RelativeTime } from "~/components/relative-time";
import { markReadSchema } from "~/features/notifications/forms";
import { titleMeta } from "~/i18n/meta";
import { translateMessage } from "~/features/notifications/notifications";
import { listNotifications, markRead, unreadCount } from "~/features/notifications/notifications.server";
import { shouldAskRecommendation } from "~/features/scoring/recommendations.server";
import { privatePageHeaders } from "~/platform/private-page";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notifications.title");


// Personal: never kept by a shared cache.
export const headers = privatePageHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return { ...listNotifications(user.id, page), unread: unreadCount(user.id), askRecommendation: shouldAskRecommendation(user, request) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const parsed = markReadSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false }, { status: 400 });
  markRead(user.id, parsed.data.intent === "read-all" ? "all" : [parsed.data.id]);
  // Back to the page the member was on.
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return redirect(page > 1 ? `/notifications?page=${page}` : "/notifications");
}

export default function NotificationsPage() {
  const { items, page, pages, unread, askRecommendation } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const here = page > 1 ? `?page=${page}` : "";
  return (
    <section className="notifications">
      <div className="notifications-head">
        <h1>{t("notifications.title")}</h1>
        <a href="/notifications/settings">{t("notifications.settingsLink")}</a>
      </div>
      <p className="meta">
        {t("notifications.intro")} {unread > 0 && <strong>{t("notifications.unreadCount", { count: unread })}</strong>}
      </p>
      {askRecommendation && <RecommendationSurvey redirectTo={`/notifications${here}`} />}
      {unread > 0 && (
        <Form method="post" action={`/notifications${here}`}>
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit">{t("notifications.markAllRead")}</button>
        </Form>
      )}
      {items.length === 0 ? (
        <p className="empty">{t("notifications.empty")}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.read ? "notification card" : "notification card unread"}>
              <div>
                {!n.read && <span className="visually-hidden">{t("notifications.unread")}: </span>}
                <a href={`/notifications/${n.id}`}>{translateMessage(t, n.message)}</a>
                {n.message.note && <p className="notification-note">{n.message.note}</p>}
                <div className="meta">
                  <span>{t(`notifications.kinds.${n.kind}`)}</span>
                  <RelativeTime date={n.createdAt} />
                </div>
              </div>
              {!n.read && (
                <Form method="post" action={`/notifications${here}`}>
                  <input type="hidden" name="intent" value="read" />
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="link">
                    {t("notifications.markRead")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} />
    </section>
  );
}
