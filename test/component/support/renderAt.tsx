import { createMemoryHistory, MemoryRouter, Route } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import type { Component } from "solid-js";

/** Renders one route component at `path` inside a memory router, as the app would. */
export function renderAt(path: string, pattern: string, component: Component) {
  const history = createMemoryHistory();
  history.set({ value: path });
  const result = render(() => (
    <MemoryRouter history={history}>
      <Route path={pattern} component={component} />
      <Route path="*rest" component={() => <p>elsewhere</p>} />
    </MemoryRouter>
  ));
  return { ...result, history };
}
