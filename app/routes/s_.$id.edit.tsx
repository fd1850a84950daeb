import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, requireUser } from "~/features/accounts/auth.server";
import { Field, steadyValidation } from "~/components/field";
import { MarkdownField } from "~/components/markdown-field";
import { titleEditSchema } from "~/features/honors/privilege-forms";
import { suggestionEditSchema } from "~/features/suggestions/forms";
import { titleMeta } from "~/i18n/meta";
import { canEditSuggestion, editWindowEndsAt, isStaff } from "~/features/roles/permissions";
import { canEditOthersTitles } from "~/features/honors/rules/privileges";
import { parseId } from "~/platform/route-params";
import { editSuggestion, findVisibleSuggestion } from "~/features/suggestions/suggestions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "suggestions.view.editTitle");

// Loads the suggestion the member may edit; anything else is refused before any work.
// Authors (in their window) and staff edit everything; level-3 members only the title of
// someone else's suggestion, so its body stays its author's words.
function editableSuggestion(request: Request, rawId: string | undefined) {
  const user = requireUser(request);
  const suggestion = findVisibleSuggestion(parseId(rawId), user);
  if (!suggestion) throw new Response("Not found", { status: 404 });
  if (canEditSuggestion(user, suggestion)) return { user, suggestion, titleOnly: false };
  if (canEditOthersTitles(user)) return { user, suggestion, titleOnly: true };
  throw forbidden();
}

export function loader({ params, request }: LoaderFunctionArgs) {
  const { user, suggestion, titleOnly } = editableSuggestion(request, params.id);
  return {
    suggestion: { id: suggestion.id, title: suggestion.title, body: suggestion.body },
    titleOnly,
    editUntil: isStaff(user) || titleOnly ? null : editWindowEndsAt(suggestion).toISOString(),
  };
}

export async function action({ params, request }: ActionFunctionArgs) {
  const { user, suggestion, titleOnly } = editableSuggestion(request, params.id);
  const formData = await request.formData();
  const submission = titleOnly
    ? parseWithZod(formData, { schema: titleEditSchema })
    : parseWithZod(formData, { schema: suggestionEditSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  editSuggestion({ suggestionId: suggestion.id, editorId: user.id, body: suggestion.body, ...submission.value });
  return redirect(`/s/${suggestion.id}`);
}

export default function EditSuggestionPage() {
  const { suggestion, editUntil, titleOnly } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const [form, fields] = useForm<{ title: string; body?: string }>({
    id: "edit-suggestion",
    lastResult: actionData?.result,
    defaultValue: { title: suggestion.title, body: suggestion.body },
    ...steadyValidation,
    onValidate: ({ formData }) =>
      titleOnly ? parseWithZod(formData, { schema: titleEditSchema }) : parseWithZod(formData, { schema: suggestionEditSchema }),
  });
  return (
    <section className="card">
      <h1>{t("suggestions.view.editTitle")}</h1>
      {titleOnly && <p className="hint">{t("privileges.titleOnlyHint")}</p>}
      {editUntil && (
        <p className="hint" suppressHydrationWarning>
          {t("suggestions.view.editUntil", { time: new Date(editUntil).toLocaleString(i18n.language) })}
        </p>
      )}
      <Form method="post" {...getFormProps(form)}>
        <Field field={fields.title} label={t("suggestions.new.titleLabel")}>
          <input {...getInputProps(fields.title, { type: "text" })} maxLength={140} />
        </Field>
        {!titleOnly && (
          <MarkdownField field={fields.body} label={t("suggestions.new.bodyLabel")} hint={t("suggestions.new.bodyHint")} rows={12} />
        )}
        <button type="submit" className="primary">
          {t("suggestions.view.saveEdit")}
        </button>{" "}
        <a href={`/s/${suggestion.id}`}>{t("suggestions.view.cancel")}</a>
      </Form>
    </section>
  );
}
