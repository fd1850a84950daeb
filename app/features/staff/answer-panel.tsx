import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useState, type ComponentType, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { SuggestionStatus } from "#db/enums";
import { Field, FormError } from "~/components/field";
import { StatusBadge } from "~/components/status-badge";
import { answerSchema } from "~/features/staff/forms";

export type AnswerViewData = {
  suggestion: { id: number; title: string; html: string; status: SuggestionStatus; authorName: string; voteCount: number };
  language: "en" | "zh";
  allowed: readonly SuggestionStatus[];
  similar: { id: number; title: string; status: SuggestionStatus; voteCount: number }[];
  savedReplies: { id: number; title: string; status: SuggestionStatus | null; body: string }[];
};

type FormComponent = ComponentType<{ method: "post"; action: string; children: ReactNode } & Record<string, unknown>>;

// Everything needed to answer one suggestion: its text, its similar suggestions, the saved
// replies, and the reply box with a status change. Shown in a queue row (posted by a fetcher,
// so the queue stays) and at the top of /staff/answer/:id (a plain form, without JavaScript).
export function AnswerPanel({
  view,
  lastResult,
  pickedReplyId,
  FormAs = Form as FormComponent,
  showText = true,
  formFirst = false,
  then,
  busy = false,
}: {
  view: AnswerViewData;
  lastResult?: SubmissionResult<string[]> | null;
  pickedReplyId?: number | null;
  FormAs?: FormComponent;
  showText?: boolean;
  formFirst?: boolean;
  then?: "queue";
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const { suggestion } = view;
  const action = `/staff/answer/${suggestion.id}`;
  const initial = view.savedReplies.find((r) => r.id === pickedReplyId) ?? null;
  const [picked, setPicked] = useState(initial);
  const [form, fields] = useForm({
    id: `answer-${suggestion.id}-${picked?.id ?? "blank"}`,
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: { body: picked?.body ?? "", to: picked?.status && view.allowed.includes(picked.status) ? picked.status : "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: answerSchema }),
  });
  // A saved reply's status is offered only where the lifecycle allows it from here.
  const statusOptions = view.allowed;
  const textPart = showText ? (
    <div className="answer-text">
      <div className="meta">
        <StatusBadge status={suggestion.status} />
        <span>{t("staff.queue.by", { name: suggestion.authorName })}</span>
        <span>{t("suggestions.item.votes", { count: suggestion.voteCount })}</span>
        <a href={`/s/${suggestion.id}`}>{t("staff.answer.openPage")}</a>
      </div>
      <div className="markdown" dangerouslySetInnerHTML={{ __html: suggestion.html }} />
      <h4>{t("staff.answer.similar")}</h4>
      {view.similar.length === 0 ? (
        <p className="meta">{t("staff.answer.noSimilar")}</p>
      ) : (
        <ul className="similar-list">
          {view.similar.map((s) => (
            <li key={s.id}>
              <a href={`/s/${s.id}`}>{s.title}</a> <StatusBadge status={s.status} />{" "}
              <span className="meta">{t("suggestions.item.votes", { count: s.voteCount })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  ) : null;
  const pickerPart =
    view.savedReplies.length > 0 ? (
        <Form method="get" action={action} className="saved-reply-picker">
          <label htmlFor={`saved-reply-${suggestion.id}`}>{t("staff.answer.savedReply", { language: t(`staff.answer.language.${view.language}`) })}</label>
          <select
            id={`saved-reply-${suggestion.id}`}
            name="reply"
            data-testid="saved-reply-select"
            value={picked?.id ?? ""}
            onChange={(event) => setPicked(view.savedReplies.find((r) => r.id === Number(event.target.value)) ?? null)}
          >
            <option value="">{t("staff.answer.noSavedReply")}</option>
            {view.savedReplies.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
          <noscript>
            <button type="submit">{t("staff.answer.use")}</button>
          </noscript>
        </Form>
    ) : null;
  const formPart = (
      <FormAs method="post" action={action} {...getFormProps(form)} key={form.id}>
        {picked && <input type="hidden" name="savedReplyId" value={picked.id} />}
        {then && <input type="hidden" name="then" value={then} />}
        <FormError errors={form.errors} />
        <Field field={fields.body} label={t("staff.answer.reply")}>
          <textarea {...getTextareaProps(fields.body)} rows={5} data-answer-body />
        </Field>
        <Field field={fields.to} label={t("staff.answer.status")}>
          <select {...getSelectProps(fields.to)} data-answer-status>
            <option value="">{t("staff.answer.keepStatus", { status: t(`common.status.${suggestion.status}`) })}</option>
            {statusOptions.map((s) => (
              <option key={s} value={s}>
                {t(`common.status.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {t("staff.answer.submit")}
        </button>
      </FormAs>
  );
  return (
    <div className="answer-panel" data-testid="answer-panel">
      {formFirst ? [<div key="f">{pickerPart}{formPart}</div>, <div key="t">{textPart}</div>] : [<div key="t">{textPart}</div>, <div key="f">{pickerPart}{formPart}</div>]}
    </div>
  );
}
