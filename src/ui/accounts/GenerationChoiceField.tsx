import { Show } from "solid-js";
import type { Generation } from "../../db";

type GenerationChoice = "v3" | "v2" | "both";
const GENERATIONS: Record<GenerationChoice, Generation[]> = { v3: ["v3"], v2: ["v2"], both: ["v3", "v2"] };
const LABELS: Record<GenerationChoice, string> = {
  v3: "v3 (current)",
  v2: "v2 (legacy)",
  both: "Both v3 and v2",
};
const choiceOf = (generations: Generation[]): GenerationChoice =>
  generations.length === 2 ? "both" : generations[0] === "v2" ? "v2" : "v3";

/** The account's API generations as three radios: v3, v2, or both. */
export function GenerationChoiceField(props: {
  generations: Generation[];
  error?: string;
  onChange: (generations: Generation[]) => void;
}) {
  return (
    <fieldset aria-describedby={props.error ? "generations-error" : undefined}>
      <legend>API generation</legend>
      {(["v3", "v2", "both"] as const).map((choice) => (
        <label class="choice">
          <input
            type="radio"
            name="generations"
            value={choice}
            checked={choiceOf(props.generations) === choice}
            onChange={() => props.onChange(GENERATIONS[choice])}
          />
          {LABELS[choice]}
        </label>
      ))}
      <Show when={props.error}>
        <small id="generations-error" class="field-error">
          {props.error}
        </small>
      </Show>
    </fieldset>
  );
}
