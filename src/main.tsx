import { render } from "solid-js/web";
import { App } from "./ui/App";
import { purgeStaleSignIns } from "./ui/purgeStaleSignIns";
import { registerPeriodicPolling } from "./ui/pwa/periodicPolling";
import { makePollLeadership } from "./ui/pwa/pollLeadership";
import "./ui/styles/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html lost its #root element");
render(() => <App />, root);

// Sign-ins left unused hold PKCE verifiers: gone at start-up, not only at the next sign-in.
purgeStaleSignIns().catch((error: unknown) => console.warn("Mailroom: could not purge old sign-ins", error));
// One open tab drives the service worker's polling of unfinished bulk jobs (see src/sw/poll.ts).
makePollLeadership();
// Installed Chromium may also wake the worker every few hours with no tab open.
if ("serviceWorker" in navigator) {
  registerPeriodicPolling().catch((error: unknown) => console.warn("Mailroom: periodic sync refused", error));
}
