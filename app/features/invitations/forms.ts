// The /invite page's one form: make a new invite code (the budget is checked on the server).
import { z } from "zod";

export const createInvitationSchema = z.object({
  intent: z.literal("create", { error: "forms.required" }),
});
