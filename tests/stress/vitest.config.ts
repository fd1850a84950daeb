// The long load and fault tests, run by `npm run test:stress` (after a build) and by .ci/run.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/stress/**/*.stress.ts"],
    testTimeout: 300_000,
    fileParallelism: false,
  },
});
