import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The long fault runs of issue #10 (minutes of CPU each): outside the default E2E include, run by
// `npm run test:long` (`vitest run --config test/long/vitest.config.ts`), which .ci/run calls when
// MAILROOM_LONG=1. Same global setup as the E2E suite: the built app, served per test.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    environment: "node",
    include: ["test/long/**/*.e2e.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 1_800_000,
    hookTimeout: 120_000,
  },
});
