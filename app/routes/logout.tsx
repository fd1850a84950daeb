import { redirect, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { titleMeta } from "~/i18n/meta";
import { blankSessionCookie, invalidateSession, readSessionToken } from "~/features/accounts/sessions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.logout.title");

export async function action({ request }: ActionFunctionArgs) {
  const token = readSessionToken(request);
  if (token) invalidateSession(token);
  return redirect("/", { headers: { "Set-Cookie": blankSessionCookie() } });
}

// Logging out changes state, so a plain GET only asks for confirmation.
export default function LogoutPage() {
  const { t } = useTranslation();
  return (
    <section className="form-narrow card">
      <h1>{t("auth.logout.title")}</h1>
      <p>{t("auth.logout.confirm")}</p>
      <Form method="post">
        <button type="submit" className="primary">
          {t("auth.logout.submit")}
        </button>
      </Form>
    </section>
  );
}
