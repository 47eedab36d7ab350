import { guide, libvirt } from './sources';
import type { Fact } from './types';

/** Seed only: the knowledge-base work fills every tuning element, attribute and value. */
export const FACTS: readonly Fact[] = [
  {
    key: 'domain/cputune/vcpupin',
    summary: 'Pins one guest vCPU thread to a set of host CPUs.',
    sources: [guide('9.3.4', 'Domain vCPU Threads'), libvirt('cpu-tuning', 'CPU Tuning')],
  },
];

const BY_KEY = new Map(FACTS.map((entry) => [entry.key, entry]));

export function fact(key: string): Fact | undefined {
  return BY_KEY.get(key);
}
