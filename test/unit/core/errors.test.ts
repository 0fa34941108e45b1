import Dexie from "dexie";
import { describe, expect, it } from "vitest";
import { ERROR_KINDS, isAbort, isErrorKind, MailroomError, toMailroomError } from "../../../src/core/errors";
import { errorAdvice } from "../../../src/ui/errors/errorAdvice";
import { toErrorInfo } from "../../../src/ui/errors/errorInfo";

const NOW = Date.parse("2026-11-25T10:00:00.000Z");

describe("the one error mapper", () => {
  it("lets Mailroom's own errors through as they are", () => {
    const own = new MailroomError("throttled", "slow down");
    expect(toMailroomError(own)).toBe(own);
  });

  it("reads IndexedDB's refusals as storage, bare or wrapped by Dexie", () => {
    const quota = new DOMException("full", "QuotaExceededError");
    expect(toMailroomError(quota)).toMatchObject({
      kind: "storage",
      message: expect.stringMatching(/storage full/),
    });
    const aborted = new Dexie.AbortError("Transaction aborted", quota);
    expect(toMailroomError(aborted)).toMatchObject({
      kind: "storage",
      message: expect.stringMatching(/storage full/),
    });
    expect(toMailroomError(new Dexie.DatabaseClosedError())).toMatchObject({
      kind: "storage",
      message: expect.stringMatching(/database refused the write/),
    });
  });

  it("calls anything else Mailroom's own failure, never a bad answer from Constant Contact", () => {
    const bug = toMailroomError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(bug.kind).toBe("unexpected");
    expect(bug.message).toBe("Cannot read properties of undefined (reading 'id')");
    expect(toMailroomError("boom")).toMatchObject({ kind: "unexpected", message: "boom" });
  });

  it("tells the user Mailroom failed, not Constant Contact, and what to report", () => {
    const advice = errorAdvice(toErrorInfo(new TypeError("bug")), "general", NOW);
    expect(advice.title).toBe("Mailroom failed");
    expect(advice.advice).toContain("not in Constant Contact");
    expect(advice.advice).toMatch(/report it .* the message below, the time, and what you were doing/);
  });

  it("keeps the user's Cancel apart from Dexie's aborted transaction", () => {
    expect(isAbort(new DOMException("cancelled", "AbortError"))).toBe(true);
    expect(isAbort(new Dexie.AbortError("Transaction aborted"))).toBe(false);
  });

  it("has one list of kinds, which stored states are checked against", () => {
    expect(ERROR_KINDS).toContain("unexpected");
    expect(isErrorKind("storage")).toBe(true);
    expect(isErrorKind("made-up")).toBe(false);
  });
});
