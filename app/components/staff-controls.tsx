import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import type { SuggestionStatus } from "#db/enums";
import { Field, FormError, steadyValidation } from "~/components/field";
import { mergeSchema, statusChangeSchema } from "~/forms/lifecycle";

export type StaffForm = "status" | "merge" | "undo-merge";
export type StaffResult = { form: StaffForm; reply: SubmissionResult<string[]> };

type Merge = {
  id: number;
  sourceId: number;
  targetId: number;
  sourceTitle: string;
  actorName: string;
  movedVotes: number;
  credited: number;
};

// What staff can do to one suggestion: move it through the lifecycle, merge it into another
// as a duplicate, and undo merges. Shown to staff only; the server checks again anyway.
export function StaffControls({
  suggestionId,
  status,
  allowed,
  canMerge,
  merges,
  result,
}: {
  suggestionId: number;
  status: SuggestionStatus;
  allowed: readonly SuggestionStatus[];
  canMerge: boolean;
  merges: Merge[];
  result: StaffResult | null;
}) {
  const { t } = useTranslation();
  const replyFor = (form: StaffForm) => (result?.form === form ? result.reply : undefined);
  const mergedInto = merges.find((m) => m.sourceId === suggestionId);
  const mergedHere = merges.filter((m) => m.targetId === suggestionId);
  const action = `/s/${suggestionId}`;
  return (
    <section className="card staff-controls" aria-labelledby="staff-controls-heading">
      <h2 id="staff-controls-heading">{t("lifecycle.controls.heading")}</h2>
      {allowed.length > 0 ? (
        // Keyed by status so the form starts afresh once the change has gone through.
        <StatusForm key={status} action={action} allowed={allowed} lastResult={replyFor("status")} />
      ) : (
        !mergedInto && <p className="meta">{t("lifecycle.controls.final", { status: t(`common.status.${status}`) })}</p>
      )}
      {canMerge && <MergeForm key={merges.length} action={action} lastResult={replyFor("merge")} />}
      {(mergedInto || mergedHere.length > 0) && (
        <>
          <h3>{t("lifecycle.controls.merges")}</h3>
          <FormError errors={replyFor("undo-merge")?.error?.[""] ?? undefined} />
          <ul className="merge-list">
            {mergedInto && (
              <li>
                <Trans
                  i18nKey="lifecycle.controls.mergedInto"
                  values={{ id: mergedInto.targetId, name: mergedInto.actorName }}
                  components={[<a key="target" href={`/s/${mergedInto.targetId}`} />]}
                />{" "}
                <UndoMerge action={action} mergeId={mergedInto.id} />
              </li>
            )}
            {mergedHere.map((m) => (
              <li key={m.id}>
                <Trans
                  i18nKey="lifecycle.controls.mergedFrom"
                  count={m.movedVotes}
                  values={{ id: m.sourceId, title: m.sourceTitle, name: m.actorName, votes: m.movedVotes, credits: m.credited }}
                  components={[<a key="source" href={`/s/${m.sourceId}`} />]}
                />{" "}
                <UndoMerge action={action} mergeId={m.id} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function StatusForm({
  action,
  allowed,
  lastResult,
}: {
  action: string;
  allowed: readonly SuggestionStatus[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "status-form",
    lastResult,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: statusChangeSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <h3>{t("lifecycle.controls.changeStatus")}</h3>
      <input type="hidden" name="intent" value="status" />
      <Field field={fields.to} label={t("lifecycle.controls.newStatus")}>
        <select {...getSelectProps(fields.to)}>
          <option value="">{t("lifecycle.controls.chooseStatus")}</option>
          {allowed.map((s) => (
            <option key={s} value={s}>
              {t(`common.status.${s}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field field={fields.note} label={t("lifecycle.controls.note")} hint={t("lifecycle.controls.noteHint")}>
        <textarea {...getTextareaProps(fields.note, { ariaDescribedBy: fields.note.descriptionId })} rows={3} />
      </Field>
      <button type="submit" className="primary">
        {t("lifecycle.controls.submitStatus")}
      </button>
    </Form>
  );
}

function MergeForm({ action, lastResult }: { action: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "merge-form",
    lastResult,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mergeSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <h3>{t("lifecycle.controls.merge")}</h3>
      <p className="hint">{t("lifecycle.controls.mergeHint")}</p>
      <input type="hidden" name="intent" value="merge" />
      <Field field={fields.targetId} label={t("lifecycle.controls.targetId")}>
        <input {...getInputProps(fields.targetId, { type: "number" })} min={1} step={1} />
      </Field>
      <Field field={fields.note} label={t("lifecycle.controls.mergeNote")}>
        <textarea {...getTextareaProps(fields.note)} rows={2} />
      </Field>
      <button type="submit">{t("lifecycle.controls.submitMerge")}</button>
    </Form>
  );
}

function UndoMerge({ action, mergeId }: { action: string; mergeId: number }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={action} className="inline-form">
      <input type="hidden" name="intent" value="undo-merge" />
      <input type="hidden" name="mergeId" value={mergeId} />
      <button type="submit" className="link">
        {t("lifecycle.controls.undo")}
      </button>
    </Form>
  );
}
