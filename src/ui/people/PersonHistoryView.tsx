import { A } from "@solidjs/router";
import { Show } from "solid-js";
import { personHistory } from "../../db/people/history";
import { ErrorNotice } from "../errors/ErrorNotice";
import { ExportButton } from "../export/ExportButton";
import { DataTable } from "../format/DataTable";
import { plural } from "../format/number";
import { formatAbsolute, toIso } from "../format/time";
import { createLiveQuery } from "../primitives/createLiveQuery";
import { CoverageLine } from "./CoverageLine";

/** Every cached send to one email, newest first: when, which campaign, which API generation. */
export function PersonHistoryView(props: { accountId: string; email: string }) {
  const history = createLiveQuery(
    () => [props.accountId, props.email] as const,
    ([accountId, email]) => personHistory(accountId, email),
  );
  const name = (send: { firstName?: string; lastName?: string }) =>
    [send.firstName, send.lastName].filter(Boolean).join(" ") || "—";
  return (
    <>
      <CoverageLine accountId={props.accountId} found={history.value()?.listsFound} />
      <Show when={history.error()}>{(error) => <ErrorNotice error={error()} />}</Show>
      <Show when={history.value()} fallback={<p class="muted">Reading the cache…</p>}>
        {(found) => (
          <>
            <div class="toolbar">
              <ExportButton
                personHistory={{ accountId: props.accountId, email: props.email }}
                label="Export this history (CSV)"
              />
              <p class="row-count" aria-live="polite">
                {plural(found().sends.length, "send")}
              </p>
            </div>
            <Show
              when={found().sends.length > 0}
              fallback={<p class="panel empty">No cached send list holds a send to this address.</p>}
            >
              <DataTable
                class="history-table"
                caption={<>Sends to {props.email}, newest first</>}
                columns={["Sent", "Campaign", "API", "Email", "Name"]}
                rows={found().sends}
              >
                {(send) => (
                  <tr>
                    <td>
                      <time datetime={toIso(send.sentAt)}>{formatAbsolute(send.sentAt)}</time>
                    </td>
                    <td>
                      <A href={`/campaigns/${encodeURIComponent(send.dataset)}/sends`}>{send.campaign}</A>
                    </td>
                    <td>
                      <span class="badge generation">{send.generation}</span>
                    </td>
                    <td class="email">{send.email}</td>
                    <td>{name(send)}</td>
                  </tr>
                )}
              </DataTable>
            </Show>
          </>
        )}
      </Show>
    </>
  );
}
