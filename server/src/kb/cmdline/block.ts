import type { KernelParamSpec } from './types';
import { GUIDE_IO_SCHEDULER, GUIDE_IO_SCHEDULER_GUEST, SWITCHING_SCHEDULER } from './sources';

/**
 * The I/O scheduler at boot. Linux 6.12's kernel-parameters.txt no longer lists `elevator=`: since
 * 5.0 every block device is multi-queue and the parameter has no effect.
 */
export const BLOCK_PARAMS: readonly KernelParamSpec[] = [
  {
    name: 'elevator',
    value: {
      kind: 'enum',
      values: [
        { value: 'cfq', doc: 'Completely Fair Queuing: the RHEL 7 host default, good for most host workloads (guide 6.2)' },
        { value: 'deadline', doc: 'favours latency over throughput; the tuned `virtual-host` profile uses it (guide 6.2)' },
        { value: 'noop', doc: 'no reordering: lets the hypervisor schedule, often best in guests (guide 6.3)' },
      ],
    },
    summary: 'Chooses the I/O scheduler of every block device at boot, on kernels with the single-queue block layer (RHEL 5, 6 and 7).',
    details:
      'Multi-queue devices ignore it: virtio-blk in RHEL 7.2 and later guests already (guide 6.3), and every device since Linux 5.0, which has no single-queue layer left. ' +
      'There the scheduler is set per device through /sys/block/<dev>/queue/scheduler (`mq-deadline`, `bfq`, `kyber`, `none`), made permanent by a udev rule.',
    repeat: 'last',
    parsedBy: 'elevator_setup() (block/elevator.c, before Linux 5.0): each copy replaces the chosen name',
    sources: [GUIDE_IO_SCHEDULER, GUIDE_IO_SCHEDULER_GUEST, SWITCHING_SCHEDULER],
  },
];
