// Clickjacking: a page on another origin frames a Mailroom screen. The static server sends the
// deployment's frame-ancestors 'none' (scripts/lib/security-headers.ts), so the screen must not
// render; a control frame from a server without that header shows the framing itself works.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { type StaticServer, startStaticServer } from "../../scripts/lib/static-server";
import { launchBrowser } from "./support/browser";

let app: StaticServer;
let other: Server;
let otherUrl: string;
// A plain browser, not launchPersistent: the refused frame is itself a CSP report, the one expected.
let browser: Browser;

/** The other origin: a framing page, and a page that may be framed (the control). */
function framingPage(appUrl: string): string {
  return `<!doctype html><title>framing</title>
<iframe name="mailroom" src="${appUrl}/activities"></iframe>
<iframe name="control" src="/control"></iframe>
<script>
  let loaded = 0;
  for (const frame of document.querySelectorAll("iframe"))
    frame.addEventListener("load", () => { if (++loaded === 2) document.title = "both loaded"; });
</script>`;
}

beforeEach(async () => {
  app = await startStaticServer({ root: inject("distDir"), sandboxOrigin: "http://127.0.0.1:9" });
  other = createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(req.url === "/control" ? "<p id='control'>framed fine</p>" : framingPage(app.url));
  });
  await new Promise<void>((done) => other.listen(0, "127.0.0.1", done));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});
afterEach(async () => {
  await browser.close();
  await new Promise((done) => other.close(done));
  await app.close();
});

describe("Mailroom in a frame of another origin", () => {
  it("does not render: frame-ancestors 'none' refuses it, while a frame without it renders", async () => {
    const page = await browser.newPage();
    await page.goto(otherUrl);
    await page.waitForFunction(() => document.title === "both loaded", undefined, { timeout: 30_000 });
    const control = page.frame({ name: "control" });
    expect(await control?.locator("#control").textContent()).toBe("framed fine");
    const mailroom = page.frame({ name: "mailroom" });
    expect(mailroom).not.toBeNull();
    expect(await mailroom?.locator("#root > *").count()).toBe(0);
    expect(await mailroom?.getByText("Mailroom").count()).toBe(0);
  });
});
