import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, requireUser } from "~/auth.server";
import { Field } from "~/components/field";
import { suggestionEditSchema } from "~/forms/suggestion";
import { titleMeta } from "~/i18n/meta";
import { canEditSuggestion, editWindowEndsAt, isStaff } from "~/permissions";
import { parseId } from "~/route-params";
import { editSuggestion, findSuggestion } from "~/suggestions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "suggestions.view.editTitle");

// Loads the suggestion the member may edit; anything else is refused before any work.
function editableSuggestion(request: Request, rawId: string | undefined) {
  const user = requireUser(request);
  const suggestion = findSuggestion(parseId(rawId));
  if (!suggestion) throw new Response("Not found", { status: 404 });
  if (!canEditSuggestion(user, suggestion)) throw forbidden();
  return { user, suggestion };
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, suggestion } = editableSuggestion(request, params.id);
  return {
    suggestion: { id: suggestion.id, title: suggestion.title, body: suggestion.body },
    editUntil: isStaff(user) ? null : editWindowEndsAt(suggestion).toISOString(),
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, suggestion } = editableSuggestion(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: suggestionEditSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  editSuggestion({ suggestionId: suggestion.id, editorId: user.id, ...submission.value });
  return redirect(`/s/${suggestion.id}`);
}

export default function EditSuggestionPage() {
  const { suggestion, editUntil } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm({
    id: "edit-suggestion",
    lastResult: actionData?.result,
    defaultValue: { title: suggestion.title, body: suggestion.body },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: suggestionEditSchema }),
  });
  return (
    <section className="card">
      <h1>{t("suggestions.view.editTitle")}</h1>
      {editUntil && (
        <p className="hint" suppressHydrationWarning>
          {t("suggestions.view.editUntil", { time: new Date(editUntil).toLocaleString(i18n.language) })}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.title} label={t("suggestions.new.titleLabel")}>
          <input {...getInputProps(fields.title, { type: "text" })} maxLength={140} />
        </Field>
        <Field field={fields.body} label={t("suggestions.new.bodyLabel")} hint={t("suggestions.new.bodyHint")}>
          <textarea {...getTextareaProps(fields.body, { ariaDescribedBy: fields.body.descriptionId })} rows={12} />
        </Field>
        <button type="submit" className="primary">
          {t("suggestions.view.saveEdit")}
        </button>{" "}
        <a href={`/s/${suggestion.id}`}>{t("suggestions.view.cancel")}</a>
      </Form>
    </section>
  );
}
