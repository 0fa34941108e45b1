import { A } from "@solidjs/router";
import { InstallApp } from "../pwa/InstallApp";

/** What a screen says before any account is connected: the honest first-run state. */
export function NoAccount(props: { what: string }) {
  return (
    <section class="panel empty">
      <h2>No account yet</h2>
      <p>
        Mailroom shows {props.what} once an account is connected. Open <A href="/settings">Settings</A> to
        connect a Constant Contact account, or the Sandbox to explore with demo data.
      </p>
      <InstallApp />
    </section>
  );
}
