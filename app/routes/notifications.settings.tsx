import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/features/accounts/auth.server";
import { notificationSettingsSchema } from "~/features/notifications/forms";
import { titleMeta } from "~/i18n/meta";
import { NOTIFICATION_KINDS, STAFF_KINDS } from "~/features/notifications/notifications";
import { isStaff } from "~/features/roles/permissions";
import { getNotificationPreferences, setNotificationPreferences } from "~/features/notifications/notifications.server";
import { privatePageHeaders } from "~/platform/private-page";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notifications.settings.title");


// Personal: never kept by a shared cache.
export const headers = privatePageHeaders;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return {
    preferences: getNotificationPreferences(user.id),
    // Staff alerts only concern staff: members never see the row.
    kinds: NOTIFICATION_KINDS.filter((kind) => isStaff(user) || !STAFF_KINDS.includes(kind)),
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: notificationSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  // The form always shows the whole grid: a box left unchecked is a switch turned off.
  setNotificationPreferences(
    user.id,
    Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [kind, { inApp: !!submission.value[kind]?.inApp, email: !!submission.value[kind]?.email }]),
    ),
  );
  return redirect("/notifications/settings?saved");
}

export default function NotificationSettingsPage() {
  const { preferences, kinds, saved } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  return (
    <section className="card notification-settings">
      <h1>{t("notifications.settings.title")}</h1>
      <p>{t("notifications.settings.intro")}</p>
      {saved && navigation.state === "idle" && (
        <p className="notice" role="status">
          {t("notifications.settings.saved")}
        </p>
      )}
      <Form method="post">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("notifications.settings.kind")}</th>
              <th scope="col">{t("notifications.settings.inApp")}</th>
              <th scope="col">{t("notifications.settings.email")}</th>
            </tr>
          </thead>
          <tbody>
            {kinds.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`notifications.kinds.${kind}`)}</th>
                {(["inApp", "email"] as const).map((channel) => (
                  <td key={channel}>
                    {/* The weekly digest is an email only. */}
                    {kind === "weekly_digest" && channel === "inApp" ? null : <input
                      type="checkbox"
                      name={`${kind}.${channel}`}
                      defaultChecked={preferences[kind][channel]}
                      aria-label={`${t(`notifications.kinds.${kind}`)}: ${t(`notifications.settings.${channel}`)}`}
                    />}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="primary">
          {t("notifications.settings.save")}
        </button>
      </Form>
      <p>
        <a href="/notifications">{t("notifications.settings.back")}</a>
      </p>
    </section>
  );
}
