// The app's single database handle, opened lazily from DATABASE_URL.
import { openDatabase, type Db } from "#db/client";
import { env } from "~/platform/env.server";

let db: Db | undefined;

export function getDb(): Db {
  db ??= openDatabase(env().DATABASE_URL);
  return db;
}

/**
 * Statements built and prepared once per database, then run with placeholders
 * (`sql.placeholder("name")`). For the queries behind every request: drizzle spends about 60 µs
 * building the SQL of an ad-hoc query and SQLite about 10 µs compiling it, ten times what a
 * small indexed query costs to run (docs/performance.md).
 */
export function preparedQuery<Q>(prepare: (db: Db) => Q): () => Q {
  // Per database: tests open a new one per file.
  const byDatabase = new WeakMap<Db, Q>();
  return () => {
    const current = getDb();
    let query = byDatabase.get(current);
    if (!query) {
      query = prepare(current);
      byDatabase.set(current, query);
    }
    return query;
  };
}
