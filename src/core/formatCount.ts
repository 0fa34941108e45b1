/**
 * A leaf module (imports nothing of ours): counts in English grouping ("12,345"), matching the
 * English text around them, the same in the screens and in the messages sync and the pacer write.
 */
const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return integer.format(n);
}
