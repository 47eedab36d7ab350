import type { KernelArch } from './types';

const UNITS = ['K', 'M', 'G', 'T', 'P', 'E'] as const;

export interface ParsedSize {
  bytes: bigint;
  /** How many characters the kernel reads: the number and at most one unit letter. */
  length: number;
}

/**
 * A size as the kernel's memparse() reads it: a number (decimal, `0x` hexadecimal or `0` octal)
 * followed by at most one of K, M, G, T, P, E in either case. Whatever follows is not read at all,
 * so `1GB` is 1G. Undefined when there is no number.
 */
export function memparse(text: string): ParsedSize | undefined {
  const match = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!match) return undefined;
  let bytes = BigInt(match[1]!.length > 1 && match[1]!.startsWith('0') && !/^0[xX]/.test(match[1]!) ? `0o${match[1]!.slice(1)}` : match[1]!);
  let length = match[1]!.length;
  const unit = UNITS.indexOf(text.charAt(length).toUpperCase() as (typeof UNITS)[number]);
  if (unit >= 0) {
    bytes <<= BigInt(10 * (unit + 1));
    length++;
  }
  return { bytes, length };
}

/** The shortest way to write a size: `2M`, `1G`, `1536K`. */
export function formatSize(bytes: bigint): string {
  let unit = -1;
  let value = bytes;
  while (unit < UNITS.length - 1 && value > 0n && value % 1024n === 0n) {
    value /= 1024n;
    unit++;
  }
  return unit < 0 ? `${value}` : `${value}${UNITS[unit]}`;
}

const MiB = 1024n * 1024n;
const GiB = 1024n * MiB;

/**
 * The huge page sizes of each architecture virt-tune checks: x86_64 has 2 MiB and 1 GiB pages (guide
 * 8.2.3; 1 GiB needs a CPU with 1 GiB page support). The kernel says only that sizes are architecture
 * dependent, so other architectures are not checked.
 */
export const HUGE_PAGE_SIZES: Partial<Record<KernelArch, readonly bigint[]>> = {
  x86_64: [2n * MiB, GiB],
};
