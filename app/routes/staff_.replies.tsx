import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SUGGESTION_STATUSES, type SuggestionStatus } from "#db/enums";
import { requireRole } from "~/features/accounts/auth.server";
import { Field, FormError } from "~/components/field";
import { deleteSavedReplySchema, savedReplySchema } from "~/features/staff/forms";
import { deleteSavedReply, listSavedReplies, saveSavedReply } from "~/features/staff/saved-replies.server";
import { titleMeta } from "~/i18n/meta";
import { STAFF_ROLES } from "~/features/roles/permissions";

// The team's saved replies, shared by all staff: written in both languages, picked from the
// queue's answer panel. Least used last, so the ones nobody picks are easy to prune.
export function loader({ request }: LoaderFunctionArgs) {
  requireRole(request, STAFF_ROLES);
  const done = new URL(request.url).searchParams.get("done");
  return {
    replies: listSavedReplies().sort((a, b) => b.usageCount - a.usageCount),
    done: done === "saved" || done === "deleted" ? done : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => titleMeta(matches, "staff.replies.title");

export async function action({ request }: ActionFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const formData = await request.formData();
  const formId = String(formData.get("formId") ?? "new").slice(0, 20);
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteSavedReplySchema });
    if (submission.status !== "success" || !deleteSavedReply(submission.value.id)) {
      return data({ formId, result: submission.reply({ formErrors: ["staff.replies.errors.gone"] }) }, { status: 404 });
    }
    return redirect("/staff/replies?done=deleted");
  }
  const submission = parseWithZod(formData, { schema: savedReplySchema });
  if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
  const saved = saveSavedReply({ ...submission.value, actorId: user.id });
  if (!saved.ok) return data({ formId, result: submission.reply({ formErrors: ["staff.replies.errors.gone"] }) }, { status: 404 });
  return redirect("/staff/replies?done=saved");
}

type Reply = { id: number; title: string; bodyEn: string; bodyZh: string; status: SuggestionStatus | null; usageCount: number };

export default function SavedReplies() {
  const { replies, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const resultFor = (formId: string) => (actionData?.formId === formId ? actionData.result : undefined);
  return (
    <section className="saved-replies">
      <h1>{t("staff.replies.title")}</h1>
      <p className="meta">
        <span>{t("staff.replies.intro")}</span>
        <a href="/staff">{t("staff.replies.back")}</a>
      </p>
      {done && !actionData && (
        <p role="status" className="meta">
          {t(`staff.replies.${done}`)}
        </p>
      )}
      {replies.length === 0 ? (
        <p className="empty">{t("staff.replies.empty")}</p>
      ) : (
        <ul className="saved-reply-list" data-testid="saved-replies">
          {replies.map((r) => (
            <li key={r.id} className="card">
              <details open={actionData?.formId === `reply-${r.id}`}>
                <summary>
                  <strong>{r.title}</strong>{" "}
                  <span className="meta">
                    {r.status && t(`common.status.${r.status}`)} · {r.usageCount > 0 ? t("staff.replies.used", { count: r.usageCount }) : t("staff.replies.neverUsed")}
                  </span>
                </summary>
                <ReplyForm formId={`reply-${r.id}`} reply={r} lastResult={resultFor(`reply-${r.id}`)} />
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="formId" value={`reply-${r.id}`} />
                  <input type="hidden" name="id" value={r.id} />
                  <button type="submit" className="link">
                    {t("staff.replies.delete")}
                  </button>
                </Form>
              </details>
            </li>
          ))}
        </ul>
      )}
      <div className="card">
        <h2>{t("staff.replies.new")}</h2>
        <ReplyForm formId="new" lastResult={resultFor("new")} />
      </div>
    </section>
  );
}

function ReplyForm({ formId, reply, lastResult }: { formId: string; reply?: Reply; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `saved-reply-${formId}`,
    lastResult,
    defaultValue: reply && { title: reply.title, bodyEn: reply.bodyEn, bodyZh: reply.bodyZh, status: reply.status ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: savedReplySchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="formId" value={formId} />
      {reply && <input type="hidden" name="id" value={reply.id} />}
      <FormError errors={form.errors} />
      <Field field={fields.title} label={t("staff.replies.name")}>
        <input {...getInputProps(fields.title, { type: "text" })} />
      </Field>
      <Field field={fields.bodyEn} label={t("staff.replies.bodyEn")}>
        <textarea {...getTextareaProps(fields.bodyEn)} rows={4} lang="en" />
      </Field>
      <Field field={fields.bodyZh} label={t("staff.replies.bodyZh")}>
        <textarea {...getTextareaProps(fields.bodyZh)} rows={4} lang="zh" />
      </Field>
      <Field field={fields.status} label={t("staff.replies.status")}>
        <select {...getSelectProps(fields.status)}>
          <option value="">{t("staff.replies.noStatus")}</option>
          {SUGGESTION_STATUSES.filter((s) => s !== "duplicate").map((s) => (
            <option key={s} value={s}>
              {t(`common.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary">
        {t("staff.replies.save")}
      </button>
    </Form>
  );
}
