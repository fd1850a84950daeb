import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { logIn } from "~/features/accounts/accounts.server";
import { getOptionalUser, safeRedirect } from "~/features/accounts/auth.server";
import { Field, FormError, steadyValidation } from "~/components/field";
import { loginSchema } from "~/features/accounts/forms";
import { titleMeta } from "~/i18n/meta";
import { createSession, invalidateSession, readSessionToken, sessionCookie } from "~/features/accounts/sessions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.login.title");

export function loader({ request }: LoaderFunctionArgs) {
  if (getOptionalUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), lockedMinutes: 0 }, { status: 400 });
  }
  const { username, password, redirectTo } = submission.value;
  const outcome = await logIn(username, password, context.clientAddress ?? "unknown");
  if (!outcome.ok) {
    const locked = outcome.reason === "locked";
    return data(
      {
        result: submission.reply({ formErrors: [locked ? "forms.loginLocked" : "forms.invalidLogin"], hideFields: ["password"] }),
        lockedMinutes: locked ? Math.ceil(outcome.retryAfterSeconds / 60) : 0,
      },
      { status: locked ? 429 : 400, headers: locked ? { "Retry-After": String(outcome.retryAfterSeconds) } : undefined },
    );
  }
  // A fresh session on every login, and the one the browser had before is ended, so a
  // session planted before login (fixation) is worthless.
  const previous = readSessionToken(request);
  if (previous) invalidateSession(previous);
  const session = createSession(outcome.userId);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "login",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
  });
  return (
    <section className="form-narrow card">
      <h1>{t("auth.login.title")}</h1>
      <p>{t("auth.login.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormError errors={form.errors} values={{ minutes: actionData?.lockedMinutes ?? 0 }} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field field={fields.username} label={t("auth.login.username")}>
          <input {...getInputProps(fields.username, { type: "text" })} autoComplete="username" />
        </Field>
        <Field field={fields.password} label={t("auth.login.password")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <button type="submit" className="primary">
          {t("auth.login.submit")}
        </button>
      </Form>
      <p>
        <a href="/forgot-password">{t("auth.login.forgotLink")}</a>
      </p>
      <p>
        {t("auth.login.noAccount")} <a href="/signup">{t("auth.login.signUpLink")}</a>
      </p>
    </section>
  );
}
