/** Set by vite.config.ts: the id of this build. */
declare const __MAILROOM_BUILD__: string;
