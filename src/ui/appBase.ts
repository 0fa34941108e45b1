/**
 * The path this build is served under (`vite build --base /x/`; `/` by default), with its trailing
 * slash. Every address the page makes for itself starts here; the router is told it too.
 */
export const APP_BASE: string = import.meta.env.BASE_URL;

/** A path inside the app, as the browser must request it: `appPath("icons/a.svg")` → `/x/icons/a.svg`. */
export function appPath(path: string): string {
  return APP_BASE + path.replace(/^\/+/, "");
}
