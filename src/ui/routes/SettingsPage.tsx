export default function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <section class="panel">
        <h2>Accounts</h2>
        <p>No account is connected on this device yet.</p>
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
