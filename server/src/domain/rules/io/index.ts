import type { DomainRule } from '../context';
import { coalesceWithoutTap } from './coalesce-without-tap';
import { controllerDriverNeedsVirtioScsi } from './controller-driver-needs-virtio-scsi';
import { iotuneMaxWithoutBase } from './iotune-max-without-base';
import { iotuneTotalWithReadWrite } from './iotune-total-with-read-write';
import { multiqueueNeedsVirtio } from './multiqueue-needs-virtio';
import { nativeIoNeedsDirectCache } from './native-io-needs-direct-cache';
import { netQueuesNotVcpus } from './net-queues-not-vcpus';
import { scsiQueuesNotVcpus } from './scsi-queues-not-vcpus';
import { unsafeCache } from './unsafe-cache';

/**
 * Disk and network I/O rules (VT140-VT149), in code order. VT145 is not used: the guide's note on
 * qemu.conf's max_files (5.4.2.1) concerns a host setting the domain XML cannot show.
 */
export const IO_RULES: readonly DomainRule[] = [
  nativeIoNeedsDirectCache,
  iotuneTotalWithReadWrite,
  iotuneMaxWithoutBase,
  netQueuesNotVcpus,
  multiqueueNeedsVirtio,
  scsiQueuesNotVcpus,
  unsafeCache,
  coalesceWithoutTap,
  controllerDriverNeedsVirtioScsi,
];
