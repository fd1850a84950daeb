// Runs before every test file, in its worker, before the file imports any app module.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeEach, vi } from "vitest";
import { BASE_DATABASE, TMP_DIR, removeDatabase } from "./global-setup";

// Each test file gets its own copy of the migrated database: files run in parallel without
// seeing each other's rows. The app opens DATABASE_URL lazily, so setting it here is enough.
const databaseFile = path.join(TMP_DIR, `test-${process.env.VITEST_POOL_ID ?? 0}-${randomBytes(4).toString("hex")}.db`);
fs.copyFileSync(BASE_DATABASE, databaseFile);
process.env.DATABASE_URL = databaseFile;

// As in the app (entry.server.tsx): writes' events reach honors, invitations, notifications
// and email. No periodic sweep; tests drain the outbox themselves (pendingEmails, drainOutbox).
const { startDomainEvents } = await import("~/subscribers.server");
startDomainEvents({ sweep: false });

afterAll(() => removeDatabase(databaseFile));

// An unexpected console.error is a failure, not noise. A test that expects one silences it
// with `vi.mocked(console.error).mockImplementation(() => {})`.
let consoleErrors: unknown[][] = [];

beforeEach(() => {
  consoleErrors = [];
  const original = console.error;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
    original(...args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (consoleErrors.length > 0) {
    throw new Error(`console.error was called ${consoleErrors.length} time(s) during this test (printed above).`);
  }
});
