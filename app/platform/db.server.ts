// The app's single database handle, opened lazily from DATABASE_URL.
import { openDatabase, type Db } from "#db/client";
import { env } from "~/platform/env.server";

let db: Db | undefined;

export function getDb(): Db {
  db ??= openDatabase(env().DATABASE_URL);
  return db;
}
