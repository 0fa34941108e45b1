import { AccountsSection } from "../accounts/AccountsSection";
import { ScreenErrorBoundary } from "../errors/ScreenErrorBoundary";
import { InstallApp } from "../pwa/InstallApp";
import { NotificationsToggle } from "../pwa/NotificationsToggle";
import { BudgetSection } from "../settings/BudgetSection";
import { KeepUpSection } from "../settings/KeepUpSection";
import { StorageSection } from "../settings/StorageSection";
import { ThemeSection } from "../settings/ThemeSection";

/** Accounts (sign in, sign out, erase: the auth module's), budget, keeping send lists up to date, storage, theme, build. */
export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      {/* A section whose data cannot be read fails alone: the others (Sign out, Erase) stay usable. */}
      <ScreenErrorBoundary>
        <AccountsSection />
      </ScreenErrorBoundary>
      <InstallApp panel />
      <ScreenErrorBoundary>
        <BudgetSection />
      </ScreenErrorBoundary>
      <ScreenErrorBoundary>
        <KeepUpSection />
      </ScreenErrorBoundary>
      <StorageSection />
      <ThemeSection />
      <section class="panel" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <NotificationsToggle />
      </section>
      <section class="panel">
        <h2>About this build</h2>
        <p>
          Mailroom build <code>{__MAILROOM_BUILD__}</code>
        </p>
      </section>
    </>
  );
}
