import { For } from "solid-js";
import { createTheme, type ThemeChoice } from "../primitives/createTheme";

const CHOICES: [ThemeChoice, string][] = [
  ["system", "Same as the system"],
  ["light", "Light"],
  ["dark", "Dark"],
];

/** System, light or dark: remembered on this device. */
export function ThemeSection() {
  const [theme, setTheme] = createTheme();
  return (
    <section class="panel" aria-labelledby="theme-heading">
      <h2 id="theme-heading">Theme</h2>
      <fieldset class="radio-group">
        <legend class="visually-hidden">Theme</legend>
        <For each={CHOICES}>
          {([value, label]) => (
            <label>
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme() === value}
                onChange={() => setTheme(value)}
              />
              {label}
            </label>
          )}
        </For>
      </fieldset>
    </section>
  );
}
