// Server secrets without configuration: APP_SECRET when set, otherwise a random value made
// once and kept in the settings table under `key`, so what it signs or salts stays valid
// across restarts.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { settings } from "#db/schema";
import { getDb } from "~/platform/db.server";
import { env } from "~/platform/env.server";

export function appSecret(key: string): string {
  const configured = env().APP_SECRET;
  if (configured) return configured;
  const db = getDb();
  db.insert(settings)
    .values({ key, value: JSON.stringify(randomBytes(32).toString("base64url")), updatedAt: new Date() })
    .onConflictDoNothing()
    .run();
  return JSON.parse(db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()!.value) as string;
}
