// Admin-editable settings, stored one JSON value per key in the settings table. Reading never
// fails: a missing or no longer valid value falls back to its default.
import { inArray, sql } from "drizzle-orm";
import { settings } from "#db/schema";
import { getDb, preparedQuery } from "~/platform/db.server";
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from "~/platform/settings-form";

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

// Read by every vote and sign-up (whether an email must be confirmed first): compiled once.
const storedSettings = preparedQuery((db) => db.select().from(settings).where(inArray(settings.key, KEYS)).prepare());

// `db` for scripts that fill a database other than the app's (the demo seed).
export function getSettings(db = getDb()): Settings {
  const rows = storedSettings(db).all();
  const result = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    const key = row.key as keyof Settings;
    let stored: unknown;
    try {
      stored = JSON.parse(row.value);
    } catch {
      continue;
    }
    const parsed = settingsSchema.shape[key].safeParse(stored);
    if (parsed.success) Object.assign(result, { [key]: parsed.data });
  }
  return result;
}

export function getSetting<K extends keyof Settings>(key: K, db = getDb()): Settings[K] {
  return getSettings(db)[key];
}

// Callers check that an admin is asking. Values are validated again here, so no caller can
// store something that reading would have to throw away.
export function saveSettings(values: Partial<Settings>, now = new Date()): Settings {
  const valid = settingsSchema.partial().parse(values);
  const db = getDb();
  db.transaction((tx) => {
    // Only the keys given: a schema default must not overwrite a value saved earlier.
    for (const key of Object.keys(values) as (keyof Settings)[]) {
      const value = valid[key];
      if (value === undefined) continue;
      tx.insert(settings)
        .values({ key, value: JSON.stringify(value), updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: now } })
        .run();
    }
  }, { behavior: "immediate" });
  return getSettings();
}
