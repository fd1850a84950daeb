import { z } from "zod";

// Admin settings: one schema for the form, the action and for reading stored values back.
export const settingsSchema = z.object({
  // How long a suggestion may wait for an official reply before its clock turns red.
  responseTargetHours: z
    .number({ error: "forms.required" })
    .int("staff.settings.targetRange")
    .min(1, "staff.settings.targetRange")
    .max(720, "staff.settings.targetRange"),
  // Asks members "How likely are you to recommend …?" at most once a quarter.
  recommendationSurveyEnabled: z.boolean().default(false),
  // Registration only with an invite code (app/features/invitations/invitations.server.ts); codes are single-use.
  // An unticked checkbox sends nothing, which means off.
  inviteOnly: z.boolean().default(false),
  // New members vote only once they followed the link emailed at sign-up.
  requireEmailVerification: z.boolean().default(false),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { responseTargetHours: 24, recommendationSurveyEnabled: false, inviteOnly: false, requireEmailVerification: false };
