import { MemoryRouter, Route } from "@solidjs/router";
import { cleanup, render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { MailroomError } from "../../../src/core/errors";
import { ErrorNotice } from "../../../src/ui/errors/ErrorNotice";
import { errorAdvice } from "../../../src/ui/errors/errorAdvice";
import { toErrorInfo } from "../../../src/ui/errors/errorInfo";

const NOW = Date.parse("2026-11-25T10:00:00.000Z");
const advise = (error: unknown, context: Parameters<typeof errorAdvice>[1] = "general") =>
  errorAdvice(toErrorInfo(error), context, NOW);

afterEach(cleanup);

describe("errors by kind, with what to do", () => {
  it("network (CORS) explains the proxy in Settings › Advanced", () => {
    const advice = advise(new MailroomError("network", "Failed to fetch"));
    expect(advice.advice).toContain("Relay URL under Settings › Advanced");
    expect(advice.link?.href).toBe("/settings");
  });

  it("forbidden names the scope the work needs", () => {
    expect(advise({ kind: "forbidden", message: "403" }, "activities").advice).toContain("contact_data");
    expect(advise({ kind: "forbidden", message: "403" }, "sends").advice).toContain("campaign_data");
    expect(advise({ kind: "forbidden", message: "403" }).advice).toContain("privilege");
  });

  it("quota_exceeded says when the budget resets (00:00 UTC, in local time)", () => {
    const advice = advise(
      new MailroomError("quota_exceeded", "quota", { resetsAt: Date.parse("2026-11-26T00:00:00Z") }),
    );
    expect(advice.advice).toContain("resets at 00:00 UTC");
    expect(advice.advice).toContain("in 14 h");
    // Without a reset time from the server, the next UTC midnight is assumed.
    expect(advise({ kind: "quota_exceeded", message: "q" }).advice).toContain("in 14 h");
  });

  it("offline says what still works; unauthorized says sign in again; storage says free space or persist", () => {
    expect(advise({ kind: "offline", message: "" }).advice).toContain("search and CSV export still work");
    expect(advise({ kind: "unauthorized", message: "" }).title).toBe("Sign in again");
    expect(advise({ kind: "storage", message: "" }).advice).toMatch(/Free space .* persistent storage/);
  });

  it("an IndexedDB quota failure reads as storage; anything unknown still gets a way forward", () => {
    const quota = new Error("full");
    quota.name = "QuotaExceededError";
    expect(toErrorInfo(quota).kind).toBe("storage");
    expect(toErrorInfo("boom")).toEqual({ kind: "unexpected", message: "boom" });
    expect(advise({ kind: "made-up", message: "x" }).title).toBe("Something went wrong");
  });

  it("ErrorNotice shows title, advice, the original message and a link to the fix", async () => {
    render(() => (
      <MemoryRouter>
        <Route
          path="*"
          component={() => (
            <ErrorNotice error={{ kind: "network", message: "Failed to fetch", at: Date.now() }} />
          )}
        />
      </MemoryRouter>
    ));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Constant Contact could not be reached");
    expect(alert.textContent).toContain("Failed to fetch");
    expect(screen.getByRole("link", { name: "Open Settings" }).getAttribute("href")).toBe("/settings");
  });
});
