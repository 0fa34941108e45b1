import { Show } from "solid-js";

/**
 * A send list's Sync (or Resume, or Sync new sends) and Sync everything again, or Cancel while this
 * tab runs it. The visible words come first in each name (WCAG 2.5.3); the hidden rest says which list.
 */
export function SendListSyncButtons(props: {
  /** Which list, for the buttons' hidden names. */
  label: string;
  /** This tab runs the sync. */
  syncing: boolean;
  /** A sync runs here or in another tab: no second one may start. */
  running: boolean;
  interrupted: boolean;
  online: boolean;
  /** The list has a sync state (it was synced, or tried, at least once). */
  known: boolean;
  fetchedBefore: boolean;
  onSync: (everything: boolean) => void;
  onCancel: () => void;
}) {
  const blocked = () => !props.online || props.running;
  return (
    <Show
      when={props.syncing}
      fallback={
        <>
          <button type="button" onClick={() => props.onSync(false)} disabled={blocked()}>
            {props.interrupted ? "Resume sync" : props.fetchedBefore ? "Sync new sends" : "Sync"}{" "}
            <span class="visually-hidden">{props.label}</span>
          </button>
          <Show when={props.known}>
            <button type="button" class="secondary" onClick={() => props.onSync(true)} disabled={blocked()}>
              Sync everything again <span class="visually-hidden">{props.label}</span>
            </button>
          </Show>
        </>
      }
    >
      <button type="button" class="secondary" onClick={() => props.onCancel()}>
        Cancel <span class="visually-hidden">sync of {props.label}</span>
      </button>
    </Show>
  );
}
