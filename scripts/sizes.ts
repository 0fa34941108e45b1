// Lists what breaks the house rule on sizes: files over 200 lines and functions over 80.
// `npx tsx scripts/sizes.ts [folder]` (default src); exits 1 when anything is listed.
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, sizeReport } from "./lib/sizes";

const { longFiles, longFunctions } = sizeReport(process.argv[2] ?? "src");
console.log(`Files over ${MAX_FILE_LINES} lines: ${longFiles.length}`);
for (const line of longFiles) console.log(`  ${line}`);
console.log(`Functions over ${MAX_FUNCTION_LINES} lines: ${longFunctions.length}`);
for (const line of longFunctions) console.log(`  ${line}`);
process.exitCode = longFiles.length + longFunctions.length > 0 ? 1 : 0;
