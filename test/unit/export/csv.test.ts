import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  BOM,
  csvDocument,
  csvField,
  csvRow,
  csvRows,
  isoUtc,
  startsLikeFormula,
} from "../../../src/export/csv";

function parse(text: string): string[][] {
  const result = Papa.parse<string[]>(text.startsWith(BOM) ? text.slice(1) : text, {
    delimiter: ",",
    newline: "\r\n",
  });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe("csvField quotes exactly the fields RFC 4180 says must be quoted", () => {
  it("leaves plain text alone", () => {
    expect(csvField("hello world")).toBe("hello world");
  });

  it("quotes a field holding a comma, a quote, CR or LF, and doubles quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField("line1\r\nline2")).toBe('"line1\r\nline2"');
    expect(csvField('"')).toBe('""""');
  });

  it("writes empty, null and undefined as an empty field", () => {
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
    expect(csvRow(["a", undefined, null, "", "b"])).toBe("a,,,,b\r\n");
  });

  it("writes dates as ISO 8601 UTC and refuses an invalid date", () => {
    expect(csvField(new Date(Date.UTC(2026, 10, 25, 9, 5, 3, 7)))).toBe("2026-11-25T09:05:03.007Z");
    expect(() => isoUtc(new Date(Number.NaN))).toThrow(/invalid date/);
  });

  it("writes numbers and booleans as text", () => {
    expect(csvRow([42, 1.5, true, false])).toBe("42,1.5,true,false\r\n");
  });
});

describe("the formula-injection guard", () => {
  const dangerous = ["=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\tTAB", "\rCR", "\0=1"];

  it.each(dangerous)("prefixes a single quote to %j", (value) => {
    const field = csvField(value);
    const [[parsed]] = parse(`${field}\r\n`) as [[string]];
    expect(parsed).toBe(`'${value}`);
    expect(startsLikeFormula(parsed)).toBe(false);
  });

  it("keeps quoting on top of the guard: a leading CR is both prefixed and quoted", () => {
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  it("leaves safe text and dangerous characters that are not first untouched", () => {
    expect(csvField("a=b")).toBe("a=b");
    expect(csvField("user@example.com")).toBe("user@example.com");
    expect(csvField(" =1")).toBe(" =1");
  });

  it("guards negative numbers too, since Excel would compute them", () => {
    expect(csvField(-3)).toBe("'-3");
  });

  it("writes the raw value when turned off", () => {
    for (const value of dangerous) {
      const [[parsed]] = parse(`${csvField(value, false)}\r\n`) as [[string]];
      expect(parsed).toBe(value);
    }
  });

  it("guards header cells as well, and leaves them raw when off", () => {
    expect(csvDocument(["=evil", "ok"], [], { bom: false })).toBe("'=evil,ok\r\n");
    expect(csvDocument(["=evil", "ok"], [], { bom: false, formulaGuard: false })).toBe("=evil,ok\r\n");
  });
});

describe("the guard in a spreadsheet that splits on semicolons (German, French, Dutch Excel)", () => {
  const hostile = [
    'a;=HYPERLINK("https://evil.example","click")',
    "Zoë;+1;-2;@SUM(A1)",
    ";\"=cmd|' /C calc'!A0\"",
    "x;\0=1",
    "plain; text; =1 after a space",
  ];
  /**
   * Every cell of the file as a `;`-splitting spreadsheet reads it: line by line (no value here
   * holds a line break), quotes honoured only where a cell begins.
   */
  const cellsSplitOnSemicolons = (text: string) =>
    text
      .slice(BOM.length)
      .split("\r\n")
      .flatMap((line) => Papa.parse<string[]>(line, { delimiter: ";", newline: "\r\n" }).data.flat());

  it("quotes any field holding a semicolon", () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("a;b", false)).toBe('"a;b"');
  });

  it("writes no cell that starts like a formula, wherever the hostile field sits in its row", () => {
    const rows = hostile.flatMap((value) => [
      [value, "ok"],
      ["first", value, "last"],
      ["first", "second", value],
    ]);
    const text = csvDocument(["email;=1", "name"], rows);
    const cells = cellsSplitOnSemicolons(text);
    expect(cells.length).toBeGreaterThan(rows.length * 2);
    expect(cells.filter(startsLikeFormula)).toEqual([]);
  });

  it("still reads back, split on commas, as the values with only the guard's quotes added", () => {
    const [row] = parse(csvRows([hostile]));
    expect(row?.map((cell) => cell.replaceAll(";'", ";"))).toEqual(hostile);
    expect(parse(csvRows([hostile], { formulaGuard: false }))[0]).toEqual(hostile);
  });
});

describe("a whole document", () => {
  it("starts with a BOM by default, separates records with CRLF, and drops the BOM on request", () => {
    const text = csvDocument(["a", "b"], [["1", "2"]]);
    expect(text).toBe(`${BOM}a,b\r\n1,2\r\n`);
    expect([...new TextEncoder().encode(text).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvDocument(["a"], [["1"]], { bom: false })).toBe("a\r\n1\r\n");
  });

  it("round-trips Unicode (accents, CJK, emoji beyond the BMP, right-to-left) unchanged", () => {
    const values = ["Zoë Ñúñez", "山田太郎", "🦄👩🏽‍💻𝔘𝔫𝔦", "שלום עולם", "مرحبا\u200f,بالعالم", "\u202eevil"];
    const text = csvRows([values]);
    expect(parse(text)[0]).toEqual(values);
    expect(new TextDecoder().decode(new TextEncoder().encode(text))).toBe(text);
  });

  it("round-trips commas, quotes and newlines inside values through an independent parser", () => {
    const rows = [
      ["a,b", 'he said "no"', "multi\nline", "crlf\r\ninside", "<script>alert(1)</script>"],
      ["", "x", ",", '"', "\n"],
    ];
    expect(parse(csvRows(rows, { formulaGuard: false })).slice(0, 2)).toEqual(rows);
  });

  it("ends every record, the last one too, with CRLF", () => {
    const text = csvRows([["1"], ["2"]]);
    expect(text).toBe("1\r\n2\r\n");
    expect(text.split("\r\n")).toEqual(["1", "2", ""]);
  });
});
