import { createSignal, Match, onCleanup, Switch } from "solid-js";
import { isAbort } from "../../core/errors";
import { canPickFile } from "../../export/download";
import { type ExportChoice, ExportDialog } from "./ExportDialog";
import { ExportOutcome } from "./ExportOutcome";
import { ExportProgress } from "./ExportProgress";
import { cancelExport, type ExportPhase } from "./exportPhase";
import {
  type ExportButtonProps,
  exportColumns,
  exportDefaultColumns,
  exportLabel,
  runExport,
} from "./exportTarget";
import "./export.css";

export type { ErrorLinesExportProps, ExportButtonProps, SendsExportProps } from "./exportTarget";

/**
 * A button that opens the export options, then runs the export off the main thread with a progress
 * bar and Cancel, and says how it ended. Works offline: it reads only the cache.
 *
 * Either `filter` (send lists; the Sends screen passes its own filter) or `errorLines`:
 * @example <ExportButton filter={filter()} campaignName={campaign()?.name} />
 * @example <ExportButton errorLines={{ accountId, activityId }} label="Export error lines" />
 */
export function ExportButton(props: ExportButtonProps) {
  const [phase, setPhase] = createSignal<ExportPhase>({ name: "idle" });
  let opener: HTMLButtonElement | undefined;
  const running = () => {
    const current = phase();
    return current.name === "running" ? current : undefined;
  };
  onCleanup(() => {
    const run = running();
    if (run) cancelExport(run.controller);
  });

  // Runs inside the Export click: exportSends opens the file picker before anything else awaits.
  const start = async (choice: ExportChoice) => {
    const controller = new AbortController();
    const hooks = {
      signal: controller.signal,
      onProgress: (rows: number, total?: number) => setPhase({ name: "running", rows, total, controller }),
    };
    setPhase({ name: "running", rows: 0, controller });
    try {
      setPhase({ name: "done", result: await runExport(props, choice, hooks) });
    } catch (error) {
      setPhase(isAbort(error) ? { name: "cancelled" } : { name: "failed", error });
    }
  };

  return (
    <div class="export">
      <button
        ref={opener}
        type="button"
        class="secondary"
        aria-expanded={phase().name === "choosing"}
        disabled={running() !== undefined}
        onClick={() => setPhase({ name: "choosing" })}
      >
        {exportLabel(props)}
      </button>
      <Switch fallback={<ExportOutcome phase={phase()} />}>
        <Match when={phase().name === "choosing"}>
          <ExportDialog
            title={exportLabel(props)}
            columns={exportColumns(props)}
            defaultColumns={exportDefaultColumns(props)}
            canPickFile={canPickFile()}
            onExport={(choice) => void start(choice)}
            onClose={() => {
              setPhase({ name: "idle" });
              // Back to where the keyboard user was, not to the top of the page.
              opener?.focus();
            }}
          />
        </Match>
        <Match when={running()}>
          {(run) => (
            <ExportProgress
              rows={run().rows}
              total={run().total}
              onCancel={() => cancelExport(run().controller)}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}
