import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { passwordProblem } from "~/features/accounts/password-rules.server";
import { changePassword, checkPassword, emailOf } from "~/accounts.server";
import { mustVerifyEmail, sendVerificationEmail } from "~/features/accounts/email-verification.server";
import { requireUser } from "~/auth.server";
import { Field } from "~/components/field";
import { changePasswordSchema, deleteAccountSchema } from "~/forms/auth";
import { titleMeta } from "~/i18n/meta";
import { deleteAccount } from "~/privacy.server";
import { blankSessionCookie, createSession, invalidateAllSessions, invalidateOtherSessions, readSessionToken, sessionCookie } from "~/sessions.server";
import { privatePageHeaders } from "~/platform/private-page";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.title");


// Personal: never kept by a shared cache.
export const headers = privatePageHeaders;

const DONE_MESSAGES = {
  password: "account.passwordChanged",
  sessions: "account.sessionsEnded",
  "verification-sent": "account.verify.sent",
  verified: "account.verify.verified",
  "verification-failed": "account.verify.failed",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const done = new URL(request.url).searchParams.get("done");
  return {
    username: user.username,
    done: done && done in DONE_MESSAGES ? (done as keyof typeof DONE_MESSAGES) : null,
    // The address to confirm, while voting waits for it.
    unverifiedEmail: mustVerifyEmail(user.id) ? emailOf(user.id) : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const token = readSessionToken(request);

  if (intent === "password") {
    const submission = parseWithZod(formData, { schema: changePasswordSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply({ resetForm: false, hideFields: ["currentPassword", "newPassword"] }) }, { status: 400 });
    if (!(await checkPassword(user.id, submission.value.currentPassword))) {
      return data({ intent, result: submission.reply({ fieldErrors: { currentPassword: ["forms.invalidPassword"] }, hideFields: ["currentPassword", "newPassword"] }) }, { status: 400 });
    }
    const weak = passwordProblem(submission.value.newPassword, { username: user.username });
    if (weak) {
      return data({ intent, result: submission.reply({ fieldErrors: { newPassword: [weak] }, hideFields: ["currentPassword", "newPassword"] }) }, { status: 400 });
    }
    await changePassword(user.id, submission.value.newPassword);
    // A changed password gets a fresh session; the others end when the member asks.
    if (submission.value.endOtherSessions) invalidateAllSessions(user.id);
    else if (token) invalidateOtherSessions(user.id, token);
    const session = createSession(user.id);
    return redirect("/account?done=password", { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
  }

  if (intent === "resend-verification") {
    await sendVerificationEmail(user.id);
    return redirect("/account?done=verification-sent");
  }

  if (intent === "sessions") {
    if (token) invalidateOtherSessions(user.id, token);
    return redirect("/account?done=sessions");
  }

  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: deleteAccountSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
    if (!(await checkPassword(user.id, submission.value.password))) {
      return data({ intent, result: submission.reply({ fieldErrors: { password: ["forms.invalidPassword"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    deleteAccount(user.id);
    return redirect("/?accountDeleted=1", { headers: { "Set-Cookie": blankSessionCookie() } });
  }

  return data({ intent: null, result: null }, { status: 400 });
}

export default function AccountPage() {
  const { done, unverifiedEmail } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("account.title")}</h1>
      {done && (
        <p className="card" role="status">
          {t(DONE_MESSAGES[done])}
        </p>
      )}
      {unverifiedEmail && (
        <section className="card notice">
          <p>{t("account.verify.notice", { email: unverifiedEmail })}</p>
          <Form method="post">
            <button type="submit" name="intent" value="resend-verification">
              {t("account.verify.resend")}
            </button>
          </Form>
        </section>
      )}
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("account.exportTitle")}</h2>
        <p>{t("account.exportText")}</p>
        <a className="button" href="/account/export" download>
          {t("account.exportButton")}
        </a>
      </section>
      <PasswordForm />
      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("account.sessionsTitle")}</h2>
        <p>{t("account.sessionsText")}</p>
        <Form method="post">
          <button type="submit" name="intent" value="sessions">
            {t("account.sessionsButton")}
          </button>
        </Form>
      </section>
      <DeleteForm />
    </>
  );
}

function PasswordForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult: actionData?.intent === "password" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: changePasswordSchema }),
  });
  return (
    <section className="card" aria-labelledby="password-heading">
      <h2 id="password-heading">{t("account.passwordTitle")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="password" />
        <Field field={fields.currentPassword} label={t("account.currentPassword")}>
          <input {...getInputProps(fields.currentPassword, { type: "password" })} autoComplete="current-password" />
        </Field>
        <Field field={fields.newPassword} label={t("account.newPassword")} hint={t("auth.signup.passwordHint")}>
          <input {...getInputProps(fields.newPassword, { type: "password", ariaDescribedBy: fields.newPassword.descriptionId })} autoComplete="new-password" />
        </Field>
        <p className="field">
          <label className="checkbox">
            <input type="checkbox" name={fields.endOtherSessions.name} /> {t("account.endOtherSessions")}
          </label>
        </p>
        <button type="submit" className="primary">
          {t("account.passwordButton")}
        </button>
      </Form>
    </section>
  );
}

function DeleteForm() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "delete-account",
    lastResult: actionData?.intent === "delete" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: deleteAccountSchema }),
  });
  return (
    <section className="card" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t("account.deleteTitle")}</h2>
      <p>{t("account.deleteText")}</p>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="delete" />
        <Field field={fields.password} label={t("account.currentPassword")}>
          <input {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </Field>
        <button type="submit">{t("account.deleteButton")}</button>
      </Form>
    </section>
  );
}
