import { Navigate, Route, Router } from "@solidjs/router";
import { lazy } from "solid-js";
// The first screen loads with the shell; the others are fetched when opened (and precached).
import { ActivitiesPage } from "./routes/ActivitiesPage";
import { Shell } from "./shell/Shell";

const CampaignsPage = lazy(() => import("./routes/CampaignsPage"));
const SettingsPage = lazy(() => import("./routes/SettingsPage"));
const NotFoundPage = lazy(() => import("./routes/NotFoundPage"));

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={() => <Navigate href="/activities" />} />
      <Route path="/activities" component={ActivitiesPage} />
      <Route path="/campaigns" component={CampaignsPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
