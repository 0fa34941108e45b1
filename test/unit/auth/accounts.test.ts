import { beforeEach, describe, expect, it } from "vitest";
import {
  type AccountInput,
  addAccount,
  updateAccount,
  validateAccountInput,
} from "../../../src/auth/accounts";
import { CONSTANT_CONTACT_ENDPOINTS, endpointsOn } from "../../../src/auth/presets";
import { db } from "../../../src/db";
import { freshDb } from "./support";

const valid: AccountInput = {
  label: "Acme",
  generations: ["v3"],
  v3ClientId: "0f8b6c2e-aaaa-bbbb-cccc-1234567890ab",
  scopes: "contact_data campaign_data offline_access",
  endpoints: CONSTANT_CONTACT_ENDPOINTS,
};

beforeEach(() => {
  freshDb();
});

describe("account validation", () => {
  it("accepts a v3 account with Constant Contact's endpoints", () => {
    expect(validateAccountInput(valid)).toEqual({});
  });

  it("names each missing or malformed field with what to do", () => {
    const errors = validateAccountInput({
      ...valid,
      label: " ",
      v3ClientId: "https://app.constantcontact.com/key",
      scopes: "contact_data, campaign_data",
      endpoints: {
        ...valid.endpoints,
        v3Token: "authz.constantcontact.com/token",
        v3Authorize: "http://evil.example/authorize",
      },
    });
    expect(errors.label).toMatch(/Give the account a name/);
    expect(errors.v3ClientId).toMatch(/no spaces/);
    expect(errors.scopes).toMatch(/Separate scopes with spaces/);
    expect(errors.v3Token).toBe("The v3 token URL is not a URL (it must start with https://).");
    expect(errors.v3Authorize).toMatch(/must use https:\/\//);
  });

  it("requires a generation, and the credentials of each chosen generation", () => {
    expect(validateAccountInput({ ...valid, generations: [] }).generations).toBe("Choose v3, v2, or both.");
    const both = validateAccountInput({ ...valid, generations: ["v3", "v2"], v3ClientId: "" });
    expect(both.v3ClientId).toMatch(/Enter the v3 client id/);
    expect(both.v2ApiKey).toBe("Enter the v2 API key.");
  });

  it("allows plain http only on the loopback (the sandbox)", () => {
    expect(validateAccountInput({ ...valid, endpoints: endpointsOn("http://127.0.0.1:4174") })).toEqual({});
    expect(validateAccountInput({ ...valid, endpoints: endpointsOn("http://10.0.0.2:4174") }).v3Api).toMatch(
      /https/,
    );
  });

  it("ignores the endpoints of a generation the account does not use", () => {
    const v2Only: AccountInput = {
      ...valid,
      generations: ["v2"],
      v2ApiKey: "abcd1234",
      endpoints: { ...valid.endpoints, v3Token: "" },
    };
    expect(validateAccountInput(v2Only)).toEqual({});
  });
});

describe("creating and updating accounts", () => {
  it("stores a trimmed account under a random id, without the other generation's credentials", async () => {
    const account = await addAccount({
      ...valid,
      label: "  Acme  ",
      v2ApiKey: "unused",
      scopes: " a  b ",
    });
    expect(account.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(account).toMatchObject({ label: "Acme", v2ApiKey: undefined, scopes: "a b", generations: ["v3"] });
    expect(await db().accounts.get(account.id)).toEqual(account);
  });

  it("refuses invalid input with the per-field messages", async () => {
    await expect(addAccount({ ...valid, label: "" })).rejects.toMatchObject({
      name: "AccountValidationError",
      errors: { label: expect.stringMatching(/name/) },
    });
    expect(await db().accounts.count()).toBe(0);
  });

  it("updates an account in place and keeps its id and creation time", async () => {
    const account = await addAccount(valid);
    const updated = await updateAccount(account.id, { ...valid, label: "Acme EU" });
    expect(updated).toMatchObject({ id: account.id, createdAt: account.createdAt, label: "Acme EU" });
  });
});
