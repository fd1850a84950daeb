// Migrates one template database per run; each test file then starts from a copy of it
// (setup-test-env.ts), which is much faster than migrating for every file.
import fs from "node:fs";
import path from "node:path";
import { migrateDatabase, openDatabase } from "../../db/client";

export const TMP_DIR = path.resolve("tests", ".tmp");
// One template per run (several runs may share this folder at once); workers inherit the
// variable, which is how setup-test-env.ts finds it.
export const BASE_DATABASE = process.env.SPROUT_TEST_BASE_DB ?? path.join(TMP_DIR, `base-${process.pid}.db`);

export function removeDatabase(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}

export default function setup() {
  process.env.SPROUT_TEST_BASE_DB = BASE_DATABASE;
  fs.mkdirSync(TMP_DIR, { recursive: true });
  removeDatabase(BASE_DATABASE);
  const db = openDatabase(BASE_DATABASE);
  migrateDatabase(db);
  // Closing the only connection folds the WAL back into base.db, so copying that one file
  // copies the whole database.
  db.$client.close();
  return () => removeDatabase(BASE_DATABASE);
}
