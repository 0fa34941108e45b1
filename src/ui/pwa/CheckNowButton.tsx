import { Show } from "solid-js";
import { createOnline } from "../primitives/createOnline";
import { createPollStatus } from "./createPollStatus";
import { postToWorker } from "./workerBridge";

/** Wakes the worker for a poll round now, and says what the background poller is doing. */
export function CheckNowButton() {
  const online = createOnline();
  const status = createPollStatus();
  const checkNow = () =>
    postToWorker({ type: "POLL_NOW", reason: "user" }).catch((error: unknown) =>
      console.error("Mailroom: could not reach the service worker", error),
    );
  return (
    <div class="check-now">
      <button type="button" onClick={checkNow} disabled={!online() || status().polling}>
        {status().polling ? "Checking running jobs…" : "Check running jobs now"}
      </button>
      <Show when={!online()}>
        <span class="muted"> Polling paused while offline; it resumes when the connection returns.</span>
      </Show>
      <Show when={status().paused === "sign-in-required"}>
        <span class="muted"> Polling stopped: sign in again in Settings.</span>
      </Show>
      <Show when={status().failure}>
        {(failure) => <span class="muted"> Last check failed: {failure().message}</span>}
      </Show>
    </div>
  );
}
