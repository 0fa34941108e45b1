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
import { SendListSyncButtons } from "./SendListSyncButtons";
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
        <CachedCount rows={props.state?.rows} expected={props.state?.expectedRows} />
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
        <SendListSyncButtons
          label={label()}
          syncing={sync.running()}
          running={running()}
          interrupted={interrupted()}
          online={props.online}
          known={props.state !== undefined}
          fetchedBefore={Boolean(props.state?.fetchedAt)}
          onSync={start}
          onCancel={() => sync.cancel()}
        />
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

/**
 * Rows held, kept by the sync engine in the same transaction as each page and recounted when a run
 * ends: counting a million keys here would hold up every other read.
 */
function CachedCount(props: { rows: number | undefined; expected: number | undefined }) {
  return (
    <span>
      {formatCount(props.rows ?? 0)}
      <Show when={props.expected}>{(expected) => <> of {formatCount(expected())}</>}</Show> sends cached
    </span>
  );
}
