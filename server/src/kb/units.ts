import { libvirt } from './sources';
import type { Source } from './types';

/**
 * libvirt's memory units (formatdomain, Memory Allocation): `b`/`byte`/`bytes`; `KB`, `MB`, ... are powers of
 * 1000; `k`/`KiB`, `M`/`MiB`, ... are powers of 1024. libvirt compares them without regard to case
 * (virScaleInteger). The default is KiB.
 */
export interface MemoryUnit {
  name: string;
  bytes: number;
  doc: string;
}

const KI = 1024;
export const MEMORY_UNITS: readonly MemoryUnit[] = [
  { name: 'b', bytes: 1, doc: 'bytes' },
  { name: 'byte', bytes: 1, doc: 'bytes' },
  { name: 'bytes', bytes: 1, doc: 'bytes' },
  { name: 'KB', bytes: 1e3, doc: 'kilobytes (1,000 bytes)' },
  { name: 'k', bytes: KI, doc: 'kibibytes (1,024 bytes)' },
  { name: 'KiB', bytes: KI, doc: 'kibibytes (1,024 bytes), the default' },
  { name: 'MB', bytes: 1e6, doc: 'megabytes (1,000,000 bytes)' },
  { name: 'M', bytes: KI ** 2, doc: 'mebibytes (1,048,576 bytes)' },
  { name: 'MiB', bytes: KI ** 2, doc: 'mebibytes (1,048,576 bytes)' },
  { name: 'GB', bytes: 1e9, doc: 'gigabytes (1,000,000,000 bytes)' },
  { name: 'G', bytes: KI ** 3, doc: 'gibibytes (1,073,741,824 bytes)' },
  { name: 'GiB', bytes: KI ** 3, doc: 'gibibytes (1,073,741,824 bytes)' },
  { name: 'TB', bytes: 1e12, doc: 'terabytes (10^12 bytes)' },
  { name: 'T', bytes: KI ** 4, doc: 'tebibytes (2^40 bytes)' },
  { name: 'TiB', bytes: KI ** 4, doc: 'tebibytes (2^40 bytes)' },
  { name: 'PB', bytes: 1e15, doc: 'petabytes (10^15 bytes)' },
  { name: 'P', bytes: KI ** 5, doc: 'pebibytes (2^50 bytes)' },
  { name: 'PiB', bytes: KI ** 5, doc: 'pebibytes (2^50 bytes)' },
  { name: 'EB', bytes: 1e18, doc: 'exabytes (10^18 bytes)' },
  { name: 'E', bytes: KI ** 6, doc: 'exbibytes (2^60 bytes)' },
  { name: 'EiB', bytes: KI ** 6, doc: 'exbibytes (2^60 bytes)' },
];

export const MEMORY_UNITS_SOURCE: Source = libvirt('memory-allocation', 'Memory Allocation');

// Every value typed as a memory unit is looked up here, so by name first (as written, then lowercased):
// no two units share a lowercased name, so either lookup finds the one a case-blind search would.
const UNITS_BY_NAME = new Map(MEMORY_UNITS.map((unit) => [unit.name, unit]));
const UNITS_BY_LOWER_NAME = new Map(MEMORY_UNITS.map((unit) => [unit.name.toLowerCase(), unit]));

export function memoryUnit(name: string): MemoryUnit | undefined {
  return UNITS_BY_NAME.get(name) ?? UNITS_BY_LOWER_NAME.get(name.toLowerCase());
}

/** The size in KiB (fractions kept), or undefined for an unknown unit. */
export function toKiB(value: number, unitName: string): number | undefined {
  const unit = memoryUnit(unitName);
  return unit === undefined ? undefined : (value * unit.bytes) / KI;
}

/** `4194304` KiB -> `4 GiB`, for messages. */
export function formatKiB(kib: number): string {
  for (const [unit, size] of [['TiB', KI ** 3], ['GiB', KI ** 2], ['MiB', KI]] as const) {
    if (kib >= size && kib % (size / 16) === 0) return `${kib / size} ${unit}`;
  }
  return `${kib} KiB`;
}
