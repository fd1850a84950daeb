import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RATING_COMMENT_MAX, RATING_MAX, RATING_MIN, type RatingSummary } from "~/features/ratings/experience-report";
import { Field, FormError, steadyValidation } from "~/components/field";
import { ratingSchema } from "~/features/ratings/forms";

export type ExperienceReportView = {
  summary: RatingSummary;
  canRate: boolean;
  mine: { score: number; comment: string } | null;
};

const SCORES = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MAX - i);

// The experience report on a shipped suggestion: how the people who asked for it rate it,
// and, for those people, the form to rate it (again).
export function ExperienceReport({
  suggestionId,
  report,
  loggedIn,
  lastResult,
}: {
  suggestionId: number;
  report: ExperienceReportView;
  loggedIn: boolean;
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const { summary } = report;
  return (
    <section id="rating" className="card experience-report" aria-labelledby="rating-heading">
      <h2 id="rating-heading">{t("ratings.heading")}</h2>
      <p className="meta">{t("ratings.intro")}</p>
      {summary.average === null ? (
        <p data-testid="rating-summary">{t("ratings.none")}</p>
      ) : (
        <>
          <p data-testid="rating-summary">
            <strong>{t("ratings.summary", { average: summary.average.toFixed(1), count: summary.count })}</strong>
          </p>
          <ul className="rating-bars" aria-label={t("ratings.distribution")}>
            {SCORES.map((score) => {
              const n = summary.distribution[score - RATING_MIN];
              return (
                <li key={score}>
                  <span>{t("ratings.stars", { count: score })}</span>
                  <span className="rating-bar" aria-hidden="true">
                    <span style={{ width: `${(100 * n) / summary.count}%` }} />
                  </span>
                  <span>{n}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {report.canRate ? (
        <RatingForm suggestionId={suggestionId} mine={report.mine} lastResult={lastResult} />
      ) : loggedIn ? (
        <p className="meta">{t("ratings.notInvolved")}</p>
      ) : (
        <p>
          <a href={`/login?redirectTo=${encodeURIComponent(`/s/${suggestionId}#rating`)}`}>{t("ratings.logIn")}</a>
        </p>
      )}
    </section>
  );
}

function RatingForm({
  suggestionId,
  mine,
  lastResult,
}: {
  suggestionId: number;
  mine: ExperienceReportView["mine"];
  lastResult?: SubmissionResult<string[]> | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "rating-form",
    lastResult,
    defaultValue: mine ? { score: String(mine.score), comment: mine.comment } : undefined,
    ...steadyValidation,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ratingSchema }),
  });
  return (
    <Form method="post" action={`/s/${suggestionId}`} {...getFormProps(form)}>
      <input type="hidden" name="intent" value="rate" />
      {mine && <p>{t("ratings.yourRating", { score: mine.score })}</p>}
      <FormError errors={form.errors} />
      <fieldset className="field rating-scores" aria-describedby={fields.score.errors ? fields.score.errorId : undefined}>
        <legend>{t("ratings.scoreLabel")}</legend>
        {SCORES.map((score) => (
          <label key={score} className="checkbox">
            <input
              type="radio"
              name={fields.score.name}
              value={score}
              defaultChecked={fields.score.initialValue === String(score)}
              required
            />
            {t(`ratings.scores.${score}`)}
          </label>
        ))}
        {fields.score.errors?.length ? (
          <p className="field-error" id={fields.score.errorId} role="alert">
            {fields.score.errors.map((e) => t(e)).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field field={fields.comment} label={t("ratings.commentLabel")} hint={t("ratings.commentHint")}>
        <textarea
          {...getTextareaProps(fields.comment, { ariaDescribedBy: fields.comment.descriptionId })}
          rows={3}
          maxLength={RATING_COMMENT_MAX}
        />
      </Field>
      <button type="submit" className="primary">
        {mine ? t("ratings.update") : t("ratings.submit")}
      </button>
    </Form>
  );
}
