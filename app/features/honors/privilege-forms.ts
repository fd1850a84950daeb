// The forms behind the privileges of honor levels (app/features/honors/rules/privileges.ts) on a suggestion's page
// and its edit page. Error messages are i18n keys.
import { z } from "zod";
import { multilineText } from "~/platform/text-hygiene";
import { NOTE_MAX } from "~/features/lifecycle/lifecycle";
import { MAX_TAGS, suggestionSchema } from "~/features/suggestions/forms";

export const FLAG_REASON_MAX = 500;

export const tagsSchema = z.object({
  tags: z.array(z.string().trim().max(64, "forms.unknownTag")).max(MAX_TAGS, "forms.tooManyTags").default([]),
});

export const flagSchema = z.object({
  reason: multilineText(z.string().trim().max(FLAG_REASON_MAX, "privileges.errors.reasonTooLong")).default(""),
});

export const flagReviewSchema = z.object({ decision: z.enum(["restore", "keep_hidden"]) });

// A suggestion's number, or a link to it ("/s/42", "https://…/s/42"): what a member copies.
export const mergeProposalSchema = z.object({
  target: z
    .string({ error: "privileges.errors.targetRequired" })
    .trim()
    .regex(/^(?:.*\/s\/)?#?(\d{1,15})\/?$/, "privileges.errors.targetFormat")
    .transform((value) => Number(/(\d+)\/?$/.exec(value)![1])),
});

export const mergeDecisionSchema = z.object({
  proposalId: z.number().int().positive(),
  decision: z.enum(["accept", "reject"]),
  note: multilineText(z.string().trim().max(NOTE_MAX, "lifecycle.errors.noteTooLong")).default(""),
});

// Level-3 members edit the title of someone else's suggestion, never its body.
export const titleEditSchema = suggestionSchema.pick({ title: true });
