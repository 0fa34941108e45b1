import { createEffect, on } from "solid-js";
import { warmPeople } from "../../db/people/history";
import { ComparePanel } from "./ComparePanel";
import { CoverageLine } from "./CoverageLine";
import { PeopleSearch } from "./PeopleSearch";

/** The People screen of one account: coverage, search, and Compare send lists. */
export function PeopleView(props: { accountId: string }) {
  // The account's search texts are read into memory at once, so the first search and the first
  // history answer from memory instead of waiting for the disk.
  createEffect(
    on(
      () => props.accountId,
      (accountId) => {
        warmPeople(accountId).catch((error: unknown) =>
          console.warn("Mailroom: could not prepare People", error),
        );
      },
    ),
  );
  return (
    <>
      <CoverageLine accountId={props.accountId} />
      <PeopleSearch accountId={props.accountId} />
      <ComparePanel accountId={props.accountId} />
    </>
  );
}
