import { A, createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { cleanup, fireEvent, render, screen } from "@solidjs/testing-library";
import type { ParentProps } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import { asScreen, ScreenErrorBoundary } from "../../../src/ui/errors/ScreenErrorBoundary";
import { createLiveQuery } from "../../../src/ui/primitives/createLiveQuery";
import { renderAt } from "../support/renderAt";
import { freshDb } from "../support/seed";

/** A screen whose live query fails while `failures` holds errors, then answers "Fine". */
function QueryScreen(props: { failures: unknown[] }) {
  const answer = createLiveQuery(
    () => null,
    async () => {
      const failure = props.failures.shift();
      if (failure !== undefined) throw failure;
      return "Fine";
    },
  );
  return <p>Answer: {answer.value()}</p>;
}

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  freshDb();
  logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe("a live query that fails, thrown to the screen's ErrorBoundary", () => {
  it("shows the failure by kind, is logged, and 'Try again' subscribes again", async () => {
    const failures: unknown[] = [new MailroomError("storage", "IndexedDB is blocked.")];
    renderAt("/", "/", () => (
      <ScreenErrorBoundary>
        <QueryScreen failures={failures} />
      </ScreenErrorBoundary>
    ));
    expect(await screen.findByText("This device refused to store more")).toBeTruthy();
    expect(screen.getByText("IndexedDB is blocked.")).toBeTruthy();
    expect(logged).toHaveBeenCalledWith("Mailroom: a screen failed", expect.any(MailroomError));
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Answer: Fine")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says Mailroom failed, not Constant Contact, for a bug", async () => {
    renderAt("/", "/", () => (
      <ScreenErrorBoundary>
        <QueryScreen failures={[new TypeError("rows is undefined")]} />
      </ScreenErrorBoundary>
    ));
    expect(await screen.findByText("Mailroom failed")).toBeTruthy();
    expect(screen.getByText("rows is undefined")).toBeTruthy();
  });

  it("fails one screen only: the shell stays, and another screen shows when opened", async () => {
    const history = createMemoryHistory();
    history.set({ value: "/broken" });
    const Shell = (props: ParentProps) => (
      <>
        <A href="/fine">Other screen</A>
        <main>{props.children}</main>
      </>
    );
    const failing = [new TypeError("broken screen")];
    render(() => (
      <MemoryRouter history={history} root={Shell}>
        <Route path="/broken" component={asScreen(() => <QueryScreen failures={failing} />)} />
        <Route path="/fine" component={asScreen(() => <QueryScreen failures={[]} />)} />
      </MemoryRouter>
    ));
    expect(await screen.findByText("broken screen")).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: "Other screen" }));
    expect(await screen.findByText("Answer: Fine")).toBeTruthy();
    expect(screen.queryByText("broken screen")).toBeNull();
  });
});
