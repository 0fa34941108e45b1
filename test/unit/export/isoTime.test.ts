import { describe, expect, it } from "vitest";
import { isoTimeFormatter, isPlainIsoTime } from "../../../src/export/isoTime";

describe("isoTimeFormatter", () => {
  it("writes what toISOString writes, inside an hour, across hours and days, and outside years 0000-9999", () => {
    const times = [
      Date.UTC(2026, 10, 1),
      Date.UTC(2026, 10, 1, 0, 0, 0, 1),
      Date.UTC(2026, 10, 1, 0, 59, 59, 999),
      Date.UTC(2026, 10, 1, 1),
      Date.UTC(2026, 10, 1, 0, 30, 5, 70),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      0,
      -1,
      -3_600_001,
      Date.UTC(1969, 6, 20, 20, 17, 40, 5),
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      8.64e15,
      -8.64e15,
    ];
    for (let ms = Date.UTC(2026, 1, 28, 22); ms < Date.UTC(2026, 2, 1, 2); ms += 60_013) times.push(ms);
    const iso = isoTimeFormatter();
    expect(times.map(iso)).toEqual(times.map((ms) => new Date(ms).toISOString()));
    expect(times.filter(isPlainIsoTime).every((ms) => /^\d/.test(iso(ms)))).toBe(true);
    expect(times.filter((ms) => !isPlainIsoTime(ms)).every((ms) => /^[-+]/.test(iso(ms)))).toBe(true);
  });

  it("throws on an invalid time, as toISOString does", () => {
    const iso = isoTimeFormatter();
    expect(() => iso(Number.NaN)).toThrow(RangeError);
    expect(() => iso(8.64e15 + 1)).toThrow(RangeError);
  });
});
