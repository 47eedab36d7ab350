import { KERNEL_KSM, KSM_DEACTIVATING, KSM_MONITORING, KSM_NUMA, KSM_SECTION, KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from './sources';
import type { KsmKnob } from './types';

/**
 * The /sys/kernel/mm/ksm files that ksmtuned writes, and merge_across_nodes, which the guide tunes
 * beside it. What each does comes from the kernel's KSM documentation; how ksmtuned drives it from the
 * script; the advice from the guide (8.3, 8.3.4, 9.4).
 */
export const KSM_KNOBS: readonly KsmKnob[] = [
  {
    name: 'run',
    path: '/sys/kernel/mm/ksm/run',
    summary: 'Whether the KSM daemon ksmd is scanning.',
    values: '`0` stop scanning and keep the pages already merged · `1` scan · `2` stop and unmerge every merged page',
    kernelDefault: '0',
    drivenBy:
      'ksmtuned writes `1` (after pages_to_scan and sleep_millisecs) in a round where committed memory plus the threshold ' +
      'exceeds the host memory or free memory is below the threshold, and `0` otherwise.',
    advice: 'To give the memory of merged pages back after turning KSM off, write `2` (guide 8.3.4).',
    sources: [KERNEL_KSM, KSMTUNED_SCRIPT, KSM_DEACTIVATING],
  },
  {
    name: 'pages_to_scan',
    path: '/sys/kernel/mm/ksm/pages_to_scan',
    summary: 'How many pages ksmd scans in one batch before it sleeps.',
    kernelDefault: '100',
    drivenBy:
      'ksmtuned writes its `npages` there each time it starts KSM: raised by KSM_NPAGES_BOOST while free memory is below ' +
      'the threshold, changed by KSM_NPAGES_DECAY otherwise, and kept between KSM_NPAGES_MIN and KSM_NPAGES_MAX.',
    sources: [KERNEL_KSM, KSMTUNED_SCRIPT, KSM_TUNING_SERVICE, KSM_MONITORING],
  },
  {
    name: 'sleep_millisecs',
    path: '/sys/kernel/mm/ksm/sleep_millisecs',
    summary: 'How many milliseconds ksmd sleeps between two batches.',
    kernelDefault: '20',
    drivenBy:
      'ksmtuned writes KSM_SLEEP_MSEC scaled by 16 GiB divided by the host memory, at least 10, each time it starts KSM.',
    sources: [KERNEL_KSM, KSMTUNED_SCRIPT, KSM_MONITORING],
  },
  {
    name: 'merge_across_nodes',
    path: '/sys/kernel/mm/ksm/merge_across_nodes',
    summary: 'Whether KSM may merge identical pages that sit on different NUMA nodes.',
    details:
      'With `0`, only pages of the same node are merged, so no guest reaches a merged page on a distant node. It can only ' +
      'be changed while no page is merged: write `2` to `run` first, then `1` again afterwards.',
    values: '`1` merge across nodes · `0` merge only within a node',
    kernelDefault: '1',
    drivenBy:
      'ksmtuned does not touch it. Set it yourself, for example with `virsh node-memory-tune --shm-merge-across-nodes 0`.',
    advice:
      'On a NUMA host where KSM runs, the guide recommends `0`: merging across nodes adds latency for guests on the far ' +
      'node and can confuse numad (guide 8.3, 9.4).',
    sources: [
      KERNEL_KSM,
      KSM_SECTION,
      KSM_NUMA,
    ],
  },
];
