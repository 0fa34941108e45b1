// @vitest-environment node
// Node's Blob (jsdom's reads no bytes back).
import { describe, expect, it } from "vitest";
import { blobSink } from "../../../src/export/sinks";
import { Utf8PageBuffer } from "../../../src/export/utf8Page";

const encode = (text: string) => new TextEncoder().encode(text);

describe("Utf8PageBuffer", () => {
  it("gives a page's parts as the UTF-8 a Blob of the strings holds, and their UTF-16 length", async () => {
    const parts = ["a,Müller,李\r\n", '👩‍💻 Dev,"q"\r\n', "lone \ud800 surrogate\r\n"];
    const page = new Utf8PageBuffer();
    for (const part of parts) page.push(part);
    const { bytes, chars } = page.take();
    expect(chars).toBe(parts.join("").length);
    const blob = new Uint8Array(await new Blob(parts).arrayBuffer());
    expect([...bytes]).toEqual([...blob]);
  });

  it("writes every slice of a text and ASCII codes as TextEncoder does: pairs whole, a pair cut at an end is lone", () => {
    const text = "a\u00e9\u4e2d\ud83d\ude00b\udc00c\ud800";
    const page = new Utf8PageBuffer();
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        page.push(text.slice(from, to));
        const { bytes, chars } = page.take();
        expect([...bytes]).toEqual([...encode(text.slice(from, to))]);
        expect(chars).toBe(to - from);
      }
    }
    page.pushAscii(encode("0f1e2d3c-4b5a"), 2, 9);
    expect(new TextDecoder().decode(page.take().bytes)).toBe("1e2d3c-");
  });

  it("starts a new page after take, and grows past its first megabyte", () => {
    const page = new Utf8PageBuffer();
    page.push("old page\r\n");
    page.take();
    const big = "ł".repeat(700_000);
    page.push(big);
    page.push("end");
    const { bytes, chars } = page.take();
    expect(chars).toBe(big.length + 3);
    expect(Buffer.from(bytes).equals(encode(`${big}end`))).toBe(true);
  });

  it("hands out several cut pages at once, keeps the unfinished one whole across takes and growth", () => {
    const page = new Utf8PageBuffer();
    const text = (pages: { bytes: Uint8Array; chars: number }[]) =>
      pages.map(({ bytes, chars }) => [new TextDecoder().decode(bytes), chars]);
    page.push("p1,é\r\n");
    page.cut();
    page.push("p2\r\n");
    page.cut();
    page.push("p3 start,");
    expect(text(page.takeCut())).toEqual([
      ["p1,é\r\n", 6],
      ["p2\r\n", 4],
    ]);
    expect(text(page.takeCut())).toEqual([]);
    page.cut();
    expect(text(page.takeCut())).toEqual([["p3 start,", 9]]);
    page.push("half ");
    expect(text(page.takeCut())).toEqual([]);
    // The unfinished page moves to the buffer's start when the next write needs the room.
    const big = "ł".repeat(700_000);
    page.push(big);
    page.cut();
    page.push("p5 ü");
    const [fourth, ...rest] = page.takeCut();
    expect(rest).toEqual([]);
    expect(fourth?.chars).toBe(5 + big.length);
    expect(Buffer.from(fourth?.bytes ?? []).equals(encode(`half ${big}`))).toBe(true);
    page.push("!");
    expect(text([page.take()])).toEqual([["p5 ü!", 5]]);
    expect(text([page.take()])).toEqual([["", 0]]);
  });

  it("take gives everything not yet handed out, cut pages included", () => {
    const page = new Utf8PageBuffer();
    page.push("a\r\n");
    page.cut();
    page.push("b\r\n");
    const { bytes, chars } = page.take();
    expect(new TextDecoder().decode(bytes)).toBe("a\r\nb\r\n");
    expect(chars).toBe(6);
    expect(page.takeCut()).toEqual([]);
  });
});

describe("blobSink with a page of bytes", () => {
  it("copies the bytes when written: the buffer's next page does not change the file", async () => {
    const sink = blobSink();
    const page = new Utf8PageBuffer();
    page.push("first,page\r\n");
    await sink.write(page.take());
    page.push("XXXXX,XXXX\r\n");
    await sink.write(page.take());
    const { blob, chars } = await sink.close();
    expect(await blob?.text()).toBe("first,page\r\nXXXXX,XXXX\r\n");
    expect(chars).toBe(24);
  });
});
