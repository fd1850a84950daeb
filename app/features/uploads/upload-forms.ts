// The alt-text form of an attached image (messages are i18n keys).
import { z } from "zod";
import { IMAGE_LIMITS } from "~/features/uploads/image-rules";

export const altTextSchema = z.object({
  attachmentId: z.coerce.number().int().positive(),
  alt: z.string().trim().max(IMAGE_LIMITS.maxAltLength, "uploads.altLength").optional(),
});
