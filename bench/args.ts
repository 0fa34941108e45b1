/** `npm run bench -- --sends N --out FILE`: the only options, with the defaults. */
export interface BenchArgs {
  sends: number;
  out: string;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { sends: 200_000, out: "bench-results.json" };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--sends" && value !== undefined) {
      const sends = Number(value);
      if (!Number.isInteger(sends) || sends < 500)
        throw new Error(`--sends takes a whole number ≥ 500, not ${value}`);
      args.sends = sends;
      i++;
    } else if (flag === "--out" && value !== undefined) {
      args.out = value;
      i++;
    } else {
      throw new Error(`Unknown option ${flag}. Options: --sends N (default 200000), --out FILE`);
    }
  }
  return args;
}
