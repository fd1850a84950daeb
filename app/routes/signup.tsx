import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createUser, EmailTakenError, UsernameTakenError } from "~/accounts.server";
import { getOptionalUser, safeRedirect } from "~/auth.server";
import { Field } from "~/components/field";
import { signupSchema } from "~/forms/auth";
import { titleMeta } from "~/i18n/meta";
import { resolveLanguage } from "~/locale.server";
import { createSession, sessionCookie } from "~/sessions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.signup.title");

export function loader({ request }: LoaderFunctionArgs) {
  if (getOptionalUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { username, email, password, displayName, redirectTo } = submission.value;
  try {
    const user = await createUser({ username, email, password, displayName, locale: resolveLanguage(request, null) });
    const session = createSession(user.id);
    return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
  } catch (error) {
    if (error instanceof UsernameTakenError) {
      return data({ result: submission.reply({ fieldErrors: { username: ["forms.usernameTaken"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ fieldErrors: { email: ["forms.emailTaken"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    throw error;
  }
}

export default function SignupPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  return (
    <section className="form-narrow card">
      <h1>{t("auth.signup.title")}</h1>
      <p>{t("auth.signup.intro")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field field={fields.username} label={t("auth.signup.username")} hint={t("auth.signup.usernameHint")}>
          <input {...getInputProps(fields.username, { type: "text", ariaDescribedBy: fields.username.descriptionId })} autoComplete="username" />
        </Field>
        <Field field={fields.displayName} label={t("auth.signup.displayName")}>
          <input {...getInputProps(fields.displayName, { type: "text" })} autoComplete="nickname" />
        </Field>
        <Field field={fields.email} label={t("auth.signup.email")} hint={t("auth.signup.emailHint")}>
          <input {...getInputProps(fields.email, { type: "email", ariaDescribedBy: fields.email.descriptionId })} autoComplete="email" />
        </Field>
        <Field field={fields.password} label={t("auth.signup.password")} hint={t("auth.signup.passwordHint")}>
          <input {...getInputProps(fields.password, { type: "password", ariaDescribedBy: fields.password.descriptionId })} autoComplete="new-password" />
        </Field>
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="signup-website">{t("auth.signup.website")}</label>
          <input id="signup-website" type="text" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className="primary">
          {t("auth.signup.submit")}
        </button>
      </Form>
      <p>
        {t("auth.signup.haveAccount")} <a href="/login">{t("auth.signup.logInLink")}</a>
      </p>
    </section>
  );
}
