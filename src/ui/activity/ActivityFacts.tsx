import { For, Show } from "solid-js";
import type { BulkActivity } from "../../db";
import { typeLabel } from "../activities/activityFilter";
import { formatCount } from "../format/number";

/** The counts an activity reports, as a definition list (only those the server gave). */
export function ActivityFacts(props: { activity: BulkActivity }) {
  const facts = () =>
    (
      [
        ["Type", typeLabel(props.activity.type)],
        ["API", props.activity.generation],
        ["Constant Contact status", props.activity.rawStatus],
        ["Items", props.activity.itemsTotal],
        ["Items done", props.activity.itemsDone],
        ["Contacts", props.activity.contactCount],
        ["Errors", props.activity.errorCount],
        ["File", props.activity.fileName],
      ] as [string, string | number | undefined][]
    ).filter(([, value]) => value !== undefined && value !== "");
  return (
    <dl class="facts">
      <For each={facts()}>
        {([name, value]) => (
          <div>
            <dt>{name}</dt>
            <dd>
              <Show when={typeof value === "number"} fallback={value}>
                {formatCount(value as number)}
              </Show>
            </dd>
          </div>
        )}
      </For>
    </dl>
  );
}
