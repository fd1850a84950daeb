import { z } from "zod";
import { multilineText, titleText } from "~/platform/text-hygiene";
import { COMPLAINT_SUBJECTS } from "#db/enums";
import { RESOLUTION_RATING_MAX, RESOLUTION_RATING_MIN } from "~/features/complaints/complaint-rules";
import { TITLE_MAX, TITLE_MIN } from "~/features/suggestions/forms";

export const COMPLAINT_BODY_MAX = 5_000;

const text = (max: number) =>
  multilineText(z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(max, "complaints.errors.bodyLength"));

// Members paste what they have: "42", "#42" or a link to /s/42.
const suggestionReference = z
  .string()
  .trim()
  .max(2_000, "complaints.errors.suggestionFormat")
  .transform((value, ctx) => {
    const id = /^(?:#?(\d+)|(?:.*\/)?s\/(\d+)(?:[/?#].*)?)$/.exec(value);
    const parsed = id ? Number(id[1] ?? id[2]) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed <= 0) {
      ctx.addIssue({ code: "custom", message: "complaints.errors.suggestionFormat" });
      return z.NEVER;
    }
    return parsed;
  })
  .optional();

export const complaintSchema = z.object({
  subject: z.enum(COMPLAINT_SUBJECTS, { error: "complaints.errors.subjectRequired" }),
  suggestion: suggestionReference,
  title: titleText(z.string({ error: "forms.required" }).trim().min(TITLE_MIN, "forms.titleLength").max(TITLE_MAX, "forms.titleLength")),
  body: text(COMPLAINT_BODY_MAX),
});

export const complaintMessageSchema = z.object({ body: text(COMPLAINT_BODY_MAX) });

export const resolveComplaintSchema = z.object({ note: text(COMPLAINT_BODY_MAX) });

export const rateResolutionSchema = z.object({
  rating: z
    .number({ error: "complaints.errors.ratingRange" })
    .int("complaints.errors.ratingRange")
    .min(RESOLUTION_RATING_MIN, "complaints.errors.ratingRange")
    .max(RESOLUTION_RATING_MAX, "complaints.errors.ratingRange"),
});
