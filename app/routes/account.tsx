import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changePassword, checkPassword } from "~/accounts.server";
import { requireUser } from "~/auth.server";
import { Field, steadyValidation } from "~/components/field";
import { changePasswordSchema, deleteAccountSchema } from "~/forms/auth";
import { titleMeta } from "~/i18n/meta";
import { deleteAccount } from "~/privacy.server";
import { blankSessionCookie, createSession, invalidateAllSessions, invalidateOtherSessions, readSessionToken, sessionCookie } from "~/sessions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.title");

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { username: user.username, done: new URL(request.url).searchParams.get("done") };
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
    await changePassword(user.id, submission.value.newPassword);
    // A changed password gets a fresh session; the others end when the member asks.
    if (submission.value.endOtherSessions) invalidateAllSessions(user.id);
    else if (token) invalidateOtherSessions(user.id, token);
    const session = createSession(user.id);
    return redirect("/account?done=password", { headers: { "Set-Cookie": sessionCookie(session.token, session.expiresAt) } });
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
  const { done } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("account.title")}</h1>
      {done && (
        <p className="card" role="status">
          {t(done === "password" ? "account.passwordChanged" : "account.sessionsEnded")}
        </p>
      )}
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">{t("account.exportTitle")}</h2>
        <p>{t("account.exportText")}</p>
        <a className="button" href="/account/export" download>
          {t("account.exportButton")}
        </a>
      </section>
      <section className="card" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t("api.tokens.title")}</h2>
        <p>{t("api.tokens.intro")}</p>
        <a href="/account/tokens">{t("api.tokens.manage")}</a>
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
    ...steadyValidation,
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
    ...steadyValidation,
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
