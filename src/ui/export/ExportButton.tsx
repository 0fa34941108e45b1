import { createSignal, Match, onCleanup, Switch } from "solid-js";
import { isAbort } from "../../core/errors";
import type { SendsFilter } from "../../db/sendsFilter";
import { canPickFile } from "../../export/download";
import {
  availableSendColumns,
  DEFAULT_ERROR_LINE_COLUMNS,
  defaultSendColumns,
  ERROR_LINE_COLUMNS,
  type ExportResult,
  exportErrorLines,
  exportFileName,
  exportSends,
} from "../../export/index";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount } from "../format/number";
import { type ExportChoice, ExportDialog } from "./ExportDialog";
import { ExportProgress } from "./ExportProgress";
import "./export.css";

/** Export the send lists a SendsFilter selects: exactly the rows the Sends screen shows. */
export interface SendsExportProps {
  filter: SendsFilter;
  /** Names the file (`mailroom-sends-<campaign>-<day>.csv`); omit for several campaigns. */
  campaignName?: string;
  label?: string;
}

/** Export one bulk activity's error and warning lines. */
export interface ErrorLinesExportProps {
  errorLines: { accountId: string; activityId: string };
  label?: string;
}

export type ExportButtonProps = SendsExportProps | ErrorLinesExportProps;

type Phase =
  | { name: "idle" }
  | { name: "choosing" }
  | { name: "running"; rows: number; total?: number; controller: AbortController }
  | { name: "done"; result: ExportResult }
  | { name: "cancelled" }
  | { name: "failed"; error: unknown };

/**
 * A button that opens the export options, then runs the export off the main thread with a progress
 * bar and Cancel, and says how it ended. Works offline: it reads only the cache.
 *
 * Either `filter` (send lists; the Sends screen passes its own filter) or `errorLines`:
 * @example <ExportButton filter={filter()} campaignName={campaign()?.name} />
 * @example <ExportButton errorLines={{ accountId, activityId }} label="Export error lines" />
 */
export function ExportButton(props: ExportButtonProps) {
  const [phase, setPhase] = createSignal<Phase>({ name: "idle" });
  let opener: HTMLButtonElement | undefined;
  const forSends = () => ("filter" in props ? props : undefined);
  const running = () => {
    const current = phase();
    return current.name === "running" ? current : undefined;
  };
  onCleanup(() => running()?.controller.abort(new DOMException("Export cancelled", "AbortError")));

  const columns = () => {
    const sends = forSends();
    return sends ? availableSendColumns(sends.filter.datasets) : Object.values(ERROR_LINE_COLUMNS);
  };
  const defaults = () => {
    const sends = forSends();
    return sends ? defaultSendColumns(sends.filter.datasets) : DEFAULT_ERROR_LINE_COLUMNS;
  };

  // Runs inside the Export click: exportSends opens the file picker before anything else awaits.
  const start = async (choice: ExportChoice) => {
    const controller = new AbortController();
    const hooks = {
      signal: controller.signal,
      onProgress: (rows: number, total?: number) => setPhase({ name: "running", rows, total, controller }),
    };
    setPhase({ name: "running", rows: 0, controller });
    try {
      const sends = forSends();
      const result = sends
        ? await exportSends(
            {
              ...choice,
              filter: sends.filter,
              fileName: exportFileName(
                "sends",
                sends.campaignName ?? (sends.filter.datasets.length > 1 ? "campaigns" : undefined),
              ),
            },
            hooks,
          )
        : await exportErrorLines(
            {
              ...choice,
              ...(props as ErrorLinesExportProps).errorLines,
              fileName: exportFileName("errors", (props as ErrorLinesExportProps).errorLines.activityId),
            },
            hooks,
          );
      setPhase({ name: "done", result });
    } catch (error) {
      setPhase(isAbort(error) ? { name: "cancelled" } : { name: "failed", error });
    }
  };

  const label = () => props.label ?? ("filter" in props ? "Export CSV" : "Export error lines");
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
        {label()}
      </button>
      <Switch>
        <Match when={phase().name === "choosing"}>
          <ExportDialog
            title={label()}
            columns={columns()}
            defaultColumns={defaults()}
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
              onCancel={() => run().controller.abort(new DOMException("Export cancelled", "AbortError"))}
            />
          )}
        </Match>
        <Match when={phase().name === "done" && phase()}>
          {(done) => <ExportDone phase={done() as Extract<Phase, { name: "done" }>} />}
        </Match>
        <Match when={phase().name === "cancelled"}>
          <p role="status">Export cancelled; no file was kept.</p>
        </Match>
        <Match when={phase().name === "failed" && phase()}>
          {(failed) => <ErrorNotice error={(failed() as Extract<Phase, { name: "failed" }>).error} compact />}
        </Match>
      </Switch>
    </div>
  );
}

function ExportDone(props: { phase: Extract<Phase, { name: "done" }> }) {
  const where = () =>
    props.phase.result.destination === "file" ? "to the file you chose" : "to your downloads folder";
  return (
    <p role="status">
      Exported {formatCount(props.phase.result.rows)} rows {where()}.
    </p>
  );
}
