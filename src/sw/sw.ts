/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { isSkipWaitingMessage } from "./messages";

declare const self: ServiceWorkerGlobalScope;

// The app shell only: data lives in IndexedDB, so the worker never caches API answers.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app URL opens the shell offline, except paths that belong to a server: API calls,
// OAuth endpoints and the sandbox's own pages must reach the network (or fail honestly).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("index.html"), {
    denylist: [/^\/v[23]\//, /^\/oauth2\//, /^\/__sandbox\//, /^\/runtime-config\.json$/, /\.[a-z0-9]+$/i],
  }),
);

// Prompt-mode updates: a new worker waits until the user accepts "Reload", so open tabs never
// run old chunks against a new worker or schema.
self.addEventListener("message", (event) => {
  if (isSkipWaitingMessage(event.data)) void self.skipWaiting();
});
// The first worker takes the open page at once (there is no older one to conflict with); a newer
// worker only ever activates after the user's "Reload", and then takes every tab.
clientsClaim();
