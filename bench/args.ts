/** `npm run bench -- --sends N --out FILE` or `-- --account`: the only options, with the issues' defaults. */
export interface BenchArgs {
  sends: number;
  out: string;
  /** `--account`: the People bench over a whole account (bench/accountBench.ts) instead. */
  account: boolean;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { sends: 200_000, out: "bench-results.json", account: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--sends" && value !== undefined) {
      const sends = Number(value);
      if (!Number.isInteger(sends) || sends < 500)
        throw new Error(`--sends takes a whole number ≥ 500, not ${value}`);
      args.sends = sends;
      i++;
    } else if (flag === "--account") {
      args.account = true;
    } else if (flag === "--out" && value !== undefined) {
      args.out = value;
      i++;
    } else {
      throw new Error(`Unknown option ${flag}. Options: --sends N (default 200000), --account, --out FILE`);
    }
  }
  return args;
}
