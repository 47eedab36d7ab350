import { BLOCK_FACTS } from './facts/block';
import { CPU_FACTS } from './facts/cpu';
import { MEMORY_FACTS } from './facts/memory';
import { NETWORK_FACTS } from './facts/network';
import { NUMA_FACTS } from './facts/numa';
import type { Fact } from './types';

/**
 * What the tuning elements, attributes and values do and what the guide advises, in the project's own
 * words, each with its sources. Keys: `domain/memtune/hard_limit` (element),
 * `domain/devices/disk/driver@cache` (attribute), `domain/devices/disk/driver@cache=none` (value).
 */
export const FACTS: readonly Fact[] = [...CPU_FACTS, ...NUMA_FACTS, ...MEMORY_FACTS, ...BLOCK_FACTS, ...NETWORK_FACTS];

const BY_KEY = new Map(FACTS.map((entry) => [entry.key, entry]));

export function fact(key: string): Fact | undefined {
  return BY_KEY.get(key);
}
