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
  // Links in emails point here.
  APP_URL: z.url().default("http://localhost:3000"),
  // Outgoing mail, e.g. smtp://user:pass@mail.example:587. Unset: emails are recorded as
  // "not_sent" and nothing else changes.
  SMTP_URL: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(1).default("Sprout <no-reply@sprout.localhost>"),
  // Signs unsubscribe links. Unset: a random secret is kept in the database (settings), so
  // links stay unforgeable and valid across restarts without any configuration.
  APP_SECRET: z.string().min(16).optional(),
  // Where uploaded images (avatars, screenshots) are kept; the backup copies it.
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  // How often each server process looks for complaints and suggestions past their target to
  // alert the staff on duty; 0 turns the sweep off (the E2E server: its tests compare the
  // database before and after requests, which a background writer would race).
  STAFF_ALERT_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  // Sign-up attempts per address per hour (app/features/accounts/signup-throttle.ts).
  // Password-reset requests one network address may make per hour, whoever they name: stops
  // a script walking through usernames or addresses.
  RESET_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  // Failed logins from one address, over any accounts, before it is locked out for a while.
  LOGIN_LOCK_PER_ADDRESS: z.coerce.number().int().min(1).default(8),
  SIGNUP_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).default(10),
  // Visitors' whole pages kept in memory (server/page-cache.ts); "off" renders every request
  // (the bench measures visitors' pages both ways, and its bare Remix baseline without it).
  PAGE_CACHE: z
    .enum(["on", "off"])
    .default("on")
    .transform((v) => v === "on"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

// Tests change process.env (e.g. SMTP_URL of a loopback server) and read it afresh.
export function resetEnv() {
  cached = undefined;
}
