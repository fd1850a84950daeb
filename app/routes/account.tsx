import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { passwordProblem } from "~/features/accounts/password-rules.server";
import { changePassword, checkPassword, emailOf } from "~/features/accounts/accounts.server";
import { mustVerifyEmail, sendVerificationEmail } from "~/features/accounts/email-verification.server";
import { requireUser } from "~/features/accounts/auth.server";
import { Avatar } from "~/components/avatar";
import { Field, FormError, steadyValidation } from "~/components/field";
import { MarkdownField } from "~/components/markdown-field";
import { BIO_MAX_LENGTH, emailChangeSchema, profileSchema } from "~/features/accounts/profile-forms";
import { getProfileSettings, removeAvatar, requestEmailChange, setAvatar, updateProfile } from "~/features/accounts/profile.server";
import { IMAGE_LIMITS } from "~/features/uploads/image-rules";
import { changePasswordSchema, deleteAccountSchema } from "~/features/accounts/forms";
import { filesOf, readFormWithFiles, TOO_LARGE_TYPE, UnreadableForm } from "~/platform/multipart.server";
import { titleMeta } from "~/i18n/meta";
import { deleteAccount } from "~/features/accounts/privacy.server";
import { blankSessionCookie, createSession, invalidateAllSessions, invalidateOtherSessions, readSessionToken, sessionCookie } from "~/features/accounts/sessions.server";
import { privatePageHeaders } from "~/platform/private-page";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "account.title");


// Personal: never kept by a shared cache.
export const headers = privatePageHeaders;

// What the page confirms after a redirect (?done=…).
const DONE_MESSAGES = {
  password: "account.passwordChanged",
  reset: "auth.reset.done",
  sessions: "account.sessionsEnded",
  profile: "account.profile.saved",
  email: "account.email.sent",
  avatar: "account.avatar.saved",
  avatarRemoved: "account.avatar.removed",
  emailConfirmed: "account.email.confirmed",
  "verification-sent": "account.verify.sent",
  verified: "account.verify.verified",
  "verification-failed": "account.verify.failed",
} as const;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const done = new URL(request.url).searchParams.get("done");
  return {
    username: user.username,
    settings: getProfileSettings(user.id),
    done: done && done in DONE_MESSAGES ? (done as keyof typeof DONE_MESSAGES) : null,
    // The address to confirm, while voting waits for it.
    unverifiedEmail: mustVerifyEmail(user.id) ? emailOf(user.id) : null,
  };
}


export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  // The avatar form sends a file (multipart); the others are plain forms.
  let formData: FormData;
  try {
    formData = await readFormWithFiles(request, { maxFileBytes: IMAGE_LIMITS.maxBytes });
  } catch (error) {
    if (!(error instanceof UnreadableForm)) throw error;
    return data({ intent: null, result: null }, { status: 400 });
  }
  const intent = formData.get("intent");
  const token = readSessionToken(request);

  if (intent === "profile") {
    const submission = parseWithZod(formData, { schema: profileSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    updateProfile(user.id, submission.value);
    return redirect("/account?done=profile");
  }

  if (intent === "email") {
    const submission = parseWithZod(formData, { schema: emailChangeSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply({ hideFields: ["currentPassword"] }) }, { status: 400 });
    if (!(await checkPassword(user.id, submission.value.currentPassword))) {
      return data({ intent, result: submission.reply({ fieldErrors: { currentPassword: ["forms.invalidPassword"] }, hideFields: ["currentPassword"] }) }, { status: 400 });
    }
    const outcome = requestEmailChange(user.id, submission.value.newEmail);
    if (!outcome.ok) {
      return data({ intent, result: submission.reply({ fieldErrors: { newEmail: [`account.email.${outcome.reason}`] }, hideFields: ["currentPassword"] }) }, { status: outcome.reason === "limited" ? 429 : 400 });
    }
    return redirect("/account?done=email");
  }

  if (intent === "avatar") {
    const [file, ...more] = filesOf(formData, "avatar");
    const error = !file || more.length ? "account.avatar.pick" : file.type === TOO_LARGE_TYPE ? "uploads.refused.too_large" : null;
    if (error) return data({ intent, result: { status: "error" as const, error: { avatar: [error] } } }, { status: 400 });
    const outcome = await setAvatar(user.id, new Uint8Array(await file.arrayBuffer()));
    if (!outcome.ok) return data({ intent, result: { status: "error" as const, error: { avatar: [`uploads.refused.${outcome.reason}`] } } }, { status: 400 });
    return redirect("/account?done=avatar");
  }

  if (intent === "remove-avatar") {
    await removeAvatar(user.id);
    return redirect("/account?done=avatarRemoved");
  }

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
    // Their pictures follow through the member_deleted event (app/subscribers.server.ts).
    deleteAccount(user.id);
    return redirect("/?accountDeleted=1", { headers: { "Set-Cookie": blankSessionCookie() } });
  }

  return data({ intent: null, result: null }, { status: 400 });
}

export default function AccountPage() {
  const { done, username, unverifiedEmail } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("account.title")}</h1>
      {done && DONE_MESSAGES[done] && (
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
      <p>
        <a href={`/u/${username}`}>{t("account.profile.view")}</a>
      </p>
      <ProfileForm />
      <AvatarForm />
      <EmailForm />
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

function ProfileForm() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "profile",
    lastResult: actionData?.intent === "profile" ? actionData.result : undefined,
    defaultValue: { displayName: settings?.displayName ?? "", bio: settings?.bio ?? "" },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: profileSchema }),
  });
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t("account.profile.title")}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="profile" />
        <Field field={fields.displayName} label={t("account.profile.displayName")}>
          <input {...getInputProps(fields.displayName, { type: "text" })} maxLength={50} autoComplete="nickname" />
        </Field>
        <MarkdownField field={fields.bio} label={t("account.profile.bio")} hint={t("account.profile.bioHint", { count: BIO_MAX_LENGTH })} rows={4} maxLength={BIO_MAX_LENGTH} />
        <button type="submit" className="primary">
          {t("account.profile.save")}
        </button>
      </Form>
    </section>
  );
}

function AvatarForm() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.intent === "avatar" && actionData.result && "error" in actionData.result ? (actionData.result.error as Record<string, string[]>).avatar : undefined;
  return (
    <section className="card" aria-labelledby="avatar-heading">
      <h2 id="avatar-heading">{t("account.avatar.title")}</h2>
      <div className="avatar-settings">
        <Avatar name={settings?.displayName ?? ""} username={settings?.username ?? ""} src={settings?.avatar ? `/uploads/${settings.avatar}` : undefined} size={56} />
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="avatar" />
          <div className="field">
            <label htmlFor="avatar-file">{t("account.avatar.file")}</label>
            <input
              id="avatar-file"
              type="file"
              name="avatar"
              accept="image/png,image/jpeg,image/webp,image/gif"
              aria-describedby="avatar-hint"
              aria-invalid={errors ? true : undefined}
            />
            <p className="hint" id="avatar-hint">
              {t("uploads.hintSingle")}
            </p>
            {errors && (
              <p className="field-error" role="alert">
                {errors.map((e) => t(e)).join(" ")}
              </p>
            )}
          </div>
          <button type="submit">{t("account.avatar.upload")}</button>
        </Form>
        {settings?.avatar && (
          <Form method="post">
            <button type="submit" name="intent" value="remove-avatar">
              {t("account.avatar.remove")}
            </button>
          </Form>
        )}
      </div>
    </section>
  );
}

function EmailForm() {
  const { settings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "change-email",
    lastResult: actionData?.intent === "email" ? actionData.result : undefined,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: emailChangeSchema }),
  });
  return (
    <section className="card" aria-labelledby="email-heading">
      <h2 id="email-heading">{t("account.email.title")}</h2>
      <p>{t("account.email.current", { email: settings?.email ?? "" })}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormError errors={form.errors} />
        <input type="hidden" name="intent" value="email" />
        <Field field={fields.newEmail} label={t("account.email.newEmail")} hint={t("account.email.hint")}>
          <input {...getInputProps(fields.newEmail, { type: "email", ariaDescribedBy: fields.newEmail.descriptionId })} autoComplete="email" />
        </Field>
        <Field field={fields.currentPassword} label={t("account.currentPassword")}>
          <input {...getInputProps(fields.currentPassword, { type: "password" })} autoComplete="current-password" />
        </Field>
        <button type="submit">{t("account.email.submit")}</button>
      </Form>
    </section>
  );
}
