import { z } from "zod";

// Only the canonical spelling: "0x10", "1.0", "1e1", " 16" and "016" coerced to numbers and
// answered 200, one page under many addresses.
const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,15}$/)
  .transform(Number)
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

// A numeric id from the URL; anything else is a page that does not exist.
export function parseId(raw: string | undefined): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
