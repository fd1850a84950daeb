// The one place that reads configuration: validated once, typed everywhere.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default("./data/sprout.db"),
  // Browsers accept Secure cookies on http://localhost; set to "false" only for plain-HTTP
  // hosts other than localhost (never in production).
  SECURE_COOKIES: z
    .enum(["true", "false"])
    .default("true")
    .transform((v) => v === "true"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}
