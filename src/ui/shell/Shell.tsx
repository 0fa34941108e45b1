import { A } from "@solidjs/router";
import type { ParentProps } from "solid-js";
import { ErrorBoundary, For, lazy, Suspense } from "solid-js";
import { appPath } from "../appBase";
import { ScreenErrorBoundary } from "../errors/ScreenErrorBoundary";
import { useInstallPrompt } from "../pwa/useInstallPrompt";
import { AccountSwitcher } from "./AccountSwitcher";
import { ErrorPanel } from "./ErrorPanel";
import { OfflineIndicator } from "./OfflineIndicator";

// Its own chunk, after the first screen: it registers the service worker and says when a new
// version waits, neither of which the first paint needs (the entry stays within its 65 KB).
const ReloadPrompt = lazy(() =>
  import("../pwa/ReloadPrompt").then((module) => ({ default: module.ReloadPrompt })),
);

/** The main navigation, in its order. */
const SCREENS = [
  ["/activities", "Activities"],
  ["/campaigns", "Campaigns"],
  ["/people", "People"],
  ["/settings", "Settings"],
] as const;

export function Shell(props: ParentProps) {
  // Listen for the browser's install offer from the start: it may come before any screen shows it.
  useInstallPrompt();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="shell-header">
        <A href="/activities" class="brand">
          <img src={appPath("icons/favicon.svg")} alt="" width="28" height="28" />
          <span>Mailroom</span>
        </A>
        <nav aria-label="Main">
          <For each={SCREENS}>
            {([href, name]) => (
              <A href={href} activeClass="active">
                {name}
              </A>
            )}
          </For>
        </nav>
        <div class="header-end">
          <OfflineIndicator />
          <ScreenErrorBoundary compact>
            <AccountSwitcher />
          </ScreenErrorBoundary>
        </div>
      </header>
      <main id="main" tabindex="-1">
        <ErrorBoundary fallback={(error, reset) => <ErrorPanel error={error} onRetry={reset} />}>
          <Suspense fallback={<p class="muted">Loading…</p>}>{props.children}</Suspense>
        </ErrorBoundary>
      </main>
      <Suspense>
        <ReloadPrompt />
      </Suspense>
    </div>
  );
}
