import { z } from "zod";
import { isBadgeId } from "~/features/honors/rules/badges";
import { isHonorLevel } from "~/features/honors/rules/levels";

// Staff mark a comment helpful on a suggestion's page (or take the mark back).
export const helpfulSchema = z.object({
  commentId: z.number().int().positive(),
  helpful: z.enum(["true", "false"]).transform((value) => value === "true"),
});

const username = z.string({ error: "forms.required" }).trim().min(1, "forms.required");

// Admin: a badge given by hand. Unknown badges are refused before anything is looked up.
export const grantBadgeSchema = z.object({
  username,
  badgeId: z.string({ error: "forms.required" }).refine(isBadgeId, "badges.admin.errors.unknownBadge"),
  suggestionId: z.number().int("forms.invalid").positive("forms.invalid").optional(),
});

// Admin: a member's level by hand; "auto" gives the computed level back.
export const setLevelSchema = z.object({
  username,
  level: z
    .string({ error: "forms.required" })
    .refine((value) => value === "auto" || isHonorLevel(Number(value)), "forms.invalid")
    .transform((value) => (value === "auto" ? null : Number(value))),
});
