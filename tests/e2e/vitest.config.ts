// Browser tests against one built production server (see global-setup.ts). Run by
// `npm run test:e2e`, which builds the app first.
import fs from "node:fs";
import { defineConfig } from "vitest/config";
import { CHROMIUM_PATH } from "./global-setup";

// Without Chromium the suite fails rather than passing with zero tests: a green run must
// mean the browser tests ran.
if (!fs.existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `The browser tests need Chromium at ${CHROMIUM_PATH}, and it is not installed. ` +
      "Install it with `apt-get install chromium` (.ci/run does).",
  );
}

export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  // The app's aliases, for tests that read the server's database directly.
  resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname, "#db": new URL("../../db", import.meta.url).pathname } },
  test: {
    include: ["tests/e2e/**/*.e2e.ts"],
    globalSetup: ["tests/e2e/global-setup.ts"],
    // Files share one server and its database, so they take turns.
    fileParallelism: false,
    testTimeout: 180_000, // a loaded 2-core machine renders slowly; no test asserts timing
    hookTimeout: 120_000,
  },
});
