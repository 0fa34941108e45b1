import { createEffect, For, Show } from "solid-js";
import type { Generation, GenerationSyncState, SyncState } from "../../db";
import { loadAccountSignIn } from "../../db/queries/signIn";
import { SignInPrompt } from "../accounts/SignInPrompt";
import { type SignInState, signInNeedText, signInStateOf } from "../accounts/signInNeed";
import { TimeText } from "../format/TimeText";
import { createLiveQuery } from "../primitives/createLiveQuery";

/**
 * "v3 fetched 2 min ago · v2 not signed in": the freshness of a list fetched from both API
 * generations, one part per generation. Whether a generation is signed in is read from its token
 * (live), so the header is right the moment a sign-in lands, and `onSignedIn` fetches what that
 * generation's list now can.
 */
export function GenerationFreshness(props: { state: SyncState; now: number; onSignedIn?: () => void }) {
  const signIn = createLiveQuery(() => props.state.accountId, loadAccountSignIn);
  const generations = () => signIn.value()?.account.generations ?? [];
  const stateOf = (generation: Generation) => signInStateOf(signIn.value()?.tokens[generation]);
  const neverSignedIn = () => generations().filter((generation) => stateOf(generation) === "not_signed_in");
  // A generation the last run skipped as not signed in has a token now: its list is owed, once.
  const asked = new Set<Generation>();
  createEffect(() => {
    if (!props.onSignedIn || props.state.status === "running") return;
    const owed = generations().filter(
      (generation) =>
        !asked.has(generation) &&
        stateOf(generation) === "signed_in" &&
        props.state.generations?.[generation]?.outcome === "not_signed_in",
    );
    if (owed.length === 0) return;
    for (const generation of owed) asked.add(generation);
    props.onSignedIn();
  });
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
      <Show when={neverSignedIn().length > 0 && signIn.value()}>
        {(held) => <SignInPrompt account={held().account} generations={neverSignedIn()} />}
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
