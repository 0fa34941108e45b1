import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

/**
 * On a Sends screen: exports the sends it shows as CSV to the downloads folder (the choice is
 * offered only where the browser can also save elsewhere) and returns the file's lines.
 */
export async function exportShownSendsAsCsv(page: Page): Promise<string[]> {
  await page.getByRole("button", { name: "Export these sends (CSV)" }).click();
  const dialog = page.getByRole("dialog", { name: "Export these sends (CSV)" });
  const downloadsFolder = dialog.getByRole("radio", { name: "Save to my downloads folder" });
  if (await downloadsFolder.count()) await downloadsFolder.check();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    dialog.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  return readFileSync(await download.path())
    .toString("utf8")
    .trimEnd()
    .split("\r\n");
}
