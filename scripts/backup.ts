// `npm run backup [-- --to FILE]`: an online, consistent copy of the database while the app
// keeps serving. SQLite's backup API copies pages under a read transaction, so writes that
// happen meanwhile are either wholly in the copy or wholly not.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { env } from "../app/platform/env.server";

const { values } = parseArgs({ options: { to: { type: "string" } } });
const source = env().DATABASE_URL;
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(values.to ?? path.join(path.dirname(source), "backups", `sprout-${stamp}.db`));

if (!fs.existsSync(source)) {
  console.error(`No database at ${source}: nothing to back up.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
const db = new Database(source, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 5000");
const started = performance.now();
await db.backup(target);
db.close();
const check = new Database(target, { readonly: true });
const integrity = check.pragma("integrity_check", { simple: true });
check.close();
if (integrity !== "ok") {
  console.error(`The copy at ${target} failed its integrity check: ${integrity}`);
  process.exit(1);
}
console.log(`Backed up ${source} to ${target} in ${Math.round(performance.now() - started)} ms (integrity ok).`);

// Uploaded images, copied after the database: a file is written once under a new random name
// and never changed, so every file the copied database names already exists to be copied.
const uploads = path.resolve(env().UPLOADS_DIR);
const uploadsTarget = target.replace(/\.db$/, "") + "-uploads";
if (fs.existsSync(uploads)) {
  fs.cpSync(uploads, uploadsTarget, { recursive: true, errorOnExist: false });
  console.log(`Copied ${fs.readdirSync(uploadsTarget).length} uploaded files from ${uploads} to ${uploadsTarget}.`);
}
console.log(`Restore: stop the app, then start it with DATABASE_URL=${target} (or copy the file over ${source})` + (fs.existsSync(uploads) ? ` and UPLOADS_DIR=${uploadsTarget}.` : "."));
