// The app's single database handle, opened lazily from DATABASE_URL.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
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
export function preparedQuery<Q>(prepare: (db: Db) => Q): (db?: Db) => Q {
  // Per database: tests open a new one per file, and some callers are handed theirs.
  const byDatabase = new WeakMap<Db, Q>();
  return (db = getDb()) => {
    let query = byDatabase.get(db);
    if (!query) {
      query = prepare(db);
      byDatabase.set(db, query);
    }
    return query;
  };
}

/**
 * `column in (ids)` for a prepared statement: the ids are bound as one JSON array (idList) to the
 * placeholder, so a single statement serves lists of any length, where `inArray` writes one
 * parameter per id and so a new statement per length.
 */
export function inIdList(column: SQLWrapper, placeholder = "ids"): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(placeholder)}))`;
}

export const idList = (ids: readonly number[]): string => JSON.stringify(ids);
