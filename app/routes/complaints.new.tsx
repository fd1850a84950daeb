import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COMPLAINT_SUBJECTS } from "#db/enums";
import { requireUser } from "~/features/accounts/auth.server";
import { fileComplaint } from "~/features/complaints/complaints.server";
import { Field, steadyValidation } from "~/components/field";
import { MarkdownField } from "~/components/markdown-field";
import { StatusBadge } from "~/components/status-badge";
import { complaintSchema } from "~/features/complaints/forms";
import { titleMeta } from "~/i18n/meta";
import { findVisibleSuggestion } from "~/features/suggestions/suggestions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "complaints.new.title");

// "?suggestion=12&subject=decision" (the link under a declined suggestion) prefills the form;
// anything that does not parse is simply not prefilled.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const params = new URL(request.url).searchParams;
  const prefill = complaintSchema.pick({ subject: true, suggestion: true }).partial().safeParse({
    subject: params.get("subject") || undefined,
    suggestion: params.get("suggestion") || undefined,
  });
  const suggestion = prefill.success && prefill.data.suggestion ? findVisibleSuggestion(prefill.data.suggestion, user) : null;
  return {
    subject: (prefill.success && prefill.data.subject) || "",
    suggestion: suggestion && { id: suggestion.id, title: suggestion.title, status: suggestion.status },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: complaintSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { subject, suggestion, title, body } = submission.value;
  const filed = fileComplaint({ userId: user.id, viewer: user, subject, suggestionId: suggestion, title, body });
  if (!filed.ok) {
    return data({ result: submission.reply({ fieldErrors: { suggestion: ["complaints.errors.unknownSuggestion"] } }) }, { status: 400 });
  }
  return redirect(`/complaints/${filed.id}`);
}

export default function NewComplaintPage() {
  const prefill = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "new-complaint",
    lastResult: actionData?.result,
    defaultValue: { subject: prefill.subject, suggestion: prefill.suggestion ? String(prefill.suggestion.id) : "" },
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: complaintSchema }),
  });
  return (
    <section className="card">
      <h1>{t("complaints.new.title")}</h1>
      <p>{t("complaints.new.intro")}</p>
      <p className="meta">{t("complaints.private")}</p>
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.subject} label={t("complaints.new.subjectLabel")}>
          <select {...getSelectProps(fields.subject)}>
            <option value="">{t("complaints.new.chooseSubject")}</option>
            {COMPLAINT_SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {t(`complaints.subjects.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        {prefill.suggestion && (
          <p className="meta">
            {t("complaints.new.about")} <a href={`/s/${prefill.suggestion.id}`}>{prefill.suggestion.title}</a>
            <StatusBadge status={prefill.suggestion.status} />
          </p>
        )}
        <Field field={fields.suggestion} label={t("complaints.new.suggestionLabel")} hint={t("complaints.new.suggestionHint")}>
          <input {...getInputProps(fields.suggestion, { type: "text", ariaDescribedBy: fields.suggestion.descriptionId })} />
        </Field>
        <Field field={fields.title} label={t("complaints.new.titleLabel")} hint={t("complaints.new.titleHint")}>
          <input {...getInputProps(fields.title, { type: "text", ariaDescribedBy: fields.title.descriptionId })} maxLength={140} />
        </Field>
        <MarkdownField field={fields.body} label={t("complaints.new.bodyLabel")} hint={t("complaints.new.bodyHint")} rows={8} />
        <button type="submit" className="primary">
          {t("complaints.new.submit")}
        </button>
      </Form>
    </section>
  );
}
