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
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  takeWriteLockPromptly(sqlite);
  // The query planner needs statistics to choose between a big table's indexes: without them
  // the home page's hot list sorted whole boards (0.7 s at 100,000 suggestions instead of
  // 2 ms). This analyzes what was never analyzed or changed a lot since, within SQLite's own
  // limits (about 2 s for the large benchmark set once, nothing when no table is due).
  sqlite.pragma("optimize = 0x10002");
  return drizzle(sqlite, { schema });
}

const BUSY_TIMEOUT_MS = 5_000;
// How long a writer waits before asking for the write lock again.
const LOCK_RETRY_MS = 0.2;

// Every write of the app is an immediate transaction, which takes SQLite's write lock at its
// BEGIN. When another process holds the lock, SQLite's own busy handler sleeps 1, 2, 5, 10,
// 15, 20 then 25 ms between tries, and better-sqlite3 sleeps synchronously: a vote kept
// waiting a few times slept 20–50 ms for a lock held about 2 ms, its worker's event loop
// stopped all along (docs/performance.md, "What a vote does"). An immediate transaction here
// asks for the lock without SQLite's wait and, while another process holds it, asks again
// every 0.2 ms, up to the same 5 s; its work runs only once the lock is taken, so a refused
// BEGIN is always safe to try again. Nested (savepoint) and other transactions are untouched.
function takeWriteLockPromptly(sqlite: Database.Database) {
  const transaction = sqlite.transaction.bind(sqlite);
  const noWait = sqlite.prepare("pragma busy_timeout = 0");
  const wait = sqlite.prepare(`pragma busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  sqlite.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const native = transaction(fn);
    let started = false;
    const work = transaction(function (this: unknown, ...args: unknown[]) {
      started = true;
      wait.get();
      return fn.apply(this, args);
    });
    const immediate = function (this: unknown, ...args: unknown[]) {
      if (sqlite.inTransaction) return native.immediate.apply(this, args);
      const deadline = performance.now() + BUSY_TIMEOUT_MS;
      for (;;) {
        started = false;
        noWait.get();
        try {
          return work.immediate.apply(this, args);
        } catch (error) {
          if (started || (error as { code?: string }).code !== "SQLITE_BUSY" || performance.now() >= deadline) throw error;
          Atomics.wait(pause, 0, 0, LOCK_RETRY_MS);
        } finally {
          if (!started) wait.get();
        }
      }
    };
    // The same shape as better-sqlite3's own (drizzle calls transaction(fn)[behavior]).
    return Object.defineProperties(native.default.bind(undefined), {
      default: { value: native.default },
      deferred: { value: native.deferred },
      immediate: { value: immediate },
      exclusive: { value: native.exclusive },
      database: { value: sqlite, enumerable: true },
    }) as typeof native;
  }) as typeof sqlite.transaction;
}

export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER) {
  migrate(db, { migrationsFolder });
}
