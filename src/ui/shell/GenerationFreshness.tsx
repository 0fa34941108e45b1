import { For, Show } from "solid-js";
import type { Generation, GenerationSyncState, SyncState } from "../../db";
import { SignInPrompt } from "../accounts/SignInPrompt";
import { type SignInState, signInNeedText, signInStateOf } from "../accounts/signInNeed";
import { TimeText } from "../format/TimeText";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { loadAccountSignIn } from "../queries/signIn";

/**
 * "v3 fetched 2 min ago · v2 not signed in": the freshness of a list fetched from both API
 * generations, one part per generation. Whether a generation is signed in is read from its token
 * (live), so the header is right the moment a sign-in lands, before the next refresh.
 */
export function GenerationFreshness(props: { state: SyncState; now: number }) {
  const signIn = createLiveQuery(() => props.state.accountId, loadAccountSignIn);
  const generations = () => signIn.value()?.account.generations ?? [];
  const stateOf = (generation: Generation) => signInStateOf(signIn.value()?.tokens[generation]);
  const neverSignedIn = () => generations().filter((generation) => stateOf(generation) === "not_signed_in");
  return (
    <>
      <p class="freshness muted">
        <For each={generations()}>
          {(generation, index) => (
            <>
              {index() > 0 ? " · " : ""}
              <GenerationPart
                generation={generation}
                signIn={stateOf(generation)}
                record={props.state.generations?.[generation]}
                now={props.now}
              />
            </>
          )}
        </For>
        <Show when={props.state.status === "running"}> · updating…</Show>
      </p>
      <Show when={signIn.value()?.account && neverSignedIn().length > 0}>
        <SignInPrompt account={signIn.value()!.account} generations={neverSignedIn()} />
      </Show>
    </>
  );
}

function GenerationPart(props: {
  generation: Generation;
  signIn: SignInState;
  record: GenerationSyncState | undefined;
  now: number;
}) {
  const need = () => (props.signIn === "signed_in" ? undefined : props.signIn);
  return (
    <Show when={!need()} fallback={signInNeedText(need()!, props.generation).short}>
      <Show
        when={props.record?.fetchedAt}
        fallback={
          <>
            {props.generation} not fetched yet
            {props.record?.outcome === "failed" ? " (the last try failed)" : ""}
          </>
        }
      >
        {(fetchedAt) => (
          <>
            {props.generation} fetched <TimeText at={fetchedAt()} now={props.now} />
            {props.record?.outcome === "failed" ? " (the last try failed)" : ""}
          </>
        )}
      </Show>
    </Show>
  );
}
