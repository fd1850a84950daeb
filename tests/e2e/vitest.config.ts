// Browser tests against one built production server (see global-setup.ts). Run by
// `npm run test:e2e`, which builds the app first.
import fs from "node:fs";
import { defineConfig } from "vitest/config";
import { CHROMIUM_PATH } from "./global-setup";

const chromiumInstalled = fs.existsSync(CHROMIUM_PATH);
if (!chromiumInstalled) {
  console.warn(
    `\nSKIPPING the browser tests: Chromium is not installed at ${CHROMIUM_PATH}.\n` +
      "Install it with `apt-get install chromium` (.ci/run does) to run them.\n",
  );
}

export default defineConfig({
  root: new URL("../..", import.meta.url).pathname,
  // The app's aliases, for tests that read the server's database directly.
  resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname, "#db": new URL("../../db", import.meta.url).pathname } },
  test: {
    include: chromiumInstalled ? ["tests/e2e/**/*.e2e.ts"] : [],
    passWithNoTests: !chromiumInstalled,
    globalSetup: chromiumInstalled ? ["tests/e2e/global-setup.ts"] : [],
    // Files share one server and its database, so they take turns.
    fileParallelism: false,
    testTimeout: 180_000, // a loaded 2-core machine renders slowly; no test asserts timing
    hookTimeout: 120_000,
  },
});
