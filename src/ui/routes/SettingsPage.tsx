import { AccountsSection } from "../accounts/AccountsSection";

export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <AccountsSection />
      <section class="panel">
        <h2>About this build</h2>
        <p>
          Mailroom build <code>{__MAILROOM_BUILD__}</code>
        </p>
      </section>
    </>
  );
}
