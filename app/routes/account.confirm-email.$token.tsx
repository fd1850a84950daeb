import { redirect, type ActionFunctionArgs, type HeadersFunction, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmEmailChange } from "~/features/accounts/profile.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.email.confirmTitle");

// The token is in the address: it must not travel on in a Referer header.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

// Opening the link changes nothing (mail scanners open links); the button does. Holding
// the link proves the new mailbox is the member's; the request for it needed their password.
export function action({ params }: ActionFunctionArgs) {
  const outcome = confirmEmailChange(params.token ?? "");
  if (outcome.ok) return redirect("/account?done=emailConfirmed");
  return { reason: outcome.reason };
}

export default function ConfirmEmailPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="form-narrow card">
      <h1>{t("account.email.confirmTitle")}</h1>
      {actionData ? (
        <p role="alert">{t(`account.email.confirm_${actionData.reason}`)}</p>
      ) : (
        <Form method="post">
          <p>{t("account.email.confirmText")}</p>
          <button type="submit" className="primary">
            {t("account.email.confirmButton")}
          </button>
        </Form>
      )}
    </section>
  );
}
