import { defineConfig } from "vitest/config";

// End-to-end tests: the built app in Debian's Chromium, driven by playwright-core, against the
// sandbox on its own origin. One file at a time: each starts a browser, and these machines have 2 cores.
export default defineConfig({
  test: {
    environment: "node",
    include: ["test/e2e/**/*.e2e.ts"],
    globalSetup: ["test/e2e/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 150_000,
    hookTimeout: 120_000,
  },
});
