import { z } from "zod";
import { multilineText } from "~/platform/text-hygiene";
import { SUGGESTION_STATUSES } from "#db/enums";
import { isNoteRequired, NOTE_MAX } from "~/features/lifecycle/lifecycle";

// Staff forms on a suggestion's page. The lifecycle module has the final word on the
// server; these checks only let the browser say the same thing before posting.
export const statusChangeSchema = z
  .object({
    to: z.enum(SUGGESTION_STATUSES, { error: "forms.required" }),
    note: multilineText(z.string().trim().max(NOTE_MAX, "lifecycle.errors.noteTooLong")).default(""),
  })
  .superRefine((value, ctx) => {
    if (isNoteRequired(value.to) && value.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "lifecycle.errors.noteRequired" });
    }
  });

export const mergeSchema = z.object({
  targetId: z.number({ error: "forms.required" }).int("forms.invalid").positive("forms.invalid"),
  // Merging declares a duplicate, which always needs its public note.
  note: multilineText(
    z
      .string({ error: "lifecycle.errors.noteRequired" })
      .trim()
      .min(1, "lifecycle.errors.noteRequired")
      .max(NOTE_MAX, "lifecycle.errors.noteTooLong"),
  ),
});

export const undoMergeSchema = z.object({ mergeId: z.number().int().positive() });
