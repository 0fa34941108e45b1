import { describe, expect, it } from "vitest";
import { errorLinesOf, parseErrorItem } from "../../../src/sync/errorLines";

describe("activity error lines", () => {
  it("are read from plain strings", () => {
    expect(parseErrorItem("Line 355: Invalid email")).toEqual({ lineNumber: 355, message: "Invalid email" });
    expect(parseErrorItem("Line 12: Duplicate contact in file (Ann.Lee@Example.test)")).toEqual({
      lineNumber: 12,
      email: "Ann.Lee@Example.test",
      message: "Duplicate contact in file",
    });
    expect(parseErrorItem("Something went wrong")).toEqual({ message: "Something went wrong" });
  });

  it("are read from objects {message, line_number, email_address}", () => {
    expect(parseErrorItem({ message: "Invalid email", line_number: 7, email_address: "x@y.test" })).toEqual({
      lineNumber: 7,
      email: "x@y.test",
      message: "Invalid email",
    });
    expect(parseErrorItem({ message: "No line", line_number: null, email_address: null })).toEqual({
      message: "No line",
    });
  });

  it("number errors then warnings in the server's order, tagged with their kind", () => {
    const lines = errorLinesOf(
      "a",
      "act",
      ["Line 2: Bad"],
      [{ message: "Updated", line_number: 3, email_address: "w@x.test" }],
    );
    expect(lines).toEqual([
      { accountId: "a", activityId: "act", index: 0, kind: "error", lineNumber: 2, message: "Bad" },
      {
        accountId: "a",
        activityId: "act",
        index: 1,
        kind: "warning",
        lineNumber: 3,
        email: "w@x.test",
        message: "Updated",
      },
    ]);
  });
});
