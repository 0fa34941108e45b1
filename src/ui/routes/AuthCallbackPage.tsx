import { A, useNavigate } from "@solidjs/router";
import { createSignal, Match, onMount, Show, Switch } from "solid-js";
import type { SignInResult } from "../../auth/callback";
import { isSignInError } from "../../auth/errors";
import { SIGN_IN_ERROR_TEXT } from "../accounts/signInErrorText";
import { finishSignIn } from "../accounts/startSignIn";
import { chooseAccount } from "../primitives/createCurrentAccount";
import { takeCallbackAddress } from "./callbackAddress";

/**
 * Where Constant Contact sends the user back: v3 with `?code&state` (or `?error`), v2 with
 * `#access_token…&state`. The address is cleaned before anything else happens, so neither the code
 * nor the token stays in the address bar or in history, whatever the outcome. A sign-in that was
 * one of a sequence ("Both") goes on to the next generation's sign-in page at once.
 */
export default function AuthCallbackPage() {
  const navigate = useNavigate();
  // main.tsx has already taken the answer out of the address; reading the address itself is the
  // fallback for a page opened some other way (tests mount it alone).
  const answered = takeCallbackAddress() ?? new URL(window.location.href);
  navigate("/auth/callback", { replace: true, scroll: false });

  const [result, setResult] = createSignal<SignInResult>();
  const [continuing, setContinuing] = createSignal<string>();
  const [failure, setFailure] = createSignal<unknown>();
  onMount(async () => {
    try {
      const { result: signedIn, continuing: leaving } = await finishSignIn(answered);
      chooseAccount(signedIn.accountId);
      if (leaving) {
        setContinuing(signedIn.next?.generations.join(" and "));
        return;
      }
      setResult(signedIn);
      if (!signedIn.notice) navigate("/activities", { replace: true });
    } catch (error) {
      setFailure(() => error ?? new Error("The sign-in failed without a reason."));
    }
  });

  return (
    <section class="panel" aria-live="polite">
      <h1>Signing in</h1>
      <Switch fallback={<p>Finishing the sign-in…</p>}>
        <Match when={failure()}>{(error) => <SignInFailure error={error()} />}</Match>
        <Match when={continuing()}>{(next) => <p>Signed in. Now signing in to {next()}…</p>}</Match>
        <Match when={result()}>
          {(done) => (
            <>
              <p>Signed in ({done().generation}).</p>
              <Show when={done().notice}>{(notice) => <p class="muted">{notice()}</p>}</Show>
              <p>
                <A href="/activities">Continue to Activities</A>
              </p>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function SignInFailure(props: { error: unknown }) {
  const text = () =>
    isSignInError(props.error)
      ? SIGN_IN_ERROR_TEXT[props.error.kind]
      : { title: "The sign-in did not finish", advice: "Start the sign-in again from Settings." };
  const detail = () => (props.error instanceof Error ? props.error.message : String(props.error));
  return (
    <div class="error-notice error" role="alert">
      <h2>{text().title}</h2>
      <p>{text().advice}</p>
      <p class="muted error-message">{detail()}</p>
      <p>Data already stored on this device was not touched.</p>
      <p>
        <A href="/settings">Back to Settings</A>
      </p>
    </div>
  );
}
