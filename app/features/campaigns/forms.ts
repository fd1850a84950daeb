// Staff campaign forms: one schema each, used by the form and the action.
import { z } from "zod";
import { multilineText, titleText } from "~/platform/text-hygiene";

export const CAMPAIGN_TITLE_MAX = 80;
export const CAMPAIGN_BANNER_MAX = 300;
export const PICK_NOTE_MAX = 500;

const title = titleText(
  z
    .string({ error: "forms.required" })
    .trim()
    .min(1, "forms.required")
    .max(CAMPAIGN_TITLE_MAX, "campaigns.errors.titleLength"),
);
const banner = multilineText(z.string().trim().max(CAMPAIGN_BANNER_MAX, "campaigns.errors.bannerLength")).default("");

// An <input type="datetime-local"> ("2025-06-01T09:30"), read as UTC so the same form means
// the same moment on every server.
const moment = z
  .string({ error: "campaigns.errors.moment" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "campaigns.errors.moment")
  .transform((value, ctx) => {
    const date = new Date(`${value}Z`);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "campaigns.errors.moment" });
      return z.NEVER;
    }
    return date;
  });

export const campaignSchema = z
  .object({
    board: z.string({ error: "campaigns.errors.board" }).trim().min(1, "campaigns.errors.board"),
    titleEn: title,
    titleZh: title,
    bannerEn: banner,
    bannerZh: banner,
    startsAt: moment,
    endsAt: moment,
  })
  // Compared only once both moments parsed (a bad one has its own message already).
  .refine((c) => !(c.startsAt instanceof Date && c.endsAt instanceof Date) || c.endsAt.getTime() > c.startsAt.getTime(), {
    path: ["endsAt"],
    message: "campaigns.errors.endBeforeStart",
  });

const suggestionId = z
  .number({ error: "campaigns.errors.chooseEntry" })
  .int("campaigns.errors.chooseEntry")
  .positive("campaigns.errors.chooseEntry");

export const pickSchema = z.object({
  suggestionId,
  note: multilineText(z.string().trim().max(PICK_NOTE_MAX, "campaigns.errors.noteLength")).default(""),
});

export const unpickSchema = z.object({ suggestionId });
