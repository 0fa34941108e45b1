import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { syncLockName } from "../../core/locks";
import type { SyncState } from "../../db";
import type { SendList } from "../../db/queries/campaigns";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount } from "../format/number";
import { createLockHeld } from "../primitives/createLockHeld";
import { createTask } from "../primitives/createTask";
import { Freshness } from "../shell/Freshness";
import { askForPersistenceOnFirstSync } from "../work/persistence";
import { removeSendList, resyncSends, syncSends } from "../work/sync";
import { RemoveListControl } from "./RemoveListControl";
import { SyncProgress } from "./SyncProgress";

const ROLE_LABEL: Record<string, string> = {
  sends: "Sends",
  primary_email: "Primary email",
  resend: "Resend",
};

/**
 * One send list: cached vs expected, freshness, Sync / Sync everything again / Cancel with
 * progress, why it stopped, and Remove from this device.
 */
export function SendListRow(props: {
  list: SendList;
  state: SyncState | undefined;
  now: number;
  online: boolean;
  campaignName: string;
}) {
  const sync = createTask(async (signal, everything: boolean) => {
    void askForPersistenceOnFirstSync();
    await (everything ? resyncSends : syncSends)(props.list.dataset, { signal });
  });
  let current: Promise<void> | undefined;
  const start = (everything: boolean) => {
    current = sync.run(everything);
  };
  // This tab's own run is cancelled and allowed to record its stop first, or that record would
  // put the state back after the removal; a run in another tab stops at its next write.
  const remove = async () => {
    if (sync.running()) {
      sync.cancel();
      await current;
    }
    await removeSendList(props.list.dataset);
  };
  // A "running" state left by a closed tab is an interrupted sync: offer to resume it.
  const storedRunning = () => props.state?.status === "running" && !sync.running();
  const lockHeld = createLockHeld(() => syncLockName(props.list.dataset), storedRunning);
  const interrupted = () => storedRunning() && lockHeld() === false;
  const running = () => sync.running() || (storedRunning() && !interrupted());
  const label = () => `${ROLE_LABEL[props.list.role] ?? props.list.role} of ${props.campaignName}`;
  const stopped = () => (sync.running() ? undefined : (sync.error() ?? props.state?.lastError));
  return (
    <li class="send-list">
      <div class="send-list-head">
        <strong>{ROLE_LABEL[props.list.role] ?? props.list.role}</strong>
        <span>
          {/* Rows held, kept by the sync engine in the same transaction as each page and recounted
              when a run ends: counting a million keys here would hold up every other read. */}
          {formatCount(props.state?.rows ?? 0)}
          <Show when={props.state?.expectedRows}>{(expected) => <> of {formatCount(expected())}</>}</Show>{" "}
          sends cached
        </span>
        <Freshness state={props.state} now={props.now} what="Sends" />
      </div>
      <Show when={running() && props.state}>
        {(state) => <SyncProgress state={state()} label={`Sync of ${label()}`} />}
      </Show>
      <Show when={props.state?.resyncCopy !== undefined}>
        <p class="muted">
          Syncing everything again: the sends held stay readable until the new copy is complete; then the ones
          Constant Contact no longer lists are dropped.
        </p>
      </Show>
      <Show when={stopped()}>{(error) => <ErrorNotice error={error()} context="sends" compact />}</Show>
      <div class="actions">
        {/* The visible words come first in each name (WCAG 2.5.3); the hidden rest says which list. */}
        <Show
          when={sync.running()}
          fallback={
            <>
              <button type="button" onClick={() => start(false)} disabled={!props.online || running()}>
                {interrupted() ? "Resume sync" : props.state?.fetchedAt ? "Sync new sends" : "Sync"}{" "}
                <span class="visually-hidden">{label()}</span>
              </button>
              <Show when={props.state}>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => start(true)}
                  disabled={!props.online || running()}
                >
                  Sync everything again <span class="visually-hidden">{label()}</span>
                </button>
              </Show>
            </>
          }
        >
          <button type="button" class="secondary" onClick={() => sync.cancel()}>
            Cancel <span class="visually-hidden">sync of {label()}</span>
          </button>
        </Show>
        <A href={`/campaigns/${encodeURIComponent(props.list.dataset)}/sends`}>
          Open sends <span class="visually-hidden">of {label()}</span>
        </A>
        {/* Always mounted, so that its "Removed" message outlives the state it removed. */}
        <RemoveListControl
          label={label()}
          rows={props.state?.rows}
          syncing={sync.running()}
          onRemove={remove}
        />
      </div>
    </li>
  );
}
