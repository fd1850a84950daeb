import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, steadyValidation } from "~/components/field";
import { findPasswordResetLink, resetPassword } from "~/features/accounts/account-links.server";
import { resetPasswordSchema } from "~/features/accounts/forms";
import { titleMeta } from "~/i18n/meta";
import { createSession, sessionCookie } from "~/features/accounts/sessions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.reset.title");

// The token is in the address: it must not travel on to another site in a Referer header,
// and no cache may keep the page.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" });

export function loader({ params }: LoaderFunctionArgs) {
  const link = findPasswordResetLink(params.token ?? "");
  return data({ username: link?.username ?? null }, { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["password"] }), invalid: false }, { status: 400 });
  const outcome = await resetPassword(params.token ?? "", submission.value.password);
  if (!outcome.ok) return data({ result: submission.reply({ hideFields: ["password"] }), invalid: true }, { status: 400 });
  // Every session ended with the reset; this browser starts a new one.
  const session = createSession(outcome.userId);
  return redirect("/account?done=reset", { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
}

export default function ResetPasswordPage() {
  const { username } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
  });
  if (!username || actionData?.invalid) {
    return (
      <section className="form-narrow card">
        <h1>{t("auth.reset.title")}</h1>
        <p role="alert">{t("auth.reset.invalid")}</p>
        <p>
          <a className="button" href="/forgot-password">
            {t("auth.reset.askAgain")}
          </a>
        </p>
      </section>
    );
  }
  return (
    <section className="form-narrow card">
      <h1>{t("auth.reset.title")}</h1>
      <p>{t("auth.reset.intro", { username })}</p>
      <Form method="post" {...getFormProps(form)}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
        <Field field={fields.password} label={t("auth.reset.password")} hint={t("auth.signup.passwordHint")}>
          <input {...getInputProps(fields.password, { type: "password", ariaDescribedBy: fields.password.descriptionId })} autoComplete="new-password" />
        </Field>
        <button type="submit" className="primary">
          {t("auth.reset.submit")}
        </button>
      </Form>
    </section>
  );
}
