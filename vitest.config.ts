import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

// Unit and component tests: jsdom + fake-indexeddb. Browser-only behaviour lives in test/e2e.
export default defineConfig({
  plugins: [solid()],
  resolve: { conditions: ["development", "browser"] },
  test: {
    environment: "jsdom",
    include: [
      "test/unit/**/*.test.{ts,tsx}",
      "test/component/**/*.test.{ts,tsx}",
      "test/sandbox/**/*.test.ts",
      "test/scripts/**/*.test.ts",
    ],
    setupFiles: ["test/support/setup.ts"],
    testTimeout: 30_000,
  },
});
