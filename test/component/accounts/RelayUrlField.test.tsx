import { cleanup, render, screen, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CONSTANT_CONTACT_ENDPOINTS } from "../../../src/auth/presets";
import { db, MailroomDb, useDb } from "../../../src/db";
import { ConnectAccountForm } from "../../../src/ui/accounts/ConnectAccountForm";

const onConnected = vi.fn();
const fieldValue = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

beforeEach(() => {
  useDb(new MailroomDb(`t-${crypto.randomUUID()}`));
  onConnected.mockReset();
  render(() => <ConnectAccountForm onConnected={onConnected} />);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("Relay URL in the Connect form", () => {
  it("fills every fetched endpoint with the relay at once and leaves the authorize pages on Constant Contact", async () => {
    await userEvent.type(screen.getByLabelText("Name"), "Acme");
    await userEvent.type(screen.getByLabelText("v3 client id"), "abc-123");
    await userEvent.click(screen.getByLabelText("Both v3 and v2"));
    await userEvent.type(screen.getByLabelText("v2 API key"), "v2-key-1");
    await userEvent.type(screen.getByLabelText("Relay URL"), "https://relay.example.org/");
    expect(fieldValue("v3 token URL"), "filled while still typing").toBe(CONSTANT_CONTACT_ENDPOINTS.v3Token);
    await userEvent.click(screen.getByRole("button", { name: "Use relay" }));
    expect(await screen.findByText("Endpoints now go through https://relay.example.org.")).toBeTruthy();

    expect(fieldValue("v3 API base")).toBe("https://relay.example.org");
    expect(fieldValue("v3 token URL")).toBe("https://relay.example.org/oauth2/default/v1/token");
    expect(fieldValue("v3 revoke URL")).toBe("https://relay.example.org/oauth2/default/v1/revoke");
    expect(fieldValue("v2 API base")).toBe("https://relay.example.org");
    expect(fieldValue("v2 token info URL")).toBe("https://relay.example.org/oauth2/tokeninfo.htm");
    expect(fieldValue("v3 authorize URL")).toBe(CONSTANT_CONTACT_ENDPOINTS.v3Authorize);
    expect(fieldValue("v2 authorize URL")).toBe(CONSTANT_CONTACT_ENDPOINTS.v2Authorize);

    await userEvent.click(screen.getByRole("button", { name: "Connect and sign in" }));
    await waitFor(() => expect(onConnected).toHaveBeenCalledTimes(1));
    const [saved] = await db().accounts.toArray();
    expect(saved?.endpoints).toEqual({
      ...CONSTANT_CONTACT_ENDPOINTS,
      v3Api: "https://relay.example.org",
      v3Token: "https://relay.example.org/oauth2/default/v1/token",
      v3Revoke: "https://relay.example.org/oauth2/default/v1/revoke",
      v2Api: "https://relay.example.org",
      v2TokenInfo: "https://relay.example.org/oauth2/tokeninfo.htm",
    });
  });

  it("keeps the sandbox's authorize pages when a local relay fronts the sandbox", async () => {
    vi.stubGlobal(
      "fetch",
      async () => new Response(JSON.stringify({ sandboxOrigin: "http://127.0.0.1:4999" })),
    );
    await userEvent.click(screen.getByRole("button", { name: "Sandbox" }));
    await waitFor(() => expect(fieldValue("Name")).toBe("Sandbox"));
    // Enter in the field uses the relay; it does not submit the form.
    await userEvent.type(screen.getByLabelText("Relay URL"), "http://127.0.0.1:8787{Enter}");
    expect(onConnected).not.toHaveBeenCalled();
    expect(fieldValue("v3 token URL")).toBe("http://127.0.0.1:8787/oauth2/default/v1/token");
    expect(fieldValue("v3 authorize URL")).toBe("http://127.0.0.1:4999/oauth2/default/v1/authorize");
  });

  it.each([
    ["nothing", "", /Enter the relay's URL/],
    ["not a URL", "relay.example.org", /not a URL/],
    ["plain http off the loopback", "http://relay.example.org", /must use https/],
    ["a path", "https://example.org/relay", /origin only/],
    ["a query", "https://relay.example.org/?x=1", /origin only/],
  ])("says what is wrong with %s and changes no endpoint", async (_, typed, message) => {
    if (typed) await userEvent.type(screen.getByLabelText("Relay URL"), typed);
    await userEvent.click(screen.getByRole("button", { name: "Use relay" }));
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.getByLabelText("Relay URL").getAttribute("aria-invalid")).toBe("true");
    expect(fieldValue("v3 token URL")).toBe(CONSTANT_CONTACT_ENDPOINTS.v3Token);
    expect(fieldValue("v2 API base")).toBe(CONSTANT_CONTACT_ENDPOINTS.v2Api);
  });
});
