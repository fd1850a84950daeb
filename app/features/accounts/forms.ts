// Account forms: one schema each, used by the form (client validation) and the action.
// Messages are i18n keys, translated where they are shown.
import { z } from "zod";
import { titleText } from "~/platform/text-hygiene";
import { hasTeamSuffix, isReservedUsername } from "~/features/accounts/reserved-names";

export const USERNAME_PATTERN = /^[a-zA-Z0-9_-]+$/;

export const signupSchema = z.object({
  username: z
    .string({ error: "forms.required" })
    .trim()
    .min(3, "forms.usernameLength")
    .max(30, "forms.usernameLength")
    .regex(USERNAME_PATTERN, "forms.usernameCharacters")
    .refine((name) => !isReservedUsername(name), "forms.usernameReserved"),
  email: z.string({ error: "forms.required" }).trim().max(254, "forms.emailInvalid").pipe(z.email("forms.emailInvalid")),
  password: z.string({ error: "forms.required" }).min(8, "forms.passwordLength").max(128, "forms.passwordLength"),
  displayName: titleText(z.string().trim().max(50, "forms.displayNameLength"))
    .refine((name) => !hasTeamSuffix(name), "forms.displayNameReserved")
    .optional(),
  // Required only when registration is invite-only (checked on the server, which knows).
  invite: z.string().trim().max(40, "invitations.refused.forged").optional(),
  // A field hidden from people: bots fill it in, and their signup is refused.
  website: z.string().max(0, "forms.honeypot").optional(),
  redirectTo: z.string().optional(),
}).refine((form) => form.password.trim().toLowerCase() !== form.username.toLowerCase(), { path: ["password"], message: "forms.passwordIsUsername" });

export const loginSchema = z.object({
  username: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(254, "forms.required"),
  password: z.string({ error: "forms.required" }).min(1, "forms.required").max(128, "forms.passwordLength"),
  redirectTo: z.string().optional(),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "forms.required" }).min(1, "forms.required").max(128, "forms.passwordLength"),
  newPassword: z.string({ error: "forms.required" }).min(8, "forms.passwordLength").max(128, "forms.passwordLength"),
  endOtherSessions: z.boolean().optional(),
});

export const forgotPasswordSchema = z.object({
  identifier: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(254, "forms.required"),
});

export const resetPasswordSchema = z.object({
  password: z.string({ error: "forms.required" }).min(8, "forms.passwordLength").max(128, "forms.passwordLength"),
});

export const deleteAccountSchema = z.object({
  password: z.string({ error: "forms.required" }).min(1, "forms.required").max(128, "forms.passwordLength"),
});
