// <input type="datetime-local"> speaks local wall time without a zone; send times are UTC ISO.

/** "2026-11-20T10:00" (local) → ISO UTC; `endOfMinute` makes an inclusive upper bound. */
export function localInputToIso(value: string, endOfMinute = false): string | undefined {
  if (value === "") return undefined;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms + (endOfMinute ? 59_999 : 0)).toISOString();
}
