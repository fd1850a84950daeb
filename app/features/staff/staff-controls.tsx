import {
  getFormProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import type { SuggestionStatus } from "#db/enums";
import { Field, FormError, steadyValidation } from "~/components/field";
import { StatusBadge } from "~/components/status-badge";
import { revertSchema } from "~/features/staff/forms";
import { mergeSchema, statusChangeSchema } from "~/features/lifecycle/forms";
import { commentSchema } from "~/features/suggestions/forms";

export type StaffForm = "status" | "merge" | "undo-merge" | "revert";
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

type Preview = { id: number; title: string; status: SuggestionStatus; voteCount: number; authorName: string; excerpt: string };
export type MergePickerData = {
  query: string;
  similarFirst: boolean;
  candidates: { id: number; title: string; status: SuggestionStatus; voteCount: number }[];
  compare: { source: Preview; target: Preview } | null;
};

// What staff can do to one suggestion, in a compact panel at the top of its page: move it
// through the lifecycle, answer officially, merge it into another (picked by title, compared
// side by side), tag it, and undo merges. Staff only; the server checks again anyway.
export function StaffControls({
  suggestionId,
  status,
  allowed,
  merges,
  picker,
  tags,
  result,
}: {
  suggestionId: number;
  status: SuggestionStatus;
  allowed: readonly SuggestionStatus[];
  merges: Merge[];
  picker: MergePickerData | null;
  tags?: ReactNode;
  result: StaffResult | null;
}) {
  const { t } = useTranslation();
  const replyFor = (form: StaffForm) => (result?.form === form ? result.reply : undefined);
  const mergedInto = merges.find((m) => m.sourceId === suggestionId);
  const mergedHere = merges.filter((m) => m.targetId === suggestionId);
  const action = `/s/${suggestionId}`;
  const mergeOpen = !!picker && (picker.compare !== null || picker.query !== "" || result?.form === "merge");
  return (
    <section className="card staff-controls staff-panel" aria-labelledby="staff-controls-heading" data-testid="staff-panel">
      <h2 id="staff-controls-heading">{t("lifecycle.controls.heading")}</h2>
      <div className="staff-panel-parts">
        {allowed.length > 0 ? (
          <details open>
            <summary>{t("lifecycle.controls.changeStatus")}</summary>
            {/* Keyed by status so the form starts afresh once the change has gone through. */}
            <StatusForm key={status} action={action} allowed={allowed} lastResult={replyFor("status")} />
          </details>
        ) : (
          !mergedInto && <p className="meta">{t("lifecycle.controls.final", { status: t(`common.status.${status}`) })}</p>
        )}
        <details>
          <summary>{t("lifecycle.controls.officialReply")}</summary>
          <OfficialReplyForm action={action} />
        </details>
        {picker && (
          <details open={mergeOpen} id="merge">
            <summary>{t("lifecycle.controls.merge")}</summary>
            <MergePicker key={merges.length} action={action} picker={picker} lastResult={replyFor("merge")} />
          </details>
        )}
        {tags}
      </div>
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

function OfficialReplyForm({ action }: { action: string }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "official-reply-form",
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: commentSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="official" value="on" />
      <Field field={fields.body} label={t("lifecycle.controls.officialReplyLabel")}>
        <textarea {...getTextareaProps(fields.body)} rows={3} />
      </Field>
      <button type="submit" className="primary">
        {t("suggestions.view.postComment")}
      </button>
    </Form>
  );
}

// Search by title (the site search, Chinese included); before anything is typed, the
// suggestions most like this one. Choosing one shows both side by side with the confirm form.
function MergePicker({ action, picker, lastResult }: { action: string; picker: MergePickerData; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const compareLink = (id: number) => `${action}?${new URLSearchParams({ ...(picker.query && { mergeSearch: picker.query }), mergeInto: String(id) })}#merge`;
  return (
    <div className="merge-picker">
      <p className="hint">{t("lifecycle.controls.mergeHint")}</p>
      <Form method="get" action={`${action}#merge`} className="merge-search" role="search">
        <label htmlFor="merge-search">{t("lifecycle.controls.mergeSearch")}</label>
        <input id="merge-search" name="mergeSearch" type="search" defaultValue={picker.query} maxLength={140} />
        <button type="submit">{t("lifecycle.controls.mergeSearchButton")}</button>
      </Form>
      <h4>{picker.similarFirst ? t("lifecycle.controls.mergeSimilar") : t("lifecycle.controls.mergeResults", { query: picker.query })}</h4>
      {picker.candidates.length === 0 ? (
        <p className="meta">{t("lifecycle.controls.mergeNone")}</p>
      ) : (
        <ul className="merge-candidates" data-testid="merge-candidates">
          {picker.candidates.map((c) => (
            <li key={c.id} aria-current={picker.compare?.target.id === c.id ? "true" : undefined}>
              <a href={compareLink(c.id)}>{c.title}</a> <StatusBadge status={c.status} />{" "}
              <span className="meta">{t("suggestions.item.votes", { count: c.voteCount })}</span>
            </li>
          ))}
        </ul>
      )}
      {picker.compare && <MergeConfirm action={action} compare={picker.compare} lastResult={lastResult} />}
    </div>
  );
}

function MergeConfirm({ action, compare, lastResult }: { action: string; compare: NonNullable<MergePickerData["compare"]>; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "merge-form",
    lastResult,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mergeSchema }),
  });
  return (
    <div className="merge-confirm" data-testid="merge-compare">
      <div className="merge-sides">
        {[
          { side: t("lifecycle.controls.mergeThis"), s: compare.source },
          { side: t("lifecycle.controls.mergeInto"), s: compare.target },
        ].map(({ side, s }) => (
          <div key={s.id} className="merge-side">
            <p className="meta">{side}</p>
            <h4>
              <a href={`/s/${s.id}`}>{s.title}</a>
            </h4>
            <div className="meta">
              <StatusBadge status={s.status} />
              <span>{t("staff.queue.by", { name: s.authorName })}</span>
              <span>{t("suggestions.item.votes", { count: s.voteCount })}</span>
            </div>
            <p>{s.excerpt}</p>
          </div>
        ))}
      </div>
      <Form method="post" action={action} {...getFormProps(form)}>
        <input type="hidden" name="intent" value="merge" />
        <input type="hidden" name="targetId" value={compare.target.id} />
        <FormError errors={fields.targetId.errors ?? undefined} />
        <Field field={fields.note} label={t("lifecycle.controls.mergeNote")}>
          <textarea {...getTextareaProps(fields.note)} rows={2} />
        </Field>
        <button type="submit" className="primary">
          {t("lifecycle.controls.submitMerge")}
        </button>
      </Form>
    </div>
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

// Under the latest entry of the history, for staff: take a wrong change back with a note.
export function RevertForm({
  suggestionId,
  change,
  lastResult,
}: {
  suggestionId: number;
  change: { id: number; fromStatus: SuggestionStatus };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "revert-form",
    lastResult,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: revertSchema }),
  });
  return (
    <details className="revert" open={!!lastResult}>
      <summary>{t("lifecycle.controls.revert")}</summary>
      <Form method="post" action={`/s/${suggestionId}`} {...getFormProps(form)}>
        <input type="hidden" name="intent" value="revert" />
        <input type="hidden" name="statusChangeId" value={change.id} />
        <p className="hint">{t("lifecycle.controls.revertHint", { status: t(`common.status.${change.fromStatus}`) })}</p>
        <FormError errors={[...(form.errors ?? []), ...(fields.statusChangeId.errors ?? [])]} />
        <Field field={fields.note} label={t("lifecycle.controls.revertNote")}>
          <textarea {...getTextareaProps(fields.note)} rows={2} />
        </Field>
        <button type="submit">{t("lifecycle.controls.submitRevert")}</button>
      </Form>
    </details>
  );
}
