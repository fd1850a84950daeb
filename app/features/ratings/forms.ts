// The experience report's form: a score from 1 to 5 and an optional comment.
import { z } from "zod";
import { multilineText } from "~/platform/text-hygiene";
import { RATING_COMMENT_MAX, RATING_MAX, RATING_MIN } from "~/features/ratings/experience-report";

export const ratingSchema = z.object({
  score: z
    .number({ error: "ratings.errors.score" })
    .int("ratings.errors.score")
    .min(RATING_MIN, "ratings.errors.score")
    .max(RATING_MAX, "ratings.errors.score"),
  comment: multilineText(z.string().trim().max(RATING_COMMENT_MAX, "ratings.errors.commentLength")).default(""),
});
