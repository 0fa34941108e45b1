import { createSignal, For } from "solid-js";
import type { Account, Generation } from "../../db";
import { AlertText } from "../errors/AlertText";
import { signInNeedText } from "./signInNeed";

/**
 * "v2: not signed in yet [Sign in with v2]" for each generation of the account that was never
 * signed in on this device: a first step to take, not an error.
 */
export function SignInPrompt(props: { account: Account; generations: Generation[] }) {
  const [busy, setBusy] = createSignal(false);
  const [failure, setFailure] = createSignal<string>();
  const signIn = async (generation: Generation) => {
    setBusy(true);
    setFailure(undefined);
    try {
      // Loaded on the press: the sign-in code (oauth4webapi) stays out of the first screen's bundle.
      const { startSignIn } = await import("./startSignIn");
      await startSignIn(props.account, generation);
    } catch (error) {
      setFailure(`Signing in to ${generation} failed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="sign-in-prompt">
      <For each={props.generations}>
        {(generation) => (
          <p>
            <span>{signInNeedText("not_signed_in", generation).title}</span>{" "}
            <button type="button" class="secondary" disabled={busy()} onClick={() => signIn(generation)}>
              Sign in with {generation}
            </button>
          </p>
        )}
      </For>
      <AlertText text={failure()} />
    </div>
  );
}
