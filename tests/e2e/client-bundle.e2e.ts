// Nothing server-only reaches the browser: the client build (made by `npm run test:e2e`
// before this suite) must contain neither drizzle nor the database's table and column names.
// Routes and components take enum values from db/enums.ts; one import of db/schema.ts in
// client code would ship the whole schema (it once did: a 33 KB chunk with every column).
import fs from "node:fs";
import path from "node:path";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, test } from "vitest";
import * as schema from "#db/schema";

function clientFiles(dir = path.resolve("build/client")): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? clientFiles(file) : /\.(js|css|html|json|map)$/.test(entry.name) ? [file] : [];
  });
}

// Every table and column name in the schema. Words like "votes" or "status" are also the
// app's own vocabulary (form intents, translation keys), so the check takes the names only a
// database uses (snake_case: password_hash, signup_address, login_throttles), plus drizzle's
// own markers, which come along with any table definition (the sessions table included).
function databaseNames(): string[] {
  const names = new Set<string>();
  for (const value of Object.values(schema)) {
    if (!(value instanceof SQLiteTable)) continue;
    const config = getTableConfig(value);
    names.add(config.name);
    for (const column of config.columns) names.add(column.name);
  }
  return [...names].filter((name) => name.includes("_"));
}

describe("the client build", () => {
  const files = clientFiles();

  test("exists (this suite runs after `npm run build`)", () => {
    expect(files.some((file) => file.endsWith(".js"))).toBe(true);
  });

  test("contains no table or column name and no drizzle", () => {
    const names = databaseNames();
    expect(names).toEqual(expect.arrayContaining(["password_hash", "signup_address", "login_throttles"]));
    const found: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      for (const name of names) if (new RegExp(`\\b${name}\\b`).test(text)) found.push(`${path.relative("build/client", file)}: ${name}`);
      for (const marker of ["drizzle:", "sqliteTable", "sqlite-core"]) if (text.includes(marker)) found.push(`${path.relative("build/client", file)}: ${marker}`);
    }
    expect(found).toEqual([]);
  });
});
