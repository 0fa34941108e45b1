import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The build every E2E test serves. */
    distDir: string;
    /** A second, newer build of the same code, for the update test. */
    nextDistDir: string;
  }
}

/**
 * A sandbox build (its policy allows loopback origins) into `outDir`; `base` as `vite build --base`.
 * The sub-path test builds its own with this too.
 */
export async function buildInto(outDir: string, buildId: string, base = "/") {
  process.env.MAILROOM_BUILD_ID = buildId;
  process.env.MAILROOM_SANDBOX_BUILD = "1";
  try {
    await build({ logLevel: "error", base, build: { outDir, emptyOutDir: true } });
  } finally {
    delete process.env.MAILROOM_BUILD_ID;
    delete process.env.MAILROOM_SANDBOX_BUILD;
  }
}

/** Builds the app twice into a private folder, so parallel runs on one machine never share a dist. */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "mailroom-e2e-"));
  const distDir = join(root, "current");
  const nextDistDir = join(root, "next");
  await buildInto(distDir, "e2e-current");
  await buildInto(nextDistDir, "e2e-next");
  project.provide("distDir", distDir);
  project.provide("nextDistDir", nextDistDir);
  return () => rmSync(root, { recursive: true, force: true });
}
