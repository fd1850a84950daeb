// The profile settings forms at /account: one zod schema each, shared by form and action.
// Messages are i18n keys.
import { z } from "zod";

export const BIO_MAX_LENGTH = 500;

export const profileSchema = z.object({
  displayName: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(50, "forms.displayNameLength"),
  bio: z.string().trim().max(BIO_MAX_LENGTH, "account.profile.bioLength").optional(),
});

export const emailChangeSchema = z.object({
  newEmail: z.string({ error: "forms.required" }).trim().max(254, "forms.emailInvalid").pipe(z.email("forms.emailInvalid")),
  currentPassword: z.string({ error: "forms.required" }).min(1, "forms.required").max(128, "forms.passwordLength"),
});

export const avatarAltSchema = z.object({ intent: z.enum(["upload", "remove"]) });
