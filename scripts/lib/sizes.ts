// The house rule on sizes (STYLE.md): no source file over 200 lines, no function over 80. Used by
// `npm run sizes` and by `npm test` (scripts/test.mjs), so a long file fails the run.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

export const MAX_FILE_LINES = 200;
export const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The name a function goes by: its own, its variable's, its property's, or where it starts. */
function nameOf(node: ts.Node, file: ts.SourceFile): string {
  const named = node as { name?: ts.Node };
  if (named.name) return named.name.getText(file);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText(file);
  return "(anonymous)";
}

function longFunctions(path: string): string[] {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${path}:${start + 1} ${nameOf(node, file)} ${lines} lines`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** What breaks the rule under `root`: "path N lines" and "path:line name N lines". */
export function sizeReport(root: string): { longFiles: string[]; longFunctions: string[] } {
  const files = sourceFiles(root);
  const longFiles = files.flatMap((path) => {
    const lines = readFileSync(path, "utf8").split("\n").length - 1;
    return lines > MAX_FILE_LINES ? [`${path} ${lines} lines`] : [];
  });
  return { longFiles, longFunctions: files.flatMap(longFunctions) };
}
