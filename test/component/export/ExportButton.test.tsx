import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import Papa from "papaparse";
import type { JSX } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, MailroomDb, type SendsFilter, useDb } from "../../../src/db";
import type { Send } from "../../../src/db/types";
import { ExportButton } from "../../../src/ui/export/ExportButton";
import { putSends } from "../../support/sends";

const DATASET = "acc-1|v2|777";
let counter = 0;
let downloads: { blob: Blob; name: string }[] = [];

function send(i: number): Send {
  const email = i === 0 ? "=cmd|' /C calc'!A0@x.test" : `user${i}@example.com`;
  const sentAt = new Date(Date.UTC(2026, 10, 1) + i * 1000).toISOString();
  return { dataset: DATASET, contactId: `c${i}`, email, sentAt };
}

async function seed(count: number) {
  await putSends(Array.from({ length: count }, (_, i) => send(i)));
}

function renderInRouter(view: () => JSX.Element) {
  return render(() => (
    <MemoryRouter history={createMemoryHistory()}>
      <Route path="*" component={view} />
    </MemoryRouter>
  ));
}

/** Downloads land here: jsdom has no object URLs and no download manager. */
async function downloadedText(): Promise<string> {
  await waitFor(() => expect(downloads).toHaveLength(1));
  // jsdom's Blob has no text(); read the bytes and keep the BOM (a text read would drop it).
  const reader = new FileReader();
  const read = new Promise<ArrayBuffer>((resolve, reject) => {
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
  });
  reader.readAsArrayBuffer(downloads[0]!.blob);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await read);
}

const filter: SendsFilter = { datasets: [DATASET], order: "asc" };

beforeEach(async () => {
  counter += 1;
  await useDb(new MailroomDb(`export-button-${counter}`)).open();
  downloads = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ blob: blobs.get(this.href)!, name: this.download });
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("ExportButton for a send list", () => {
  it("opens labelled options with the report's columns ticked, and exports the chosen ones", async () => {
    await seed(3);
    const user = userEvent.setup();
    renderInRouter(() => <ExportButton filter={filter} campaignName="Spring Sale" />);
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    const dialog = screen.getByRole("dialog", { name: "Export CSV" });
    const box = (name: RegExp) => within(dialog).getByRole("checkbox", { name });
    expect(box(/^Activity type/).matches(":checked")).toBe(true);
    expect(box(/^First name/).matches(":checked")).toBe(false);
    expect(box(/byte order mark/).matches(":checked")).toBe(true);
    expect(box(/Protect against formulas/).matches(":checked")).toBe(true);
    expect(document.activeElement).toBe(box(/^Activity type/));

    await user.click(box(/^Activity type/));
    await user.click(within(dialog).getByRole("button", { name: "Export CSV" }));

    const text = await downloadedText();
    expect(downloads[0]!.name).toMatch(/^mailroom-sends-spring-sale-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ",", newline: "\r\n" }).data;
    expect(rows[0]).toEqual(["campaign_id", "contact_id", "email_address", "send_date"]);
    expect(rows[1]).toEqual(["777", "c0", "'=cmd|' /C calc'!A0@x.test", "2026-11-01T00:00:00.000Z"]);
    expect(await screen.findByRole("status")).toHaveProperty(
      "textContent",
      "Exported 3 rows to your downloads folder.",
    );
  });

  it("shows a progress bar with its values while running, and Cancel keeps no file", async () => {
    await seed(20_000);
    const user = userEvent.setup();
    renderInRouter(() => <ExportButton filter={filter} label="Export sends" />);
    await user.click(screen.getByRole("button", { name: "Export sends" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Export CSV" }));
    const bar = await screen.findByRole("progressbar", { name: "Export progress" });
    await waitFor(() => expect(bar.getAttribute("aria-valuemax")).toBe("20000"));
    expect(screen.getByRole("button", { name: "Export sends" }).matches(":disabled")).toBe(true);
    await user.click(screen.getByRole("button", { name: "Cancel export" }));
    expect((await screen.findByRole("status")).textContent).toBe("Export cancelled; no file was kept.");
    expect(downloads).toHaveLength(0);
  });

  it("closes its options with Escape and with Close", async () => {
    const user = userEvent.setup();
    renderInRouter(() => <ExportButton filter={filter} />);
    const open = screen.getByRole("button", { name: "Export CSV" });
    await user.click(open);
    expect(open.getAttribute("aria-expanded")).toBe("true");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(open);
    await user.click(open);
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("will not export without a column", async () => {
    const user = userEvent.setup();
    renderInRouter(() => <ExportButton filter={filter} />);
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    const dialog = screen.getByRole("dialog");
    for (const box of within(within(dialog).getByRole("group", { name: "Columns" })).getAllByRole(
      "checkbox",
    )) {
      if (box.matches(":checked")) await user.click(box);
    }
    expect(within(dialog).getByRole("button", { name: "Export CSV" }).matches(":disabled")).toBe(true);
    expect(within(dialog).getByText("Choose at least one column.")).toBeTruthy();
  });
});

/** jsdom's Blob has no text(): read it as a browser before Blob.text() did. */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

describe("ExportButton where the browser can save to a chosen file", () => {
  it("opens the picker within the click itself, writes the file, and says where it went", async () => {
    await seed(4);
    const written: string[] = [];
    const writable = {
      // A page of sends comes as a Blob of its parts (sinks.ts), the header as a string.
      write: vi.fn(
        async (data: string | Blob) =>
          void written.push(typeof data === "string" ? data : await textOf(data)),
      ),
      close: vi.fn(async () => {}),
      abort: vi.fn(async () => {}),
    };
    const picker = vi.fn(async () => ({ createWritable: async () => writable }));
    Object.assign(window, { showSaveFilePicker: picker });
    try {
      const user = userEvent.setup();
      renderInRouter(() => <ExportButton filter={filter} campaignName="Fall" />);
      await user.click(screen.getByRole("button", { name: "Export CSV" }));
      const dialog = screen.getByRole("dialog");
      expect(within(dialog).getByRole("radio", { name: "Save to a file I choose" }).matches(":checked")).toBe(
        true,
      );
      // Synchronously inside the click: the browser allows the picker only during the user gesture.
      fireEvent.click(within(dialog).getByRole("button", { name: "Export CSV" }));
      expect(picker).toHaveBeenCalledTimes(1);
      expect(picker.mock.calls[0]).toMatchObject([
        { suggestedName: expect.stringMatching(/^mailroom-sends-fall-/) },
      ]);
      expect((await screen.findByRole("status")).textContent).toBe("Exported 4 rows to the file you chose.");
      expect(written.join("").split("\r\n")).toHaveLength(6);
      expect(writable.close).toHaveBeenCalledTimes(1);
      expect(downloads).toHaveLength(0);
    } finally {
      Reflect.deleteProperty(window, "showSaveFilePicker");
    }
  });
});

describe("ExportButton accessibility", () => {
  it("has no axe violations with its options open", async () => {
    const user = userEvent.setup();
    const { container } = renderInRouter(() => <ExportButton filter={filter} />);
    await user.click(screen.getByRole("button", { name: "Export CSV" }));
    // jsdom has no layout, so rules that need rendering (contrast) cannot run here.
    const results = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });
});

describe("ExportButton for error lines", () => {
  it("exports an activity's lines, and says so when reading the cache fails", async () => {
    await db().activityErrors.put({
      accountId: "a",
      activityId: "x",
      index: 0,
      kind: "error",
      message: "bad",
    });
    const user = userEvent.setup();
    renderInRouter(() => <ExportButton errorLines={{ accountId: "a", activityId: "x" }} />);
    await user.click(screen.getByRole("button", { name: "Export error lines" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Export CSV" }));
    expect(await downloadedText()).toBe("\uFEFFline_number,email_address,message,kind\r\n,,bad,error\r\n");
    expect(downloads[0]!.name).toMatch(/^mailroom-errors-x-/);

    vi.spyOn(db().activityErrors, "where").mockImplementation(() => {
      throw new Error("the disk is on fire");
    });
    await user.click(screen.getByRole("button", { name: "Export error lines" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Export CSV" }));
    expect((await screen.findByRole("alert")).textContent).toContain("the disk is on fire");
  });
});
