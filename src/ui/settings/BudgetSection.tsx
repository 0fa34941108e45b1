import { For, Show } from "solid-js";
import { nextUtcMidnight, utcDay } from "../../core/utcDay";
import { DAILY_LIMIT } from "../../sync/pacer";
import { formatCount } from "../format/number";
import { TimeText } from "../format/TimeText";
import { createCurrentAccount } from "../primitives/createCurrentAccount";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { createNow } from "../primitives/createNow";
import { loadBudgets } from "../queries/budget";

/** Requests left today for the current account's application keys (10,000 a day, reset 00:00 UTC). */
export function BudgetSection() {
  const now = createNow(60_000);
  const current = createCurrentAccount();
  const budgets = createLiveQuery(current.account, (account) => (account ? loadBudgets(account) : []));
  const left = (used: number | undefined, day: string | undefined) =>
    DAILY_LIMIT - (day === utcDay(now()) ? (used ?? 0) : 0);
  return (
    <section class="panel" aria-labelledby="budget-heading">
      <h2 id="budget-heading">Request budget today</h2>
      <Show when={current.account()} fallback={<p class="muted">Connect an account to see its budget.</p>}>
        <ul class="budget-list">
          <For each={budgets.value()}>
            {(line) => (
              <li>
                <strong>{line.generation}</strong>: {formatCount(left(line.row?.used, line.row?.day))} of{" "}
                {formatCount(DAILY_LIMIT)} requests left
                <Show when={line.row?.blockedUntil && line.row.blockedUntil > now() && line.row.blockedUntil}>
                  {(until) => (
                    <span class="warn-text">
                      {" "}
                      · spent; resumes <TimeText at={until()} now={now()} />
                    </span>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
        <p class="muted">
          The budget belongs to the application key and resets at 00:00 UTC (
          <TimeText at={nextUtcMidnight(now())} now={now()} absolute />
          ).
        </p>
      </Show>
    </section>
  );
}
