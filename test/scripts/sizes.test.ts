// @vitest-environment node
// The size rule `npm test` enforces (scripts/test.mjs runs scripts/sizes.ts over src/): what it
// reports, on files written here, one line past each limit and exactly at it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, sizeReport } from "../../scripts/lib/sizes";

/** A function of exactly `lines` lines, its braces included. */
function functionOf(name: string, lines: number): string {
  const body = Array.from({ length: lines - 2 }, (_, i) => `  const v${i} = ${i};`);
  return [`export function ${name}() {`, ...body, "}"].join("\n");
}

/** A file of exactly `lines` lines, each ending in a newline. */
function fileOf(lines: number): string {
  return `${Array.from({ length: lines }, (_, i) => `export const c${i} = ${i};`).join("\n")}\n`;
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "mailroom-sizes-"));
  mkdirSync(join(root, "nested"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the size rule", () => {
  it("passes files and functions at the limits", () => {
    writeFileSync(join(root, "atLimit.ts"), fileOf(MAX_FILE_LINES));
    writeFileSync(join(root, "nested", "fn.tsx"), `${functionOf("atLimit", MAX_FUNCTION_LINES)}\n`);
    expect(sizeReport(root)).toEqual({ longFiles: [], longFunctions: [] });
  });

  it("reports a file one line over, and a function one line over, in any folder, arrows included", () => {
    writeFileSync(join(root, "long.ts"), fileOf(MAX_FILE_LINES + 1));
    writeFileSync(join(root, "nested", "fn.tsx"), `${functionOf("tooLong", MAX_FUNCTION_LINES + 1)}\n`);
    const arrow = functionOf("x", MAX_FUNCTION_LINES + 1).replace(
      "export function x() {",
      "export const arrow = () => {",
    );
    writeFileSync(join(root, "nested", "arrow.ts"), `${arrow}\n`);
    const report = sizeReport(root);
    expect(report.longFiles).toEqual([`${join(root, "long.ts")} ${MAX_FILE_LINES + 1} lines`]);
    expect(report.longFunctions.sort()).toEqual(
      [
        `${join(root, "nested", "arrow.ts")}:1 arrow ${MAX_FUNCTION_LINES + 1} lines`,
        `${join(root, "nested", "fn.tsx")}:1 tooLong ${MAX_FUNCTION_LINES + 1} lines`,
      ].sort(),
    );
  });

  it("leaves declaration files alone", () => {
    writeFileSync(join(root, "types.d.ts"), fileOf(MAX_FILE_LINES + 50));
    expect(sizeReport(root).longFiles).toEqual([]);
  });
});
