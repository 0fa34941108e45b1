import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db, MailroomDb, useDb } from "../../../src/db";
import { ConnectAccountForm } from "../../../src/ui/accounts/ConnectAccountForm";

const onConnected = vi.fn();

function show() {
  return render(() => <ConnectAccountForm onConnected={onConnected} />);
}

beforeEach(() => {
  useDb(new MailroomDb(`t-${crypto.randomUUID()}`));
  onConnected.mockReset();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Connect account form", () => {
  it("labels every control, so it can be filled by keyboard and screen reader", () => {
    const { container } = show();
    for (const input of container.querySelectorAll("input")) {
      const labelled = input.labels?.length || input.closest("label");
      expect(labelled, `input ${input.id || input.name} has no label`).toBeTruthy();
    }
  });

  it("shows a message per invalid field on submit, focuses the first one, and saves nothing", async () => {
    show();
    await userEvent.type(screen.getByLabelText("v3 client id"), "has spaces in it");
    fireEvent.submit(screen.getByRole("button", { name: "Connect and sign in" }));
    expect(await screen.findByText(/Give the account a name/)).toBeTruthy();
    expect(screen.getByText(/no spaces/)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Name"));
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBe("true");
    expect(await db().accounts.count()).toBe(0);
    expect(onConnected).not.toHaveBeenCalled();
  });

  it("validates endpoint URLs in the Advanced section and opens it to show the message", async () => {
    show();
    await userEvent.type(screen.getByLabelText("Name"), "Acme");
    await userEvent.type(screen.getByLabelText("v3 client id"), "abc-123");
    const token = screen.getByLabelText("v3 token URL");
    await userEvent.clear(token);
    await userEvent.type(token, "not a url");
    fireEvent.submit(screen.getByRole("button", { name: "Connect and sign in" }));
    expect(
      await screen.findByText("The v3 token URL is not a URL (it must start with https://)."),
    ).toBeTruthy();
    expect(screen.getByText(/Advanced/).closest("details")?.open).toBe(true);
  });

  it("asks for the v2 API key instead of the client id when v2 is chosen", async () => {
    show();
    await userEvent.click(screen.getByLabelText("v2 (legacy)"));
    expect(screen.queryByLabelText("v3 client id")).toBeNull();
    expect(screen.getByLabelText("v2 API key")).toBeTruthy();
  });

  it("fills every field from the Sandbox preset, with the origin from /runtime-config.json", async () => {
    vi.stubGlobal(
      "fetch",
      async () => new Response(JSON.stringify({ sandboxOrigin: "http://127.0.0.1:4999" })),
    );
    show();
    await userEvent.click(screen.getByRole("button", { name: "Sandbox" }));
    await waitFor(() => expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Sandbox"));
    expect((screen.getByLabelText("v3 client id") as HTMLInputElement).value).toBe("mailroom-sandbox-client");
    expect((screen.getByLabelText("v2 API key") as HTMLInputElement).value).toBe("mailroom-sandbox-v2-key");
    expect((screen.getByLabelText("v3 token URL") as HTMLInputElement).value).toBe(
      "http://127.0.0.1:4999/oauth2/default/v1/token",
    );
    await userEvent.click(screen.getByRole("button", { name: "Connect and sign in" }));
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1));
    const [saved] = await db().accounts.toArray();
    expect(saved).toMatchObject({ label: "Sandbox", sandbox: true, generations: ["v3", "v2"] });
  });

  it("says so when the sandbox's origin cannot be read", async () => {
    vi.stubGlobal("fetch", async () => new Response("", { status: 404 }));
    show();
    await userEvent.click(screen.getByRole("button", { name: "Sandbox" }));
    expect(await screen.findByText(/does not say where its sandbox runs/)).toBeTruthy();
  });

  it("fills the demo preset with the in-page demo origin", async () => {
    show();
    await userEvent.click(screen.getByRole("button", { name: "Explore with demo data" }));
    await waitFor(() =>
      expect((screen.getByLabelText("v3 authorize URL") as HTMLInputElement).value).toBe(
        "https://demo.mailroom.invalid/oauth2/default/v1/authorize",
      ),
    );
  });

  it("shows the redirect URI of this origin and copies it", async () => {
    const writeText = vi.fn(async () => {});
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    show();
    const uri = `${location.origin}/auth/callback`;
    expect((screen.getByLabelText(/Redirect URI/) as HTMLInputElement).value).toBe(uri);
    await userEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(uri);
    expect(await screen.findByText("Copied.")).toBeTruthy();
  });

  it("tells the user to copy by hand when the clipboard is refused", async () => {
    vi.stubGlobal("navigator", {
      ...navigator,
      clipboard: { writeText: async () => Promise.reject(new Error("denied")) },
    });
    show();
    await userEvent.click(screen.getByRole("button", { name: "Copy" }));
    expect(await screen.findByText(/Could not copy \(denied\)/)).toBeTruthy();
  });
});
