import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { recommendationSchema } from "~/features/scoring/recommendation-form";
import { SURVEY_COMMENT_MAX } from "~/features/scoring/recommendation-survey";

const SCORES = Array.from({ length: 11 }, (_, i) => i);

// The small "would you recommend us?" card: 0–10, an optional comment, or "not now". Posts to
// /recommend, which also shows it as a page when an answer needs correcting.
export function RecommendationSurvey({ redirectTo, lastResult }: { redirectTo: string; lastResult?: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "recommendation-survey",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: recommendationSchema }),
  });
  return (
    <section className="card recommendation-survey" aria-labelledby="survey-heading" data-testid="recommendation-survey">
      <h2 id="survey-heading">{t("leads.survey.question")}</h2>
      <Form method="post" action="/recommend" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError errors={form.errors} />
        <fieldset className="field survey-scores" aria-describedby={fields.score.errors ? fields.score.errorId : undefined}>
          <legend>{t("leads.survey.scaleLegend")}</legend>
          {SCORES.map((score) => (
            <label key={score} className="survey-score">
              <input type="radio" name={fields.score.name} value={score} aria-label={t("leads.survey.scoreLabel", { score })} />
              <span aria-hidden="true">{score}</span>
            </label>
          ))}
          {fields.score.errors?.length ? (
            <p className="field-error" id={fields.score.errorId} role="alert">
              {fields.score.errors.map((e) => t(e)).join(" ")}
            </p>
          ) : null}
        </fieldset>
        <Field field={fields.comment} label={t("leads.survey.commentLabel")}>
          <textarea {...getTextareaProps(fields.comment)} rows={2} maxLength={SURVEY_COMMENT_MAX} />
        </Field>
        <button type="submit" name="intent" value="answer" className="primary">
          {t("leads.survey.submit")}
        </button>{" "}
        <button type="submit" name="intent" value="snooze" formNoValidate>
          {t("leads.survey.notNow")}
        </button>
      </Form>
    </section>
  );
}
