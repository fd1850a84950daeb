// The recommendation survey's form: answer (0–10 and an optional comment) or "not now".
import { z } from "zod";
import { multilineText } from "~/platform/text-hygiene";
import { SURVEY_COMMENT_MAX } from "~/features/scoring/recommendation-survey";

export const recommendationSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("answer"),
    score: z.number({ error: "leads.survey.scoreRequired" }).int("leads.survey.scoreRequired").min(0, "leads.survey.scoreRequired").max(10, "leads.survey.scoreRequired"),
    comment: multilineText(z.string().trim().max(SURVEY_COMMENT_MAX, "leads.survey.commentLength")).default(""),
    redirectTo: z.string().max(2000).optional(),
  }),
  z.object({ intent: z.literal("snooze"), redirectTo: z.string().max(2000).optional() }),
]);
