import { createSignal, For, Show } from "solid-js";
import { clock } from "../../core/clock";
import { getKeepUpSetting, getKeepUpStatus, KEEP_UP_SHARES, type KeepUpSetting } from "../../db/keepUp";
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
                <label>
                  <input
                    type="checkbox"
                    checked={state().setting.enabled}
                    onChange={(event) =>
                      void save(accountId(), { ...state().setting, enabled: event.currentTarget.checked })
                    }
                  />{" "}
                  Keep all send lists up to date
                </label>
                <p class="muted">
                  In the background, Mailroom refreshes the campaign list and fetches new and grown send
                  lists, using at most a share of the day's {formatCount(DAILY_LIMIT)} requests of each API
                  key.
                </p>
                <label>
                  Share of the day's requests{" "}
                  <select
                    value={String(state().setting.share)}
                    onChange={(event) =>
                      void save(accountId(), { ...state().setting, share: Number(event.currentTarget.value) })
                    }
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
                <p data-testid="keep-up-plan">{planLine(state().plan)}</p>
                <Show when={state().status}>
                  {(status) => (
                    <div role="status" data-testid="keep-up-progress">
                      <p>
                        {status().state === "running" ? "Running now: " : "Last round "}
                        <Show when={status().state !== "running"}>
                          <TimeText at={status().finishedAt ?? status().startedAt} now={now()} />:{" "}
                        </Show>
                        {progressLine(status())}
                      </p>
                      <Show when={status().stop}>
                        {(stop) => <p class="warn-text">{stopLine(stop())}</p>}
                      </Show>
                      <Show when={status().lastError}>
                        {(error) => <p class="muted">Last failed send list: {error().message}</p>}
                      </Show>
                    </div>
                  )}
                </Show>
              </>
            )}
          </Show>
        )}
      </Show>
    </section>
  );
}
