import { Navigate, Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { APP_BASE } from "./appBase";
import { asScreen } from "./errors/ScreenErrorBoundary";
import { applyStoredTheme } from "./primitives/createTheme";
// The first screen loads with the shell; the others are fetched when opened (and precached).
import { ActivitiesPage } from "./routes/ActivitiesPage";
import { Shell } from "./shell/Shell";

const ActivityDetailPage = lazy(() => import("./routes/ActivityDetailPage"));
const SendsPage = lazy(() => import("./routes/SendsPage"));
// The Campaigns screen is where a send list is opened: the Sends screen's code is fetched with it,
// so a click on a list does not wait for a module to load before reading its first page.
const CampaignsPage = lazy(() => {
  void SendsPage.preload();
  return import("./routes/CampaignsPage");
});
const PeoplePage = lazy(() => import("./routes/PeoplePage"));
const PersonPage = lazy(() => import("./routes/PersonPage"));
const SettingsPage = lazy(() => import("./routes/SettingsPage"));
const AuthCallbackPage = lazy(() => import("./routes/AuthCallbackPage"));
const NotFoundPage = lazy(() => import("./routes/NotFoundPage"));

// Before the first paint, so a dark-theme user never sees a light flash.
applyStoredTheme();

export function App() {
  return (
    // Absolute links and routes ("/activities") are resolved under the build's base path, which
    // the router wants without its trailing slash ("/x/activities", not "/x//activities").
    <Router root={Shell} base={APP_BASE.replace(/\/$/, "")}>
      <Route path="/" component={() => <Navigate href="/activities" />} />
      <Route path="/activities" component={asScreen(ActivitiesPage)} />
      <Route path="/activities/:generation/:id" component={asScreen(ActivityDetailPage)} />
      <Route path="/campaigns" component={asScreen(CampaignsPage)} />
      <Route path="/campaigns/:dataset/sends" component={asScreen(SendsPage)} />
      <Route path="/people" component={asScreen(PeoplePage)} />
      <Route path="/people/:email/history" component={asScreen(PersonPage)} />
      <Route path="/settings" component={asScreen(SettingsPage)} />
      <Route path="/auth/callback" component={AuthCallbackPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
