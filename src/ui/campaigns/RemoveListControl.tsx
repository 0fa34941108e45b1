import { createSignal, Show } from "solid-js";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount } from "../format/number";
import { createTask } from "../primitives/createTask";

/**
 * "Remove from this device" for one send list, behind a confirmation that says what goes and what
 * stays: the storage-full advice tells users to remove lists they no longer need. Works offline
 * (nothing is asked of Constant Contact).
 */
export function RemoveListControl(props: {
  /** "Primary email of Spring sale": which list, for the confirmation and the hidden names. */
  label: string;
  /** Rows held; undefined when nothing of the list is on the device (no button then). */
  rows: number | undefined;
  /** A sync of this list runs in this tab: the confirmation says it stops. */
  syncing: boolean;
  onRemove: () => Promise<void>;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const [removed, setRemoved] = createSignal(false);
  const removal = createTask(async () => {
    await props.onRemove();
    setConfirming(false);
    setRemoved(true);
  });
  return (
    <>
      <Show
        when={confirming()}
        fallback={
          <Show when={props.rows !== undefined}>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setRemoved(false);
                setConfirming(true);
              }}
            >
              Remove from this device <span class="visually-hidden">{props.label}</span>
            </button>
          </Show>
        }
      >
        <fieldset class="confirm">
          <legend>
            Remove the {formatCount(props.rows ?? 0)} cached sends of {props.label} from this device?
            {props.syncing ? " The sync running now stops." : ""} The account and its other send lists stay,
            and this list can be synced again later.
          </legend>
          <button
            type="button"
            class="danger"
            disabled={removal.running()}
            onClick={() => void removal.run()}
          >
            Yes, remove <span class="visually-hidden">{props.label}</span>
          </button>{" "}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </fieldset>
      </Show>
      <Show when={removed()}>
        <p role="status">Removed {props.label} from this device.</p>
      </Show>
      <Show when={removal.error()}>{(error) => <ErrorNotice error={error()} context="sends" compact />}</Show>
    </>
  );
}
