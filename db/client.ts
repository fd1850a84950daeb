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

// How long a write waits for another connection's (another worker's) write lock.
const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // The query planner needs statistics to choose between a big table's indexes: without them
  // the home page's hot list sorted whole boards (0.7 s at 100,000 suggestions instead of
  // 2 ms). This analyzes what was never analyzed or changed a lot since, within SQLite's own
  // limits (about 2 s for the large benchmark set once, nothing when no table is due).
  sqlite.pragma("optimize = 0x10002");
  return drizzle(sqlite, { schema });
}

function isBusy(error: unknown): boolean {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  const found = code ?? cause?.code;
  return typeof found === "string" && found.startsWith("SQLITE_BUSY");
}

// SQLite waits for another worker's write lock by sleeping the whole thread (1 ms, then 2, then
// 5 …), which holds the worker's event loop: under the vote mix the two workers slept about 250
// times a second and left a fifth of the machine idle (docs/performance.md, "Eighth round"). A
// write on a request's path goes through writeWhenFree instead: it is tried without waiting and,
// while another connection holds the lock, tried again a millisecond later, the event loop free
// for other requests meanwhile. After a second of that it waits as every other write does.
// `write` must be safe to run again after SQLITE_BUSY: a transaction that never began, or a
// single statement (SQLite refuses both before changing anything).
export const RETRY_FOR_MS = 1000;
const impatient = new WeakSet<Database.Database>();

export async function writeWhenFree<T>(client: Database.Database, write: () => T): Promise<T> {
  // Nested inside another writeWhenFree (or its retries): that one already decides.
  if (impatient.has(client) || client.inTransaction) return write();
  const started = Date.now();
  while (Date.now() - started < RETRY_FOR_MS) {
    // Not a prepared statement: SQLite applies this pragma when preparing it, not when running it.
    client.pragma("busy_timeout = 0");
    impatient.add(client);
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
    } finally {
      impatient.delete(client);
      client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return write();
}

// Whether `error` says that another connection holds the lock right now, met while trying without
// waiting (inside writeWhenFree), rather than for the whole busy timeout.
export const lockTakenNow = (client: Database.Database, error: unknown) => impatient.has(client) && isBusy(error);

export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
  migrate(db, { migrationsFolder });
}
