import { z } from "zod";
import { multilineText, titleText } from "~/platform/text-hygiene";

export const TITLE_MIN = 8;
export const TITLE_MAX = 140;
export const BODY_MAX = 20_000;
export const MAX_TAGS = 5;

export const suggestionSchema = z.object({
  title: titleText(
    z
      .string({ error: "forms.required" })
      .trim()
      .min(TITLE_MIN, "forms.titleLength")
      .max(TITLE_MAX, "forms.titleLength"),
  ),
  body: multilineText(z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(BODY_MAX, "forms.bodyLength")),
  board: z.string({ error: "forms.boardRequired" }).trim().min(1, "forms.boardRequired").max(64, "forms.unknownBoard"),
  tags: z
    .array(z.string().trim().max(64, "forms.unknownTag"))
    .max(MAX_TAGS, "forms.tooManyTags")
    .default([]),
});

export const suggestionEditSchema = suggestionSchema.pick({ title: true, body: true });

export const COMMENT_MAX = 10_000;

export const commentSchema = z.object({
  body: multilineText(z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(COMMENT_MAX, "forms.commentLength")),
  parentId: z.number().int().positive().optional(),
  official: z.boolean().optional(),
});
