// Staff release forms: one schema each, used by the form and the action.
import { z } from "zod";
import { multilineText, titleText } from "~/platform/text-hygiene";
import { NOTE_MAX } from "~/features/lifecycle/lifecycle";

export const RELEASE_NAME_MAX = 80;
export const RELEASE_NOTES_MAX = 5000;

export const releaseSchema = z.object({
  name: titleText(
    z
      .string({ error: "forms.required" })
      .trim()
      .min(1, "forms.required")
      .max(RELEASE_NAME_MAX, "releases.errors.nameLength"),
  ),
  notes: multilineText(z.string().trim().max(RELEASE_NOTES_MAX, "releases.errors.notesLength")).default(""),
  // An <input type="date">: conform turns "2025-06-01" into midnight UTC of that day.
  releasedAt: z.date({ error: "releases.errors.date" }),
});

const id = (message: string) => z.number({ error: message }).int(message).positive(message);

// Ship a planned or in-progress suggestion into a release (a lifecycle change).
export const shipIntoReleaseSchema = z.object({
  suggestionId: id("releases.errors.chooseSuggestion"),
  releaseId: id("releases.errors.chooseRelease"),
  note: multilineText(z.string().trim().max(NOTE_MAX, "releases.errors.noteLength")).default(""),
});

// Add a suggestion that already shipped without a release to one.
export const addToReleaseSchema = shipIntoReleaseSchema.pick({ suggestionId: true, releaseId: true });
