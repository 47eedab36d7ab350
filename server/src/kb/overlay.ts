import { guide, libvirt } from './sources';
import type { Source, ValueType } from './types';

/**
 * What the sources say about a value that libvirt's schema does not: a narrowing of the type the
 * generated structure gives an attribute (`path@name`) or an element's text (`path`). Never a
 * structure of its own: every key names a place the schema has (test/kb/overlay.test.ts), and the
 * narrowed type accepts nothing the schema refuses.
 */
export interface Narrowing {
  key: string;
  type: ValueType;
  /** Why, in the project's own words. */
  reason: string;
  sources: readonly Source[];
}

const CPU_MODEL = libvirt('cpu-model-and-topology', 'CPU model and topology');
const MEMORY_BACKING = libvirt('memory-backing', 'Memory Backing');

export const NARROWINGS: readonly Narrowing[] = [
  {
    key: 'domain/devices/interface/driver@queues',
    type: { kind: 'integer', min: 1, max: 256 },
    reason: 'a multi-queue tap device has at most 256 queues; the schema sets no upper bound',
    sources: [guide('5.4.2.1', 'Configuring Multi-Queue virtio-net')],
  },
  {
    key: 'domain/cpu/numa/cell@memory',
    type: { kind: 'memory' },
    reason: "a guest NUMA cell's size, counted in the cell's `unit` (KiB when absent)",
    sources: [CPU_MODEL],
  },
  {
    key: 'domain/memoryBacking/hugepages/page@size',
    type: { kind: 'memory' },
    reason: "a huge page size, counted in the page's `unit` (KiB when absent)",
    sources: [MEMORY_BACKING],
  },
];

const BY_KEY = new Map(NARROWINGS.map((narrowing) => [narrowing.key, narrowing]));

/** The narrowing of an attribute (`path@name`) or of an element's text (`path`), if the sources give one. */
export function narrowing(key: string): Narrowing | undefined {
  return BY_KEY.get(key);
}
