// One-click unsubscribe from an email link. No session needed: the signed token says who
// and which kind. GET only asks (mail scanners open links); POST, from the page's button or
// from the mail client per RFC 8058, turns that kind of email off.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta } from "~/i18n/meta";
import { readUnsubscribeToken, unsubscribe } from "~/features/notifications/notifications.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "notifications.unsubscribe.title");

export function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const target = readUnsubscribeToken(token);
  return data({ token, kind: target?.kind ?? null }, { status: target ? 200 : 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = new URL(request.url).searchParams.get("token") ?? form.get("token");
  const outcome = unsubscribe(typeof token === "string" ? token : null);
  return data({ done: outcome.ok, kind: outcome.ok ? outcome.kind : null }, { status: outcome.ok ? 200 : 400 });
}

export default function UnsubscribePage() {
  const { token, kind } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { t } = useTranslation();
  const shownKind = done?.kind ?? kind;
  const kindName = shownKind ? t(`notifications.kinds.${shownKind}`) : "";
  return (
    <section className="form-narrow card">
      <h1>{t("notifications.unsubscribe.title")}</h1>
      {done?.done ? (
        <p role="status">{t("notifications.unsubscribe.done", { kind: kindName })}</p>
      ) : kind && token && !done ? (
        <Form method="post" action={`/notifications/unsubscribe?token=${encodeURIComponent(token)}`}>
          <p>{t("notifications.unsubscribe.confirm", { kind: kindName })}</p>
          <button type="submit" className="primary">
            {t("notifications.unsubscribe.submit")}
          </button>
        </Form>
      ) : (
        <p role="alert">{t("notifications.unsubscribe.invalid")}</p>
      )}
    </section>
  );
}
