// Notification forms: marking the inbox read, and the kind × channel settings grid.
import { z } from "zod";
import { NOTIFICATION_KINDS, type NotificationKind } from "#db/enums";

export const markReadSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read-all") }),
  z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive() }),
]);

// An unchecked checkbox is simply absent from the form, so every switch is optional and
// absent means off.
const channels = z.object({ inApp: z.boolean().optional(), email: z.boolean().optional() }).optional();

export const notificationSettingsSchema = z.object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channels])) as Record<NotificationKind, typeof channels>,
);
