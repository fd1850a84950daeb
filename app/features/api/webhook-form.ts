// The admin's webhook forms (/admin/webhooks); messages are i18n keys.
import { z } from "zod";
import { WEBHOOK_EVENTS } from "#db/enums";

export const webhookEndpointSchema = z.object({
  url: z.string({ error: "forms.required" }).trim().max(2000, "api.webhooks.errors.url").pipe(z.url({ protocol: /^https?$/, error: "api.webhooks.errors.url" })),
  events: z.array(z.enum(WEBHOOK_EVENTS), { error: "api.webhooks.errors.noEvent" }).min(1, "api.webhooks.errors.noEvent"),
});

export const webhookIdSchema = z.object({ id: z.number().int().positive() });
export const allowPrivateSchema = z.object({ allowPrivate: z.boolean().default(false) });
