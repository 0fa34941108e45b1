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

async function buildInto(outDir: string, buildId: string) {
  process.env.MAILROOM_BUILD_ID = buildId;
  await build({ logLevel: "error", build: { outDir, emptyOutDir: true } });
}

/** Builds the app twice into a private folder, so parallel runs on one machine never share a dist. */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), "mailroom-e2e-"));
  const distDir = join(root, "current");
  const nextDistDir = join(root, "next");
  await buildInto(distDir, "e2e-current");
  await buildInto(nextDistDir, "e2e-next");
  delete process.env.MAILROOM_BUILD_ID;
  project.provide("distDir", distDir);
  project.provide("nextDistDir", nextDistDir);
  return () => rmSync(root, { recursive: true, force: true });
}
