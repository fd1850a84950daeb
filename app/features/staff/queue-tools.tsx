import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { SUGGESTION_STATUSES } from "#db/enums";
import { AnswerPanel, type AnswerViewData } from "~/features/staff/answer-panel";
import { BoardOptions } from "~/components/board-options";
import { Field, FormError } from "~/components/field";
import { useLocalized } from "~/i18n/use-localized";

type Named = { slug: string; nameEn: string; nameZh: string };
type AnswerActionData = { answer: SubmissionResult<string[]> | null; answered: { id: number; nextId: number | null } | null };

// The answer panel inside a queue row: loads /staff/answer/:id's data, posts there with a
// fetcher (the queue stays where it is), and hands the next waiting suggestion to the queue.
export function QueueAnswer({ id, onAnswered }: { id: number; onAnswered: (answered: { id: number; nextId: number | null }) => void }) {
  const { t } = useTranslation();
  const view = useFetcher<AnswerViewData>();
  const submit = useFetcher<AnswerActionData>();
  const load = useRef(view.load);
  load.current = view.load;
  useEffect(() => {
    load.current(`/staff/answer/${id}`);
  }, [id]);
  const answered = submit.state === "idle" ? submit.data?.answered : null;
  const told = useRef<number | null>(null);
  useEffect(() => {
    if (answered && told.current !== answered.id) {
      told.current = answered.id;
      onAnswered(answered);
    }
  }, [answered, onAnswered]);
  if (!view.data || view.data.suggestion.id !== id) return <p className="meta">{t("staff.answer.loading")}</p>;
  return (
    <AnswerPanel
      view={view.data}
      FormAs={submit.Form as never}
      then="queue"
      lastResult={submit.data?.answer}
      busy={submit.state !== "idle"}
    />
  );
}

export type BulkActionData = {
  bulk: SubmissionResult<string[]> | null;
  refused: { id: number; title: string; error: string }[];
  done: { changed: number; notified: number } | null;
};

// Select several rows (their checkboxes belong to this form by its id), then one of three
// actions: a status with one note, a tag, or a board. Plain form posts: works without JS.
export function BulkActions({ boards, tags, statuses = SUGGESTION_STATUSES, result }: { boards: Named[]; tags: Named[]; statuses?: readonly string[]; result: BulkActionData | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form, fields] = useForm({ id: "bulk-form", lastResult: result?.bulk ?? undefined, shouldValidate: "onSubmit" });
  // Posted to the queue as filtered, so the page comes back with the same filters.
  const { search } = useLocation();
  return (
    <Form method="post" action={`/staff${search}`} {...getFormProps(form)} className="card bulk-actions" data-testid="bulk-actions">
      <h2 className="visually-compact">{t("staff.bulk.heading")}</h2>
      <p className="hint">{t("staff.bulk.hint")}</p>
      <FormError errors={[...(form.errors ?? []), ...(fields.ids.errors ?? [])]} />
      {result?.done && (
        <p role="status" className="meta" data-testid="bulk-done">
          {t("staff.bulk.done", { count: result.done.changed, notified: result.done.notified })}
        </p>
      )}
      {result && result.refused.length > 0 && (
        <div role="alert" className="form-error">
          <p>{t("staff.bulk.refused")}</p>
          <ul>
            {result.refused.map((r) => (
              <li key={r.id}>
                {r.title}: {t(r.error)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="bulk-row">
        <div className="field">
          <label htmlFor="bulk-to">{t("staff.bulk.status")}</label>
          <select id="bulk-to" name="to" defaultValue="" data-bulk-status>
            <option value="">{t("lifecycle.controls.chooseStatus")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`common.status.${s}`)}
              </option>
            ))}
          </select>
          {fields.to.errors?.length ? <p className="field-error">{fields.to.errors.map((e) => t(e)).join(" ")}</p> : null}
        </div>
        <div className="bulk-note">
          <Field field={fields.note} label={t("staff.bulk.note")}>
            <textarea {...getTextareaProps(fields.note)} rows={1} />
          </Field>
        </div>
        <button type="submit" name="bulk" value="status">
          {t("staff.bulk.setStatus")}
        </button>
      </div>
      <div className="bulk-row">
        <div className="field">
          <label htmlFor="bulk-tag">{t("staff.bulk.tag")}</label>
          <select id="bulk-tag" name="tag" defaultValue="">
            <option value="">{t("staff.bulk.chooseTag")}</option>
            {tags.map((tag) => (
              <option key={tag.slug} value={tag.slug}>
                {localized(tag.nameEn, tag.nameZh)}
              </option>
            ))}
          </select>
          {fields.tag.errors?.length ? <p className="field-error">{fields.tag.errors.map((e) => t(e)).join(" ")}</p> : null}
        </div>
        <button type="submit" name="bulk" value="tag">
          {t("staff.bulk.addTag")}
        </button>
        <div className="field">
          <label htmlFor="bulk-board">{t("staff.bulk.board")}</label>
          <select id="bulk-board" name="board" defaultValue="">
            <BoardOptions boards={boards} emptyLabel={t("staff.bulk.chooseBoard")} />
          </select>
          {fields.board.errors?.length ? <p className="field-error">{fields.board.errors.map((e) => t(e)).join(" ")}</p> : null}
        </div>
        <button type="submit" name="bulk" value="board">
          {t("staff.bulk.move")}
        </button>
      </div>
    </Form>
  );
}

const KEYS = ["j", "k", "r", "s", "?"] as const;

// j/k move between queue rows, r opens the focused row's reply box, s its status, ? the help.
// Never while typing: keys pressed in a field (or with a modifier) are the field's.
export function useQueueKeyboard(handlers: { move: (by: 1 | -1) => void; reply: () => void; status: () => void; help: () => void }) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (!(KEYS as readonly string[]).includes(event.key)) return;
      event.preventDefault();
      const h = current.current;
      if (event.key === "j") h.move(1);
      else if (event.key === "k") h.move(-1);
      else if (event.key === "r") h.reply();
      else if (event.key === "s") h.status();
      else h.help();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  if (!open) return null;
  return (
    <div role="dialog" aria-labelledby="keyboard-help-heading" className="card keyboard-help" data-testid="keyboard-help">
      <h2 id="keyboard-help-heading">{t("staff.keyboard.heading")}</h2>
      <dl>
        {KEYS.map((key) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`staff.keyboard.${key === "?" ? "help" : key}`)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t("staff.keyboard.close")}
      </button>
    </div>
  );
}

