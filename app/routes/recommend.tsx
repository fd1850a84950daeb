import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser, safeRedirect } from "~/features/accounts/auth.server";
import { RecommendationSurvey } from "~/features/scoring/recommendation-survey-view";
import { recommendationSchema } from "~/features/scoring/recommendation-form";
import { titleMeta } from "~/i18n/meta";
import { recordRecommendation, shouldAskRecommendation, snoozeCookie } from "~/features/scoring/recommendations.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "leads.survey.question");

// The survey as a page of its own: where a member lands when an answer needs correcting,
// and a link that works from anywhere. Not asked: back to the home page.
export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  if (!shouldAskRecommendation(user, request)) throw redirect("/");
  return { redirectTo: "/" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: recommendationSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const back = safeRedirect(submission.value.redirectTo);
  const now = new Date();
  if (submission.value.intent === "snooze") return redirect(back, { headers: { "Set-Cookie": snoozeCookie(now) } });
  // Answering twice in a quarter (a replayed form) changes nothing; the member just moves on.
  recordRecommendation({ userId: user.id, score: submission.value.score, comment: submission.value.comment, now });
  return redirect(back);
}

export default function RecommendPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <RecommendationSurvey redirectTo={redirectTo} lastResult={actionData?.result} />;
}
