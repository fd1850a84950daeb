// Creates an account from the command line, typically the first admin of a fresh install:
//   npm run user:create -- --username NAME --email E --password P --role admin [--display-name "X"]
// Exits with 1 and a plain explanation when the input is invalid or the name or email is taken.
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { env } from "../app/platform/env.server";
import { USERNAME_PATTERN } from "../app/features/accounts/forms";
import { hashPassword } from "../app/features/accounts/passwords.server";
import { migrateDatabase, openDatabase } from "../db/client";
import { ROLES, users } from "../db/schema";

const USAGE =
  'Usage: npm run user:create -- --username NAME --email EMAIL --password PASSWORD [--role member|staff|lead|admin] [--display-name "NAME"]';

// The same limits as signup, worded for someone at a terminal rather than a form.
const inputSchema = z.object({
  username: z
    .string({ error: "--username is required" })
    .trim()
    .min(3, "--username must be 3 to 30 characters")
    .max(30, "--username must be 3 to 30 characters")
    .regex(USERNAME_PATTERN, "--username may only contain letters, digits, _ and -"),
  email: z.string({ error: "--email is required" }).trim().max(254, "--email is too long").pipe(z.email("--email is not a valid address")),
  password: z
    .string({ error: "--password is required" })
    .min(8, "--password must be 8 to 128 characters")
    .max(128, "--password must be 8 to 128 characters"),
  role: z.enum(ROLES, { error: `--role must be one of: ${ROLES.join(", ")}` }).default("member"),
  displayName: z.string().trim().min(1, "--display-name must not be empty").max(50, "--display-name must be at most 50 characters").optional(),
});

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

function parseArguments() {
  try {
    return parseArgs({
      options: {
        username: { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string" },
        "display-name": { type: "string" },
      },
    }).values;
  } catch (error) {
    // Unknown options and missing option values: parseArgs explains them well.
    fail(error instanceof Error ? error.message : String(error));
  }
}

function readInput() {
  const { "display-name": displayName, ...rest } = parseArguments();
  const result = inputSchema.safeParse({ ...rest, displayName });
  if (!result.success) fail(result.error.issues.map((issue) => issue.message).join("\n"));
  return result.data;
}

const input = readInput();
const file = env().DATABASE_URL;
const db = openDatabase(file);
try {
  migrateDatabase(db);
  const sameName = db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = lower(${input.username})`).get();
  if (sameName) fail(`The username "${input.username}" is already taken.`);
  const sameEmail = db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${input.email})`).get();
  if (sameEmail) fail(`The email ${input.email} already belongs to an account.`);

  const user = db
    .insert(users)
    .values({
      username: input.username,
      email: input.email,
      displayName: input.displayName ?? input.username,
      passwordHash: await hashPassword(input.password),
      role: input.role,
    })
    .returning({ id: users.id })
    .get();
  console.log(`Created ${input.role} "${input.username}" (id ${user.id}) in ${file}.`);
} finally {
  db.$client.close();
}
