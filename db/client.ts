// Opens the SQLite file the way Sprout always uses it: WAL so readers never wait for the
// writer, foreign keys on, and a busy timeout so concurrent writers queue instead of failing.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

// Commands run from the project's root (npm scripts, tests), so resolve from there: this
// module is also bundled into the server build, where its own URL points elsewhere.
export const MIGRATIONS_FOLDER = path.resolve("db", "migrations");

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // The query planner needs statistics to choose between a big table's indexes: without them
  // the home page's hot list sorted whole boards (0.7 s at 100,000 suggestions instead of
  // 2 ms). This analyzes what was never analyzed or changed a lot since, within SQLite's own
  // limits (about 2 s for the large benchmark set once, nothing when no table is due).
  sqlite.pragma("optimize = 0x10002");
  return drizzle(sqlite, { schema });
}

export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
  migrate(db, { migrationsFolder });
}
