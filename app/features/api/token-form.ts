// The access-token form (/account/tokens); messages are i18n keys.
import { z } from "zod";
import { API_SCOPES } from "#db/enums";

export const createTokenSchema = z.object({
  name: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(60, "api.tokens.errors.nameLength"),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "api.tokens.errors.scope" }), { error: "api.tokens.errors.noScope" })
    .min(1, "api.tokens.errors.noScope"),
  // Days until it expires; empty: never.
  expiresInDays: z.number({ error: "api.tokens.errors.expiry" }).int("api.tokens.errors.expiry").min(1, "api.tokens.errors.expiry").max(365, "api.tokens.errors.expiry").optional(),
});

export const revokeTokenSchema = z.object({ tokenId: z.number().int().positive() });
