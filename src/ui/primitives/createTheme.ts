import { type Accessor, createSignal } from "solid-js";

export type ThemeChoice = "system" | "light" | "dark";
export const THEME_KEY = "mailroom.theme";

function readTheme(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return stored === "light" || stored === "dark" ? stored : "system";
  } catch (failure) {
    console.warn("Mailroom cannot read the theme choice", failure);
    return "system";
  }
}

/** Sets `data-theme` on <html>: app.css switches its colour variables on it ("system" removes it). */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", choice);
}

const [theme, setThemeSignal] = createSignal<ThemeChoice>(readTheme());

/** Applies the remembered theme; called once when the app starts. */
export function applyStoredTheme(): void {
  applyTheme(theme());
}

/**
 * The theme choice, remembered in localStorage and applied to the document.
 * @example const [theme, setTheme] = createTheme(); setTheme("dark");
 */
export function createTheme(): [Accessor<ThemeChoice>, (choice: ThemeChoice) => void] {
  const set = (choice: ThemeChoice) => {
    setThemeSignal(choice);
    applyTheme(choice);
    try {
      if (choice === "system") localStorage.removeItem(THEME_KEY);
      else localStorage.setItem(THEME_KEY, choice);
    } catch (failure) {
      console.warn("Mailroom cannot remember the theme choice", failure);
    }
  };
  return [theme, set];
}
