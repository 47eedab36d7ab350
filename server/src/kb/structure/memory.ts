import type { ElementSpec, ValueType } from '../types';
import { attribute, countElement, element, integer, memory, memoryElement, memoryUnit, nodeset, oneOf, onoff, string } from './build';

/** NUMA memory policies of `<numatune>`'s `<memory>` and `<memnode>` (guide 9.1, libvirt NUMA Node Tuning). */
const NUMA_MODE: ValueType = oneOf(
  ['strict', 'allocate only from the nodeset; fail when it is exhausted (the default)'],
  ['interleave', 'spread pages round-robin over the nodeset'],
  ['preferred', 'prefer one node, fall back to others when it runs short'],
  ['restrictive', 'system default policy, with the nodes restricted through cgroups only'],
);
/** blkio weight: the schema's and the guide's range (libvirt notes kernels after 2.6.39 take 10-1000). */
const BLKIO_WEIGHT = integer(100, 1000);

/**
 * Memory sizes, `<memtune>`, `<memoryBacking>`, `<numatune>` and `<blkiotune>`, transcribed from
 * libvirt 11.3.0's domaincommon.rng.
 */
export const MEMORY_SPECS: readonly ElementSpec[] = [
  // Memory Allocation
  element('domain/maxMemory', { attributes: [attribute('slots', integer(0)), attribute('unit', memoryUnit)], text: memory }),
  element('domain/memory', { attributes: [attribute('unit', memoryUnit), attribute('dumpCore', onoff)], text: memory }),
  memoryElement('domain/currentMemory'),

  // Memory Backing
  element('domain/memoryBacking', {
    children: ['hugepages', 'nosharepages', 'locked', 'source', 'access', 'allocation', 'discard'],
  }),
  element('domain/memoryBacking/hugepages', { children: ['page'] }),
  element('domain/memoryBacking/hugepages/page', {
    attributes: [attribute('size', memory, true), attribute('unit', memoryUnit), attribute('nodeset', nodeset)],
    empty: true,
  }),
  element('domain/memoryBacking/nosharepages', { empty: true }),
  element('domain/memoryBacking/locked', { empty: true }),
  element('domain/memoryBacking/source', {
    attributes: [
      attribute(
        'type',
        oneOf(
          ['anonymous', 'anonymous memory (the default)'],
          ['file', 'memory backed by files'],
          ['memfd', 'memory backed by memfd (QEMU/KVM)'],
        ),
        true,
      ),
    ],
    empty: true,
  }),
  element('domain/memoryBacking/access', {
    attributes: [attribute('mode', oneOf(['shared', 'mapped shared (vhost-user disks, virtiofs)'], ['private', 'mapped private']), true)],
    empty: true,
  }),
  element('domain/memoryBacking/allocation', {
    attributes: [
      attribute('mode', oneOf(['immediate', 'allocate all memory up front'], ['ondemand', 'allocate memory as the guest touches it'])),
      attribute('threads', integer(0)),
    ],
    empty: true,
  }),
  element('domain/memoryBacking/discard', { empty: true }),

  // Memory Tuning
  element('domain/memtune', { children: ['hard_limit', 'soft_limit', 'swap_hard_limit', 'min_guarantee'] }),
  memoryElement('domain/memtune/hard_limit'),
  memoryElement('domain/memtune/soft_limit'),
  memoryElement('domain/memtune/swap_hard_limit'),
  memoryElement('domain/memtune/min_guarantee'),

  // NUMA Node Tuning
  element('domain/numatune', { children: ['memory', 'memnode'] }),
  element('domain/numatune/memory', {
    attributes: [
      attribute('mode', NUMA_MODE),
      attribute('nodeset', nodeset),
      attribute(
        'placement',
        oneOf(['static', 'allocate from the nodeset given'], ['auto', 'allocate from the nodes numad advises; nodeset is ignored']),
      ),
    ],
    empty: true,
  }),
  element('domain/numatune/memnode', {
    // The schema also demands `mode`; libvirt defaults it to strict.
    attributes: [attribute('cellid', integer(0), true), attribute('mode', NUMA_MODE), attribute('nodeset', nodeset, true)],
    empty: true,
  }),

  // Block I/O Tuning
  element('domain/blkiotune', { children: ['weight', 'device'] }),
  element('domain/blkiotune/weight', { text: BLKIO_WEIGHT }),
  element('domain/blkiotune/device', {
    children: ['path', 'weight', 'read_bytes_sec', 'write_bytes_sec', 'read_iops_sec', 'write_iops_sec'],
  }),
  element('domain/blkiotune/device/path', { text: string }),
  element('domain/blkiotune/device/weight', { text: BLKIO_WEIGHT }),
  countElement('domain/blkiotune/device/read_bytes_sec'),
  countElement('domain/blkiotune/device/write_bytes_sec'),
  countElement('domain/blkiotune/device/read_iops_sec'),
  countElement('domain/blkiotune/device/write_iops_sec'),
];
