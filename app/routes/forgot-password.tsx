import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError, steadyValidation } from "~/components/field";
import { requestPasswordReset } from "~/features/accounts/account-links.server";
import { forgotPasswordSchema } from "~/features/accounts/forms";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "auth.forgot.title");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  const outcome = requestPasswordReset(submission.value.identifier, context.clientAddress ?? "unknown");
  if (!outcome.ok) {
    return data({ result: submission.reply({ formErrors: ["auth.forgot.limited"] }), sent: false }, { status: 429, headers: { "Retry-After": "3600" } });
  }
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
  });
  return (
    <section className="form-narrow card">
      <h1>{t("auth.forgot.title")}</h1>
      {actionData?.sent ? (
        <p role="status">{t("auth.forgot.sent")}</p>
      ) : (
        <>
          <p>{t("auth.forgot.intro")}</p>
          <Form method="post" {...getFormProps(form)}>
            <FormError errors={form.errors} />
            <Field field={fields.identifier} label={t("auth.forgot.identifier")}>
              <input {...getInputProps(fields.identifier, { type: "text" })} autoComplete="username" />
            </Field>
            <button type="submit" className="primary">
              {t("auth.forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <a href="/login">{t("auth.forgot.backToLogin")}</a>
      </p>
    </section>
  );
}
