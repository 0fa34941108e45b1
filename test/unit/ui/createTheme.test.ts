import { afterEach, describe, expect, it } from "vitest";
import { createTheme, THEME_KEY } from "../../../src/ui/primitives/createTheme";
import { inRoot } from "./support/inRoot";

afterEach(() => {
  localStorage.clear();
  document.documentElement.removeAttribute("data-theme");
});

describe("createTheme", () => {
  it("applies a choice to the document and remembers it; 'system' forgets it", () => {
    const [[theme, setTheme]] = inRoot(createTheme);
    setTheme("dark");
    expect(theme()).toBe("dark");
    expect(document.documentElement.getAttribute("data-theme")).toBe("dark");
    expect(localStorage.getItem(THEME_KEY)).toBe("dark");
    setTheme("system");
    expect(theme()).toBe("system");
    expect(document.documentElement.hasAttribute("data-theme")).toBe(false);
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
  });
});
