import { describe, expect, it } from "vitest";
import { PieceBuffer } from "../../../src/export/pieces";

describe("PieceBuffer", () => {
  it("joins the pieces pushed since the last take, in order", () => {
    const out = new PieceBuffer();
    for (const piece of ["a", ",", "b", "\r\n"]) out.push(piece);
    expect(out.take()).toBe("a,b\r\n");
    expect(out.take()).toBe("");
  });

  it("gives a shorter round only its own pieces, though it keeps the longer round's places", () => {
    const out = new PieceBuffer();
    for (let i = 0; i < 1_000; i++) out.push(`long${i};`);
    expect(out.take()).toHaveLength(Array.from({ length: 1_000 }, (_, i) => `long${i};`).join("").length);
    out.push("short");
    out.push("!");
    expect(out.take()).toBe("short!");
    for (let i = 0; i < 3; i++) out.push(String(i));
    expect(out.take()).toBe("012");
  });
});
