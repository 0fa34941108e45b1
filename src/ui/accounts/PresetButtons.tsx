import type { AccountInput } from "../../auth/accounts";
import { demoPreset, sandboxPreset } from "./formPresets";

/** Fills the form in one click: the local sandbox, or the in-browser demo with its data. */
export function PresetButtons(props: {
  onPreset: (preset: () => AccountInput | Promise<AccountInput>) => void;
}) {
  return (
    <p class="actions">
      <button type="button" class="secondary" onClick={() => props.onPreset(sandboxPreset)}>
        Sandbox
      </button>
      <button type="button" class="secondary" onClick={() => props.onPreset(demoPreset)}>
        Explore with demo data
      </button>
    </p>
  );
}
