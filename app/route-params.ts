import { z } from "zod";

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// A numeric id from the URL; anything else is a page that does not exist.
export function parseId(raw: string | undefined): number {
  const parsed = idSchema.safeParse(raw);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
