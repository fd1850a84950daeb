// What honor levels unlock on a suggestion's page (app/features/honors/rules/privileges.ts): tagging, flagging,
// proposing a merge, and for staff the review of flags and proposals. Each form posts to the
// page with its intent and works without JavaScript; the server checks every privilege again.
import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { Field, FormError, steadyValidation } from "~/components/field";
import { RelativeTime } from "~/components/relative-time";
import { flagSchema, mergeDecisionSchema, mergeProposalSchema, tagsSchema } from "~/features/honors/privilege-forms";
import { useLocalized } from "~/i18n/use-localized";
import { contentKey, SharedFragment } from "~/platform/shared-fragments";
import type { PrivilegeForm, PrivilegeResult, privilegesView } from "~/routes/s.$id/privileges.server";

type MemberToolsView = ReturnType<typeof privilegesView>;
type Result = PrivilegeResult | null;
type Tag = Pick<MemberToolsView["allTags"][number], "slug" | "nameEn" | "nameZh">;
type Proposal = MemberToolsView["myProposals"][number];

export const replyFor = (result: Result, form: PrivilegeForm) => (result?.form === form ? result.reply : undefined);

// Above the suggestion: hidden by flags. Staff see why and decide; its author is told.
export function HiddenNotice({ suggestionId, view, result }: { suggestionId: number; view: MemberToolsView; result: Result }) {
  const { t } = useTranslation();
  const flags = view.moderation?.flags ?? [];
  if (!view.hidden && flags.length === 0) return null;
  return (
    <section className="card flag-review" aria-labelledby="flag-review-heading" role={view.hidden ? "status" : undefined}>
      <h2 id="flag-review-heading">{view.hidden ? t("privileges.flags.hiddenHeading") : t("privileges.flags.flaggedHeading")}</h2>
      <p>{view.hidden ? t(view.moderation ? "privileges.flags.hiddenForStaff" : "privileges.flags.hiddenForAuthor") : t("privileges.flags.flaggedForStaff")}</p>
      {view.moderation && (
        <>
          {flags.length > 0 && (
            <ul>
              {flags.map((f) => (
                <li key={f.username}>
                  <a href={`/u/${f.username}`}>{f.displayName}</a> ({t("privileges.flags.level", { level: f.honorLevel })}) ·{" "}
                  <RelativeTime date={f.createdAt} />
                  {f.reason && <>: {f.reason}</>}
                </li>
              ))}
            </ul>
          )}
          <FormError errors={replyFor(result, "review-flags")?.error?.[""] ?? undefined} />
          <Form method="post" action={`/s/${suggestionId}`} className="inline-form">
            <input type="hidden" name="intent" value="review-flags" />
            <button type="submit" name="decision" value="restore" className="primary">
              {view.hidden ? t("privileges.flags.restore") : t("privileges.flags.dismiss")}
            </button>{" "}
            <button type="submit" name="decision" value="keep_hidden">
              {view.hidden ? t("privileges.flags.keepHidden") : t("privileges.flags.hide")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

// Below the suggestion: the tools the viewer's level unlocks, each folded away until wanted.
export function MemberTools({
  suggestionId,
  currentTags,
  view,
  result,
}: {
  suggestionId: number;
  currentTags: Tag[];
  view: MemberToolsView;
  result: Result;
}) {
  const { t } = useTranslation();
  const proposals = view.moderation?.proposals ?? [];
  if (!view.canTag && !view.canFlag && !view.canProposeMerge && view.myProposals.length === 0 && proposals.length === 0) return null;
  const action = `/s/${suggestionId}`;
  return (
    <section className="card member-tools" aria-labelledby="member-tools-heading">
      <h2 id="member-tools-heading">{t("privileges.tools.heading")}</h2>
      {view.canTag && <TagEditor action={action} allTags={view.allTags} current={currentTags} lastResult={replyFor(result, "tags")} />}
      {view.canFlag &&
        (view.flagged ? (
          <p className="meta">{t("privileges.flags.alreadyFlagged")}</p>
        ) : (
          <FlagForm action={action} lastResult={replyFor(result, "flag")} />
        ))}
      {view.myProposals.map((p) => (
        <p key={p.id} className="notice" id="merge-proposal">
          <Trans
            i18nKey="privileges.merge.proposed"
            values={{ id: p.target.id, title: p.target.title }}
            components={[<a key="target" href={`/s/${p.target.id}`} />]}
          />
        </p>
      ))}
      {view.canProposeMerge && <MergeProposalForm action={action} lastResult={replyFor(result, "propose-merge")} />}
      {proposals.length > 0 && <ProposalsForStaff action={action} proposals={proposals} lastResult={replyFor(result, "decide-merge")} />}
    </section>
  );
}

// A folded form reads the same for every reader of the page in a language, until one of them
// posts it with a mistake: until then its markup is shared (app/platform/shared-fragments.tsx).
// `shows` names whatever else the form shows (the tags to pick from).
function Folded({ name, action, shows = "", lastResult, summary, children }: { name: string; action: string; shows?: string; lastResult?: SubmissionResult<string[]>; summary: string; children: ReactElement }) {
  return (
    <SharedFragment as="details" attributes={{ open: !!lastResult }} cacheKey={lastResult ? null : [name, action, shows].join("\u0002")}>
      <>
        <summary>{summary}</summary>
        {children}
      </>
    </SharedFragment>
  );
}

export function TagEditor({ action, allTags, current, lastResult }: { action: string; allTags: Tag[]; current: Tag[]; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const checked = current.map((tag) => tag.slug);
  return (
    <Folded name="tags" action={action} shows={`${contentKey(allTags)}\u0002${checked.join(",")}`} lastResult={lastResult} summary={t("privileges.tags.edit")}>
      <TagFields action={action} allTags={allTags} checked={checked} lastResult={lastResult} />
    </Folded>
  );
}

function TagFields({ action, allTags, checked, lastResult }: { action: string; allTags: Tag[]; checked: string[]; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [form, fields] = useForm({
    id: "tag-editor",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: tagsSchema }),
  });
  // conform works out a field's metadata anew on every property read: read once, not per tag.
  const { name, errors } = fields.tags;
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="tags" />
      <fieldset className="field">
        <legend>{t("privileges.tags.label")}</legend>
        {allTags.map((tag) => (
          <label key={tag.slug} className="checkbox">
            <input type="checkbox" name={name} value={tag.slug} defaultChecked={checked.includes(tag.slug)} /> {localized(tag.nameEn, tag.nameZh)}
          </label>
        ))}
        {errors?.length ? (
          <p className="field-error" role="alert">
            {errors.map((e) => t(e)).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <button type="submit">{t("privileges.tags.save")}</button>
    </Form>
  );
}

function FlagForm({ action, lastResult }: { action: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  return (
    <Folded name="flag" action={action} lastResult={lastResult} summary={t("privileges.flags.flag")}>
      <FlagFields action={action} lastResult={lastResult} />
    </Folded>
  );
}

function FlagFields({ action, lastResult }: { action: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "flag-form",
    lastResult,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: flagSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="flag" />
      <Field field={fields.reason} label={t("privileges.flags.reasonLabel")} hint={t("privileges.flags.reasonHint")}>
        <input {...getInputProps(fields.reason, { type: "text" })} maxLength={500} />
      </Field>
      <button type="submit">{t("privileges.flags.submit")}</button>
    </Form>
  );
}

function MergeProposalForm({ action, lastResult }: { action: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  return (
    <Folded name="propose-merge" action={action} lastResult={lastResult} summary={t("privileges.merge.propose")}>
      <MergeProposalFields action={action} lastResult={lastResult} />
    </Folded>
  );
}

function MergeProposalFields({ action, lastResult }: { action: string; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "merge-proposal-form",
    lastResult,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mergeProposalSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="propose-merge" />
      <Field field={fields.target} label={t("privileges.merge.targetLabel")} hint={t("privileges.merge.targetHint")}>
        <input {...getInputProps(fields.target, { type: "text", ariaDescribedBy: fields.target.descriptionId })} />
      </Field>
      <button type="submit">{t("privileges.merge.submit")}</button>
    </Form>
  );
}

function ProposalsForStaff({ action, proposals, lastResult }: { action: string; proposals: Proposal[]; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t("privileges.merge.pendingHeading")}</h3>
      <ul className="merge-proposals">
        {proposals.map((p) => (
          <li key={p.id}>
            <Trans
              i18nKey="privileges.merge.proposal"
              values={{ name: p.proposer.displayName, sourceId: p.source.id, source: p.source.title, targetId: p.target.id, target: p.target.title }}
              components={[
                <a key="proposer" href={`/u/${p.proposer.username}`} />,
                <a key="source" href={`/s/${p.source.id}`} />,
                <a key="target" href={`/s/${p.target.id}`} />,
              ]}
            />{" "}
            · <RelativeTime date={p.createdAt} />
            <DecisionForm action={action} proposalId={p.id} lastResult={lastResult?.initialValue?.proposalId === String(p.id) ? lastResult : undefined} />
          </li>
        ))}
      </ul>
    </>
  );
}

function DecisionForm({ action, proposalId, lastResult }: { action: string; proposalId: number; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: `merge-decision-${proposalId}`,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mergeDecisionSchema }),
  });
  return (
    <Form method="post" action={action} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="decide-merge" />
      <input type="hidden" name="proposalId" value={proposalId} />
      <FormError errors={form.errors} />
      <Field field={fields.note} label={t("privileges.merge.noteLabel")} hint={t("privileges.merge.noteHint")}>
        <textarea {...getTextareaProps(fields.note, { ariaDescribedBy: fields.note.descriptionId })} rows={2} />
      </Field>
      <button type="submit" name="decision" value="accept" className="primary">
        {t("privileges.merge.accept")}
      </button>{" "}
      <button type="submit" name="decision" value="reject">
        {t("privileges.merge.reject")}
      </button>
    </Form>
  );
}
