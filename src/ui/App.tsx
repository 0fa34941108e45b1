import { Navigate, Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
import { APP_BASE } from "./appBase";
import { applyStoredTheme } from "./primitives/createTheme";
// The first screen loads with the shell; the others are fetched when opened (and precached).
import { ActivitiesPage } from "./routes/ActivitiesPage";
import { Shell } from "./shell/Shell";

const ActivityDetailPage = lazy(() => import("./routes/ActivityDetailPage"));
const CampaignsPage = lazy(() => import("./routes/CampaignsPage"));
const SendsPage = lazy(() => import("./routes/SendsPage"));
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
      <Route path="/activities" component={ActivitiesPage} />
      <Route path="/activities/:generation/:id" component={ActivityDetailPage} />
      <Route path="/campaigns" component={CampaignsPage} />
      <Route path="/campaigns/:dataset/sends" component={SendsPage} />
      <Route path="/people" component={PeoplePage} />
      <Route path="/people/:email/history" component={PersonPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/auth/callback" component={AuthCallbackPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
