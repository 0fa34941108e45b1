import { Match, Switch } from "solid-js";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatCount } from "../format/number";
import type { ExportPhase } from "./exportPhase";

/** How the last export ended: rows written and where, cancelled, or the failure. */
export function ExportOutcome(props: { phase: ExportPhase }) {
  return (
    <Switch>
      <Match when={props.phase.name === "done" && props.phase}>
        {(done) => <ExportDone phase={done() as Extract<ExportPhase, { name: "done" }>} />}
      </Match>
      <Match when={props.phase.name === "cancelled"}>
        <p role="status">Export cancelled; no file was kept.</p>
      </Match>
      <Match when={props.phase.name === "failed" && props.phase}>
        {(failed) => (
          <ErrorNotice error={(failed() as Extract<ExportPhase, { name: "failed" }>).error} compact />
        )}
      </Match>
    </Switch>
  );
}

function ExportDone(props: { phase: Extract<ExportPhase, { name: "done" }> }) {
  const where = () =>
    props.phase.result.destination === "file" ? "to the file you chose" : "to your downloads folder";
  return (
    <p role="status">
      Exported {formatCount(props.phase.result.rows)} rows {where()}.
    </p>
  );
}
