import { createSignal, For, Show } from "solid-js";
import { clock } from "../../core/clock";
import {
  getKeepUpSetting,
  getKeepUpStatus,
  KEEP_UP_SHARES,
  type KeepUpSetting,
  type KeepUpStatus,
} from "../../db/keepUp";
import { saveKeepUpSetting } from "../../sync";
import { planKeepUp } from "../../sync/keepUpPlan";
import { DAILY_LIMIT } from "../../sync/pacer";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount } from "../format/number";
import { TimeText } from "../format/TimeText";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { postToWorker } from "../pwa/workerBridge";
import { planLine, progressLine, stopLine } from "./keepUpText";

async function loadKeepUp(accountId: string) {
  const [setting, status] = await Promise.all([getKeepUpSetting(accountId), getKeepUpStatus(accountId)]);
  const plan = await planKeepUp(accountId, { now: clock.now(), share: setting.share });
  return { setting, status, plan };
}

/**
 * "Keep all send lists up to date": the account's setting, the plan of what its next round would
 * fetch, and what the last round did. The rounds run in the service worker (src/sync/keepUpRound.ts).
 */
export function KeepUpSection() {
  const now = createNow(60_000);
  const current = createCurrentAccount();
  const keepUp = createLiveQuery(current.id, (id) => (id ? loadKeepUp(id) : undefined));
  const [saveError, setSaveError] = createSignal<unknown>();
  const save = async (accountId: string, setting: KeepUpSetting) => {
    setSaveError(undefined);
    try {
      await saveKeepUpSetting(accountId, setting);
    } catch (error) {
      setSaveError(() => error);
      return;
    }
    if (!setting.enabled || !("serviceWorker" in navigator)) return;
    postToWorker({ type: "POLL_NOW", reason: "keep-up" }).catch((error: unknown) =>
      console.warn("Mailroom: could not wake the worker to keep send lists up to date", error),
    );
  };
  return (
    <section class="panel" aria-labelledby="keep-up-heading">
      <h2 id="keep-up-heading">Keep all send lists up to date</h2>
      <Show when={keepUp.error()}>{(error) => <ErrorNotice error={error()} compact />}</Show>
      <Show when={saveError()}>{(error) => <ErrorNotice error={error()} compact />}</Show>
      <Show when={current.id()} fallback={<p class="muted">Connect an account to keep its send lists.</p>}>
        {(accountId) => (
          <Show when={keepUp.value()}>
            {(state) => (
              <>
                <KeepUpControls
                  setting={state().setting}
                  onChange={(setting) => void save(accountId(), setting)}
                />
                <p data-testid="keep-up-plan">{planLine(state().plan)}</p>
                <Show when={state().status}>{(status) => <KeepUpRound status={status()} now={now()} />}</Show>
              </>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}

/** The switch and the share of the day's requests it may use. */
function KeepUpControls(props: { setting: KeepUpSetting; onChange: (setting: KeepUpSetting) => void }) {
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={props.setting.enabled}
          onChange={(event) => props.onChange({ ...props.setting, enabled: event.currentTarget.checked })}
        />{" "}
        Keep all send lists up to date
      </label>
      <p class="muted">
        In the background, Mailroom refreshes the campaign list and fetches new and grown send lists, using at
        most a share of the day's {formatCount(DAILY_LIMIT)} requests of each API key.
      </p>
      <label>
        Share of the day's requests{" "}
        <select
          value={String(props.setting.share)}
          onChange={(event) => props.onChange({ ...props.setting, share: Number(event.currentTarget.value) })}
        >
          <For each={KEEP_UP_SHARES}>
            {(share) => (
              <option value={String(share)}>
                {Math.round(share * 100)} % ({formatCount(share * DAILY_LIMIT)} requests)
              </option>
            )}
          </For>
        </select>
      </label>
    </>
  );
}

/** What the round running now, or the last one, did. */
function KeepUpRound(props: { status: KeepUpStatus; now: number }) {
  return (
    <div role="status" data-testid="keep-up-progress">
      <p>
        {props.status.state === "running" ? "Running now: " : "Last round "}
        <Show when={props.status.state !== "running"}>
          <TimeText at={props.status.finishedAt ?? props.status.startedAt} now={props.now} />:{" "}
        </Show>
        {progressLine(props.status)}
      </p>
      <Show when={props.status.stop}>{(stop) => <p class="warn-text">{stopLine(stop())}</p>}</Show>
      <Show when={props.status.lastError}>
        {(error) => <p class="muted">Last failed send list: {error().message}</p>}
      </Show>
    </div>
  );
}
