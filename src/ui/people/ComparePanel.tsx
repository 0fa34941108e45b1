import { Match, Show, Switch } from "solid-js";
import { loadListChoices } from "../../db/queries/people";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount } from "../format/number";
import { ProgressTrack } from "../format/ProgressTrack";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { CompareForm } from "./CompareForm";
import { CompareResult } from "./CompareResult";
import { createComparison } from "./createComparison";

/** Compare send lists: a question over the cached lists, answered in a worker with progress and Cancel. */
export function ComparePanel(props: { accountId: string }) {
  const choices = createLiveQuery(() => props.accountId, loadListChoices);
  const comparison = createComparison();
  const phase = comparison.phase;
  const percent = () => {
    const current = phase();
    return current.name === "running" && current.total
      ? Math.round((current.done / current.total) * 100)
      : undefined;
  };
  const progressText = () => {
    const current = phase();
    if (current.name !== "running" || current.total === undefined) return "Starting…";
    return `${formatCount(current.done)} of ${formatCount(current.total)} chunks read`;
  };
  return (
    <section aria-labelledby="compare-title" class="compare">
      <h2 id="compare-title">Compare send lists</h2>
      <Show when={choices.error()}>{(error) => <ErrorNotice error={error()} />}</Show>
      <Show when={choices.value()} fallback={<p class="muted">Reading the cache…</p>}>
        {(lists) => (
          <Show
            when={lists().length >= 2}
            fallback={<p class="panel empty">Sync at least two send lists (Campaigns) to compare them.</p>}
          >
            <CompareForm
              choices={lists()}
              running={phase().name === "running"}
              onCompare={(question) => void comparison.run({ accountId: props.accountId, question })}
            />
          </Show>
        )}
      </Show>
      <Switch>
        <Match when={phase().name === "running"}>
          <div class="compare-progress">
            <ProgressTrack label="Comparing send lists" percent={percent()} />
            <span aria-live="polite">{progressText()}</span>{" "}
            <button type="button" class="secondary" onClick={() => comparison.cancel()}>
              Cancel <span class="visually-hidden">the comparison</span>
            </button>
          </div>
        </Match>
        <Match when={phase().name === "cancelled"}>
          <p role="status">Comparison cancelled.</p>
        </Match>
        <Match when={phase().name === "failed" && phase()}>
          {(failed) => <ErrorNotice error={(failed() as { error: unknown }).error} />}
        </Match>
        <Match when={phase().name === "answered" && phase()}>
          {(answered) => {
            const done = answered() as Extract<ReturnType<typeof phase>, { name: "answered" }>;
            return <CompareResult query={done.query} answer={done.answer} />;
          }}
        </Match>
      </Switch>
    </section>
  );
}
