import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Trans } from "~/components/trans";
import { forbidden, requireUser } from "~/features/accounts/auth.server";
import { canDoComplaintAction, RESOLUTION_RATING_MAX, RESOLUTION_RATING_MIN } from "~/features/complaints/complaint-rules";
import {
  acknowledgeComplaint,
  addComplaintMessage,
  getComplaint,
  rateComplaintResolution,
  resolveComplaint,
  type ComplaintActionResult,
} from "~/features/complaints/complaints.server";
import { ComplaintStatusBadge } from "~/features/complaints/complaint-status";
import { steadyValidation } from "~/components/field";
import { MarkdownField } from "~/components/markdown-field";
import { RelativeTime } from "~/components/relative-time";
import { StatusBadge } from "~/components/status-badge";
import { complaintMessageSchema, rateResolutionSchema, resolveComplaintSchema } from "~/features/complaints/forms";
import { titleMeta } from "~/i18n/meta";
import { isStaff } from "~/features/roles/permissions";
import { parseId } from "~/platform/route-params";
import { privatePageHeaders } from "~/platform/private-page";

const notFound = () => new Response("Not found", { status: 404 });


// Personal: never kept by a shared cache.
export const headers = privatePageHeaders;

export function loader({ params, request }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const user = requireUser(request);
  const page = getComplaint(id, user);
  if (!page) throw notFound();
  const can = (action: "reply" | "acknowledge" | "resolve" | "rate") => canDoComplaintAction(user, page.complaint, action);
  return {
    ...page,
    viewer: {
      isFiler: user.id === page.complaint.userId,
      isStaff: isStaff(user),
      canReply: can("reply"),
      canAcknowledge: can("acknowledge"),
      canResolve: can("resolve"),
      canRate: can("rate"),
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => data?.complaint.title ?? t("common.errors.notFoundTitle"));

const INTENTS = ["reply", "acknowledge", "resolve", "rate"] as const;
type Intent = (typeof INTENTS)[number];
type ActionData = { intent: Intent; result: SubmissionResult<string[]> | null; changed: boolean };

// The rules decided in complaints.server: strangers learn nothing (404), a member pressing a
// staff button is refused (403), and a complaint that moved on meanwhile says so (409).
function refusal(outcome: Exclude<ComplaintActionResult, { ok: true }>, intent: Intent) {
  if (outcome.reason === "not_found") throw notFound();
  if (outcome.reason === "forbidden") throw forbidden();
  return data<ActionData>({ intent, result: null, changed: true }, { status: 409 });
}

export async function action({ params, request }: ActionFunctionArgs) {
  const complaintId = parseId(params.id);
  const actor = requireUser(request);
  const formData = await request.formData();
  const intent = INTENTS.find((i) => i === formData.get("intent"));
  if (!intent) throw new Response("Bad request", { status: 400 });
  const back = `/complaints/${complaintId}`;

  if (intent === "acknowledge") {
    const outcome = acknowledgeComplaint({ complaintId, actor });
    return outcome.ok ? redirect(back) : refusal(outcome, intent);
  }
  if (intent === "reply") {
    const submission = parseWithZod(formData, { schema: complaintMessageSchema });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply(), changed: false }, { status: 400 });
    const outcome = addComplaintMessage({ complaintId, actor, body: submission.value.body });
    return outcome.ok ? redirect(`${back}#message-${outcome.messageId}`) : refusal(outcome, intent);
  }
  if (intent === "resolve") {
    const submission = parseWithZod(formData, { schema: resolveComplaintSchema });
    if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply(), changed: false }, { status: 400 });
    const outcome = resolveComplaint({ complaintId, actor, note: submission.value.note });
    return outcome.ok ? redirect(`${back}#resolution`) : refusal(outcome, intent);
  }
  const submission = parseWithZod(formData, { schema: rateResolutionSchema });
  if (submission.status !== "success") return data<ActionData>({ intent, result: submission.reply(), changed: false }, { status: 400 });
  const outcome = rateComplaintResolution({ complaintId, actor, rating: submission.value.rating });
  return outcome.ok ? redirect(`${back}#resolution`) : refusal(outcome, intent);
}

// Each form on the page sees only the answer to its own submission.
function useResultFor(intent: Intent) {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? (actionData.result ?? undefined) : undefined;
}

export default function ComplaintPage() {
  const { complaint, filer, resolverName, suggestion, messages, viewer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <article className="complaint">
      <p className="meta">
        {viewer.isFiler && <a href="/complaints">← {t("complaints.view.backToList")}</a>}
        {viewer.isStaff && <a href="/staff/complaints">← {t("complaints.view.backToQueue")}</a>}
      </p>
      <h1>{complaint.title}</h1>
      <div className="meta">
        <ComplaintStatusBadge status={complaint.status} />
        <span>{t(`complaints.subjects.${complaint.subject}`)}</span>
        <span>
          <Trans i18nKey="complaints.view.filedBy" values={{ name: filer.displayName }} components={[<a key="filer" href={`/u/${filer.username}`} />]} />
        </span>
        <RelativeTime date={complaint.createdAt} />
      </div>
      <p className="meta">{t("complaints.private")}</p>
      {suggestion && (
        <p className="meta">
          {t("complaints.view.about")} <a href={`/s/${suggestion.id}`}>{suggestion.title}</a> <StatusBadge status={suggestion.status} />
        </p>
      )}
      {actionData?.changed && (
        <p className="form-error" role="alert">
          {t("complaints.errors.changed")}
        </p>
      )}

      <div className="markdown card" dangerouslySetInnerHTML={{ __html: complaint.html }} />

      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("complaints.view.timeline")}</h2>
        <ol className="timeline">
          <li>
            {t("complaints.view.filed")} · <RelativeTime date={complaint.createdAt} />
          </li>
          {complaint.acknowledgedAt && !(complaint.resolvedAt && complaint.resolvedAt.getTime() === complaint.acknowledgedAt.getTime()) && (
            <li>
              {t("complaints.view.acknowledged")} · <RelativeTime date={complaint.acknowledgedAt} />
            </li>
          )}
          {complaint.resolvedAt && (
            <li>
              {resolverName ? t("complaints.view.resolved", { name: resolverName }) : t("complaints.view.resolvedNoName")} ·{" "}
              <RelativeTime date={complaint.resolvedAt} />
            </li>
          )}
        </ol>
      </section>

      {complaint.resolutionHtml !== null && (
        <section id="resolution" aria-labelledby="resolution-heading" className="card complaint-resolution">
          <h2 id="resolution-heading">{t("complaints.view.resolution")}</h2>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: complaint.resolutionHtml }} />
          {viewer.canRate ? (
            <RateForm key={complaint.resolutionRating} />
          ) : complaint.resolutionRating !== null ? (
            <p>{t("complaints.view.memberRating", { rating: complaint.resolutionRating })}</p>
          ) : (
            <p className="meta">{t("complaints.view.notRated")}</p>
          )}
        </section>
      )}

      <section aria-labelledby="conversation-heading">
        <h2 id="conversation-heading">{t("complaints.view.conversation")}</h2>
        {messages.length === 0 ? (
          <p>{t("complaints.view.noMessages")}</p>
        ) : (
          <ul className="comment-list">
            {messages.map((m) => (
              <li key={m.id} id={`message-${m.id}`} className={`comment${m.fromStaff ? " official" : ""}`}>
                <div className="meta">
                  <a href={`/u/${m.authorUsername}`}>{m.authorName}</a>
                  {m.fromStaff && <span className="badge-staff">{t("complaints.view.staffBadge")}</span>}
                  <RelativeTime date={m.createdAt} />
                </div>
                <div className="markdown" dangerouslySetInnerHTML={{ __html: m.html }} />
              </li>
            ))}
          </ul>
        )}
        {/* A new message remounts the form, so with JavaScript too it comes back empty. */}
        {viewer.canReply ? <ReplyForm key={messages.length} /> : complaint.status === "resolved" && <p className="meta">{t("complaints.view.closed")}</p>}
      </section>

      {(viewer.canAcknowledge || viewer.canResolve) && <StaffActions />}
    </article>
  );
}

function ReplyForm() {
  const { viewer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "complaint-reply",
    lastResult: useResultFor("reply"),
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: complaintMessageSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="card">
      <input type="hidden" name="intent" value="reply" />
      <MarkdownField
        field={fields.body}
        label={t("complaints.view.replyLabel")}
        hint={viewer.isFiler ? t("complaints.view.replyHint") : t("complaints.view.staffReplyHint")}
        rows={5}
      />
      <button type="submit" className="primary">
        {t("complaints.view.send")}
      </button>
    </Form>
  );
}

function StaffActions() {
  const { viewer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "complaint-resolve",
    lastResult: useResultFor("resolve"),
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resolveComplaintSchema }),
  });
  return (
    <section aria-labelledby="handle-heading" className="card complaint-staff">
      <h2 id="handle-heading">{t("complaints.view.handleTitle")}</h2>
      {viewer.canAcknowledge && (
        <Form method="post" className="field">
          <input type="hidden" name="intent" value="acknowledge" />
          <button type="submit">{t("complaints.view.acknowledge")}</button>
          <p className="hint">{t("complaints.view.acknowledgeHint")}</p>
        </Form>
      )}
      {viewer.canResolve && (
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="resolve" />
          <MarkdownField field={fields.note} label={t("complaints.view.resolveLabel")} hint={t("complaints.view.resolveHint")} rows={4} />
          <button type="submit" className="primary">
            {t("complaints.view.resolve")}
          </button>
        </Form>
      )}
    </section>
  );
}

const RATINGS = Array.from({ length: RESOLUTION_RATING_MAX - RESOLUTION_RATING_MIN + 1 }, (_, i) => RESOLUTION_RATING_MIN + i);

function RateForm() {
  const { complaint } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "complaint-rate",
    lastResult: useResultFor("rate"),
    defaultValue: { rating: complaint.resolutionRating === null ? "" : String(complaint.resolutionRating) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rateResolutionSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="rate" />
      <h3>{t("complaints.view.rateTitle")}</h3>
      {complaint.resolutionRating !== null && <p>{t("complaints.view.yourRating", { rating: complaint.resolutionRating })}</p>}
      <fieldset className="field complaint-rating" aria-describedby={fields.rating.errorId}>
        <legend>{t("complaints.view.rateLegend")}</legend>
        {RATINGS.map((n) => (
          <label key={n} className="checkbox">
            <input type="radio" name={fields.rating.name} value={n} defaultChecked={fields.rating.initialValue === String(n)} />
            {t(`complaints.view.ratings.${n}`)}
          </label>
        ))}
        {fields.rating.errors?.length ? (
          <p className="field-error" id={fields.rating.errorId} role="alert">
            {fields.rating.errors.map((e) => t(e)).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <button type="submit" className="primary">
        {t("complaints.view.rate")}
      </button>
    </Form>
  );
}
