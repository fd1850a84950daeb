import { z } from "zod";
import { SUGGESTION_STATUSES } from "#db/enums";
import { COMMENT_MAX } from "~/features/suggestions/forms";
import { NOTE_MAX } from "~/features/lifecycle/lifecycle";
import { SAVED_REPLY_BODY_MAX, SAVED_REPLY_TITLE_MAX, unknownPlaceholders } from "./saved-replies";

// An empty choice means "keep the status as it is".
const optionalStatus = z.preprocess((v) => (v === "" ? undefined : v), z.enum(SUGGESTION_STATUSES, { error: "forms.invalid" }).optional());

// Answering from the queue or the answer page: an official reply, with a status change.
export const answerSchema = z.object({
  body: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(COMMENT_MAX, "forms.commentLength"),
  to: optionalStatus,
  savedReplyId: z.number().int().positive().optional(),
});

const templateBody = z
  .string({ error: "forms.required" })
  .trim()
  .min(1, "forms.required")
  .max(SAVED_REPLY_BODY_MAX, "staff.replies.errors.bodyLength")
  .refine((body) => unknownPlaceholders(body).length === 0, "staff.replies.errors.placeholder");

export const savedReplySchema = z.object({
  id: z.number().int().positive().optional(),
  title: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(SAVED_REPLY_TITLE_MAX, "staff.replies.errors.titleLength"),
  bodyEn: templateBody,
  bodyZh: templateBody,
  status: optionalStatus,
});

export const deleteSavedReplySchema = z.object({ id: z.number().int().positive() });

// Bulk actions on the queue: one of three, on the suggestions ticked.
export const BULK_MAX = 100;
export const bulkSchema = z.discriminatedUnion("bulk", [
  z.object({
    bulk: z.literal("status"),
    ids: z.array(z.number().int().positive()).min(1, "staff.bulk.errors.none").max(BULK_MAX, "staff.bulk.errors.tooMany"),
    to: z.enum(SUGGESTION_STATUSES, { error: "forms.required" }),
    note: z.string().trim().max(NOTE_MAX, "lifecycle.errors.noteTooLong").default(""),
  }),
  z.object({
    bulk: z.literal("tag"),
    ids: z.array(z.number().int().positive()).min(1, "staff.bulk.errors.none").max(BULK_MAX, "staff.bulk.errors.tooMany"),
    tag: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(64, "forms.unknownTag"),
  }),
  z.object({
    bulk: z.literal("board"),
    ids: z.array(z.number().int().positive()).min(1, "staff.bulk.errors.none").max(BULK_MAX, "staff.bulk.errors.tooMany"),
    board: z.string({ error: "forms.required" }).trim().min(1, "forms.required").max(64, "forms.unknownBoard"),
  }),
]);

// Taking back a wrong status change (shipped included): the note says why, publicly.
export const revertSchema = z.object({
  statusChangeId: z.number().int().positive(),
  note: z.string({ error: "lifecycle.errors.noteRequired" }).trim().min(1, "lifecycle.errors.noteRequired").max(NOTE_MAX, "lifecycle.errors.noteTooLong"),
});
