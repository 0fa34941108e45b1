import { type Component, ErrorBoundary, type ParentProps } from "solid-js";
import { ErrorNotice } from "./ErrorNotice";

/**
 * Catches what a screen (or a part of one) throws, a failing live query above all, and shows it
 * by kind with "Try again", which renders the children anew (their queries subscribe again). One
 * per screen, so a screen that fails leaves the header, the navigation and the other screens alone.
 * @example <ScreenErrorBoundary><ActivitiesView accountId={id()} /></ScreenErrorBoundary>
 */
export function ScreenErrorBoundary(props: ParentProps<{ compact?: boolean }>) {
  return (
    <ErrorBoundary
      fallback={(error, reset) => {
        // Shown, and logged with its stack for a report: it may be a bug in Mailroom.
        console.error("Mailroom: a screen failed", error);
        return <ErrorNotice error={error} compact={props.compact} onRetry={reset} />;
      }}
    >
      {props.children}
    </ErrorBoundary>
  );
}

/**
 * A route's screen inside its own boundary: the router mounts a new one per screen, so leaving a
 * failed screen for another shows that one, and the shell around them never blanks.
 * @example <Route path="/campaigns" component={asScreen(CampaignsPage)} />
 */
export function asScreen(Page: Component): Component {
  return () => (
    <ScreenErrorBoundary>
      <Page />
    </ScreenErrorBoundary>
  );
}
