import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "~/features/accounts/auth.server";
import { AnswerPanel } from "~/features/staff/answer-panel";
import { answerSuggestion, answerView } from "~/features/staff/answers.server";
import { answerSchema } from "~/features/staff/forms";
import { titleMeta } from "~/i18n/meta";
import { errorField } from "~/features/lifecycle/lifecycle";
import { STAFF_ROLES } from "~/features/roles/permissions";
import { parseId } from "~/platform/route-params";

// One suggestion to answer, the form first: the queue's answer panel as a page of its own,
// for browsers without JavaScript (and a link to keep). After an answer the next waiting
// suggestion's page follows; the queue's panel asks for data instead (`then=queue`).
export function loader({ params, request }: LoaderFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const view = answerView(parseId(params.id), user);
  if (!view) throw new Response("Not found", { status: 404 });
  const picked = Number(new URL(request.url).searchParams.get("reply"));
  return { ...view, pickedReplyId: view.savedReplies.some((r) => r.id === picked) ? picked : null };
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, (t) => (data ? t("staff.answer.title", { title: data.suggestion.title }) : t("common.errors.notFoundTitle")));

export async function action({ params, request }: ActionFunctionArgs) {
  const user = requireRole(request, STAFF_ROLES);
  const id = parseId(params.id);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: answerSchema });
  if (submission.status !== "success") return data({ answer: submission.reply(), answered: null }, { status: 400 });
  const answered = answerSuggestion({ suggestionId: id, actorId: user.id, ...submission.value });
  if (!answered.ok && answered.reason === "not_found") throw new Response("Not found", { status: 404 });
  if (!answered.ok) {
    const field = errorField(answered.error) === "note" ? "body" : "to";
    return data({ answer: submission.reply({ fieldErrors: { [field]: [answered.error] } }), answered: null }, { status: 400 });
  }
  if (formData.get("then") === "queue") return { answer: null, answered: { id, nextId: answered.nextId } };
  return redirect(answered.nextId === null ? "/staff?answered=1" : `/staff/answer/${answered.nextId}`);
}

export default function AnswerPage() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <article className="answer-page">
      <p className="meta">
        <a href="/staff">{t("staff.answer.backToQueue")}</a>
      </p>
      <h1>{view.suggestion.title}</h1>
      <AnswerPanel view={view} formFirst pickedReplyId={view.pickedReplyId} lastResult={actionData?.answer} />
    </article>
  );
}
