import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DisplayNameReservedError, EmailTakenError, UsernameTakenError } from "~/features/accounts/accounts.server";
import { getOptionalUser, safeRedirect } from "~/features/accounts/auth.server";
import { Field, FormError, steadyValidation } from "~/components/field";
import { sendVerificationEmail } from "~/features/accounts/email-verification.server";
import { passwordProblem } from "~/features/accounts/password-rules.server";
import { SignupThrottledError } from "~/features/accounts/signup-throttle.server";
import { signupSchema } from "~/features/accounts/forms";
import { titleMeta } from "~/i18n/meta";
import { InviteCodeRefusedError, inviteCodeProblem, openInvitation, signUpMember, spentShareCookie } from "~/features/invitations/invitations.server";
import { resolveLanguage } from "~/platform/locale.server";
import { createSession, sessionCookie } from "~/features/accounts/sessions.server";
import { getSetting } from "~/platform/settings.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.signup.title");

// An invite link (/signup?invite=CODE) prefills the code, counts as opened, and says at once
// when the code cannot be used.
export function loader({ request }: LoaderFunctionArgs) {
  if (getOptionalUser(request)) throw redirect("/");
  const invite = new URL(request.url).searchParams.get("invite")?.trim().slice(0, 40) ?? "";
  if (invite) openInvitation(invite);
  return { invite, inviteProblem: invite ? inviteCodeProblem(invite) : null, inviteOnly: getSetting("inviteOnly") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signupSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { username, email, password, displayName, invite, redirectTo } = submission.value;
  const weak = passwordProblem(password, { username, email });
  if (weak) return data({ result: submission.reply({ fieldErrors: { password: [weak] }, hideFields: ["password"] }) }, { status: 400 });
  try {
    const user = await signUpMember({
      username,
      email,
      password,
      displayName,
      locale: resolveLanguage(request, null),
      inviteCode: invite,
      cookieHeader: request.headers.get("Cookie"),
      address: context.clientAddress,
    });
    // The confirmation link goes out whatever the setting: turning it on later finds the
    // newest members able to confirm at once.
    await sendVerificationEmail(user.id);
    const session = createSession(user.id);
    const headers = new Headers([["Set-Cookie", sessionCookie(session.token, session.expiresAt)]]);
    const spent = spentShareCookie(request);
    if (spent) headers.append("Set-Cookie", spent);
    return redirect(safeRedirect(redirectTo), { headers });
  } catch (error) {
    if (error instanceof InviteCodeRefusedError) {
      const fieldErrors = { invite: [`invitations.refused.${error.reason}`] };
      return data({ result: submission.reply({ fieldErrors, hideFields: ["password"] }) }, { status: 400 });
    }
    if (error instanceof UsernameTakenError) {
      return data({ result: submission.reply({ fieldErrors: { username: ["forms.usernameTaken"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    if (error instanceof SignupThrottledError) {
      return data(
        { result: submission.reply({ formErrors: ["forms.signupThrottled"], hideFields: ["password"] }), retryMinutes: Math.ceil(error.retryAfterSeconds / 60) },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    if (error instanceof DisplayNameReservedError) {
      // Without a display name the username is the name shown, so that is what to change.
      const field = displayName ? "displayName" : "username";
      return data({ result: submission.reply({ fieldErrors: { [field]: ["forms.displayNameReserved"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    if (error instanceof EmailTakenError) {
      return data({ result: submission.reply({ fieldErrors: { email: ["forms.emailTaken"] }, hideFields: ["password"] }) }, { status: 400 });
    }
    throw error;
  }
}

export default function SignupPage() {
  const { invite, inviteProblem, inviteOnly } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData?.result,
    defaultValue: { invite },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signupSchema }),
  });
  return (
    <section className="form-narrow card">
      <h1>{t("auth.signup.title")}</h1>
      <p>{t("auth.signup.intro")}</p>
      {inviteProblem && !actionData && (
        <p className="form-error" role="alert">
          {t(`invitations.refused.${inviteProblem}`)}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <FormError errors={form.errors} values={{ minutes: actionData && "retryMinutes" in actionData ? actionData.retryMinutes : 0 }} />
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
        <Field
          field={fields.invite}
          label={t(inviteOnly ? "invitations.signup.codeRequired" : "invitations.signup.codeOptional")}
          hint={t(inviteOnly ? "invitations.signup.codeRequiredHint" : "invitations.signup.codeOptionalHint")}
        >
          <input
            {...getInputProps(fields.invite, { type: "text", ariaDescribedBy: fields.invite.descriptionId })}
            required={inviteOnly}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
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
