import { afterEach, describe, expect, it, vi } from "vitest";
import { createOnline } from "../../../src/ui/primitives/createOnline";
import { inRoot } from "./support/inRoot";

function goOnline(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("createOnline", () => {
  it("follows the browser's online and offline events", () => {
    const [online] = inRoot(createOnline);
    expect(online()).toBe(true);
    goOnline(false);
    expect(online()).toBe(false);
    goOnline(true);
    expect(online()).toBe(true);
  });

  it("stops listening when its owner is disposed", () => {
    const [online, dispose] = inRoot(createOnline);
    dispose();
    goOnline(false);
    expect(online()).toBe(true);
  });
});
