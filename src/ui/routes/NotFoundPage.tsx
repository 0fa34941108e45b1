import { A, useLocation } from "@solidjs/router";

export default function NotFoundPage() {
  const location = useLocation();
  return (
    <section class="panel">
      <h1>Nothing here</h1>
      <p>
        Mailroom has no screen at <code>{location.pathname}</code>. Go to <A href="/activities">Activities</A>
        .
      </p>
    </section>
  );
}
