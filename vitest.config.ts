// Unit and integration tests. A standalone config rather than vite.config.ts, so that the
// Remix plugin (which expects to build an app) stays out of the test runner.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The same aliases as vite.config.ts, so tests import app code the way the app does.
  resolve: { alias: { "~": new URL("./app", import.meta.url).pathname, "#db": new URL("./db", import.meta.url).pathname } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts", "app/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/setup-test-env.ts"],
  },
});
