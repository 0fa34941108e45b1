/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { isPageToWorker, POLL_TAG } from "../core/messages";
import { relayDemoRequestsToPages } from "./demoRelay";
import { openFromNotification } from "./notify";
import { wakeEveryAccount } from "./poll";
import type { TaggedEvent } from "./wakeups";

declare const self: ServiceWorkerGlobalScope;

// The app shell only: data lives in IndexedDB, so the worker never caches API answers.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The worker holds no sandbox: an open page answers its demo accounts' requests.
relayDemoRequestsToPages();

// Any in-app URL opens the shell offline, except paths that belong to a server: API calls,
// OAuth endpoints and the sandbox's own pages must reach the network (or fail honestly). Paths are
// under the build's base (`vite build --base /x/`), which is the worker's scope.
const base = new URL(self.registration.scope).pathname.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("index.html"), {
    denylist: [
      new RegExp(`^${base}(v[23]|oauth2|__sandbox)/`),
      new RegExp(`^${base}runtime-config\\.json$`),
      /\.[a-z0-9]+$/i,
    ],
  }),
);

self.addEventListener("message", (event) => {
  if (!isPageToWorker(event.data)) return;
  // Prompt-mode updates: a new worker waits until the user accepts "Reload", so open tabs never
  // run old chunks against a new worker or schema.
  if (event.data.type === "SKIP_WAITING") void self.skipWaiting();
  // A worker cannot keep a timer alive, so the elected page wakes it; waitUntil keeps it alive
  // for the length of the round.
  if (event.data.type === "POLL_NOW") event.waitUntil(wakeEveryAccount(event.data.reason));
});

// Installed Chromium wakes the worker every few hours even with no tab open…
self.addEventListener("periodicsync" as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const wake = event as unknown as TaggedEvent;
  if (wake.tag === POLL_TAG) wake.waitUntil(wakeEveryAccount());
});
// …and once when the connection returns after a page registered a one-off sync while offline.
self.addEventListener("sync" as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const wake = event as unknown as TaggedEvent;
  if (wake.tag === POLL_TAG) wake.waitUntil(wakeEveryAccount());
});

self.addEventListener("notificationclick", (event) => {
  event.waitUntil(openFromNotification(event.notification));
});

// The first worker takes the open page at once (there is no older one to conflict with); a newer
// worker only ever activates after the user's "Reload", and then takes every tab.
clientsClaim();
