// `npm test`: every check Mailroom has — types, lint and format, sizes, unit and component tests, then the
// end-to-end tests in Chromium. Every step runs even when an earlier one fails, so one run shows
// everything that is wrong; the run fails if any step fails or if the test runners found no test.
// It ends with one plain line, "N passed, N failed", totalled over both test runners.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const reports = mkdtempSync(join(tmpdir(), "mailroom-test-"));
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

const steps = [
  { name: "typecheck (app)", args: ["tsc", "--noEmit", "-p", "tsconfig.json"] },
  { name: "typecheck (service worker)", args: ["tsc", "--noEmit", "-p", "src/sw/tsconfig.json"] },
  {
    name: "typecheck (node: scripts, sandbox server, e2e, bench)",
    args: ["tsc", "--noEmit", "-p", "tsconfig.node.json"],
  },
  { name: "lint and format", args: ["biome", "check", "."] },
  // The house rule on sizes (scripts/lib/sizes.ts): a file over 200 lines or a function over 80 fails.
  { name: "sizes (src: files ≤ 200 lines, functions ≤ 80)", args: ["tsx", "scripts/sizes.ts", "src"] },
  { name: "unit and component tests", args: ["vitest", "run"], report: "unit.json" },
  {
    // The same suite with the machine's date a year ahead (test/support/setup.ts): green on any date.
    name: "unit and component tests, a year ahead",
    args: ["vitest", "run"],
    env: { MAILROOM_TEST_DAYS_AHEAD: "365" },
    report: "unit-ahead.json",
  },
  {
    name: "end-to-end tests (Chromium)",
    args: ["vitest", "run", "--config", "vitest.e2e.config.ts"],
    report: "e2e.json",
  },
];

const failedSteps = [];
let passed = 0;
let failed = 0;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const args = [...step.args];
  if (step.report)
    args.push("--reporter=default", "--reporter=json", `--outputFile.json=${join(reports, step.report)}`);
  const result = spawnSync(npx, args, { stdio: "inherit", env: { ...process.env, ...step.env } });
  if (step.report) {
    const counts = readCounts(join(reports, step.report));
    passed += counts.passed;
    failed += counts.failed;
    if (counts.total === 0) failedSteps.push(`${step.name}: found no test to run`);
  }
  if (result.status !== 0) failedSteps.push(`${step.name}: exit ${result.status ?? result.signal}`);
}
rmSync(reports, { recursive: true, force: true });

if (failedSteps.length > 0) console.log(`\nFailed steps:\n${failedSteps.map((s) => `  - ${s}`).join("\n")}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps.length > 0 ? 1 : 0);

function readCounts(file) {
  try {
    const json = JSON.parse(readFileSync(file, "utf8"));
    return {
      passed: json.numPassedTests ?? 0,
      failed: json.numFailedTests ?? 0,
      total: json.numTotalTests ?? 0,
    };
  } catch (error) {
    console.error(`Could not read the test report ${file}: ${error.message}`);
    return { passed: 0, failed: 0, total: 0 };
  }
}
