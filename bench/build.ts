import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";

/**
 * Builds the app as `npm start` serves it, and the bench page into `/__bench/` of the same
 * folder: same origin, so the bench page sees the app's IndexedDB.
 */
export async function buildForBench(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "mailroom-bench-"));
  process.env.MAILROOM_BUILD_ID = "bench";
  // The bench talks to a loopback sandbox: only a sandbox build's policy allows it.
  process.env.MAILROOM_SANDBOX_BUILD = "1";
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  await build({
    configFile: false,
    logLevel: "warn",
    root: resolve("bench/page"),
    base: "/__bench/",
    define: { __MAILROOM_BUILD__: JSON.stringify("bench") },
    build: { outDir: join(outDir, "__bench"), emptyOutDir: true, target: "es2022" },
    // As the app's own build (vite.config.ts): module workers, which may load chunks.
    worker: { format: "es" },
  });
  delete process.env.MAILROOM_BUILD_ID;
  delete process.env.MAILROOM_SANDBOX_BUILD;
  return outDir;
}
