// Runs before the server on `npm start` and `npm run dev` (and alone as `npm run db:migrate`):
// migrates DATABASE_URL, fills an empty database with the demo community unless --no-seed
// is given, and tells a newcomer where to go and how to log in.
import { parseArgs } from "node:util";
import { inArray } from "drizzle-orm";
import { env } from "../app/platform/env.server";
import { migrateDatabase, openDatabase } from "../db/client";
import { users, type Role } from "../db/schema";
import { DEMO_ACCOUNTS, DEMO_MEMBER_PASSWORD, describeSeed, seedDemoDataIfEmpty } from "./seed/seed";

const ROLE_LABELS: Record<Role, string> = { member: "fan (member)", staff: "staff", lead: "product lead", admin: "admin" };

const { values: flags } = parseArgs({ options: { "no-seed": { type: "boolean", default: false } } });
const { DATABASE_URL, PORT } = env();

const started = performance.now();
const db = openDatabase(DATABASE_URL);
try {
  migrateDatabase(db);
  const seeded = flags["no-seed"] ? null : await seedDemoDataIfEmpty(db);
  const elapsed = Math.round(performance.now() - started);
  console.log(
    seeded
      ? `Sprout: migrated ${DATABASE_URL} and added demo data in ${elapsed} ms (${describeSeed(seeded)}).`
      : `Sprout: ${DATABASE_URL} is migrated and up to date (${elapsed} ms).`,
  );

  if (!flags["no-seed"]) {
    // Only the demo logins that really exist: a database that started without demo data
    // (or whose admin removed them) must not be advertised with passwords that don't work.
    const usernames = DEMO_ACCOUNTS.map((account) => account.username);
    const present = new Set(
      db.select({ username: users.username }).from(users).where(inArray(users.username, usernames)).all().map((user) => user.username),
    );
    const logins = DEMO_ACCOUNTS.filter((account) => present.has(account.username));
    const row = (who: string, username: string, password: string) => `    ${who.padEnd(15)}${username.padEnd(10)}${password}`;
    const lines = [
      "",
      `  🌱 Sprout: open http://localhost:${PORT}`,
      ...(logins.length
        ? [
            "",
            row("Demo logins", "username", "password"),
            ...logins.map((account) => row(ROLE_LABELS[account.role], account.username, account.password)),
            `    Every other demo member (for example lin_yu, a second staff member) uses ${DEMO_MEMBER_PASSWORD}`,
          ]
        : []),
      "",
    ];
    console.log(lines.join("\n"));
  }
} finally {
  db.$client.close();
}
