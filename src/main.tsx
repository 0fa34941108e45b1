import { render } from "solid-js/web";
import { answerDemoInPage } from "./auth/demoInPage";
import { App } from "./ui/App";
import { makeDemoAnswersForWorker } from "./ui/pwa/answerDemoForWorker";
import { registerPeriodicPolling } from "./ui/pwa/periodicPolling";
import { makePollLeadership } from "./ui/pwa/pollLeadership";
import { clearCallbackFromAddress } from "./ui/routes/callbackAddress";
import "./ui/styles/app.css";

// Before anything renders: a sign-in code or token must not stay in the address bar.
clearCallbackFromAddress();
// Demo accounts are answered by this page's own sandbox (a chunk loaded on first use), for the
// page and for the service worker, which holds no sandbox.
answerDemoInPage();
if ("serviceWorker" in navigator) makeDemoAnswersForWorker();

const root = document.getElementById("root");
if (!root) throw new Error("index.html lost its #root element");
render(() => <App />, root);

// Sign-ins left unused hold PKCE verifiers: gone at start-up, not only at the next sign-in.
import("./ui/purgeStaleSignIns")
  .then(({ purgeStaleSignIns }) => purgeStaleSignIns())
  .catch((error: unknown) => console.warn("Mailroom: could not purge old sign-ins", error));
// One open tab drives the service worker's polling of unfinished bulk jobs (see src/sw/poll.ts).
makePollLeadership();
// Installed Chromium may also wake the worker every few hours with no tab open.
if ("serviceWorker" in navigator) {
  registerPeriodicPolling().catch((error: unknown) => console.warn("Mailroom: periodic sync refused", error));
}
