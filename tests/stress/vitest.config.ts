// The long load and fault tests, run by `npm run test:stress` (after a build) and by .ci/run.
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The app's aliases, for the test helpers that reuse app code (tests/sessions.ts).
  resolve: { alias: { "~": new URL("../../app", import.meta.url).pathname, "#db": new URL("../../db", import.meta.url).pathname } },
  test: {
    include: ["tests/stress/**/*.stress.ts"],
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
