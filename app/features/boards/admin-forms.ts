import { z } from "zod";
import { multilineText, titleText } from "~/platform/text-hygiene";
import { ROLES } from "#db/enums";

export const boardSchema = z.object({
  boardId: z.number().int().positive().optional(),
  slug: z
    .string({ error: "forms.required" })
    .trim()
    .min(2, "admin.errors.slug")
    .max(40, "admin.errors.slug")
    .regex(/^[a-z0-9-]+$/, "admin.errors.slug"),
  nameEn: titleText(z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(60, "admin.errors.name")),
  nameZh: titleText(z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(60, "admin.errors.name")),
  descriptionEn: multilineText(z.string().trim().max(300, "admin.errors.description")).default(""),
  descriptionZh: multilineText(z.string().trim().max(300, "admin.errors.description")).default(""),
  visibility: z.enum(["public", "early_access"], { error: "forms.invalid" }),
  position: z.number({ error: "forms.invalid" }).int("forms.invalid").min(0, "forms.invalid").max(1000, "forms.invalid").default(0),
});

export const roleSchema = z.object({
  username: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(64, "admin.errors.noMember"),
  role: z.enum(ROLES, { error: "forms.invalid" }),
});
