import type { DomainRule } from '../context';
import { coalesceWithoutTap } from './coalesce-without-tap';
import { controllerDriverNeedsVirtioScsi } from './controller-driver-needs-virtio-scsi';
import { iotuneMaxWithoutBase } from './iotune-max-without-base';
import { iotuneTotalWithReadWrite } from './iotune-total-with-read-write';
import { multiqueueInterfaceType } from './multiqueue-interface-type';
import { multiqueueNeedsVirtio } from './multiqueue-needs-virtio';
import { nativeIoNeedsDirectCache } from './native-io-needs-direct-cache';
import { netQueuesNotVcpus } from './net-queues-not-vcpus';
import { scsiQueuesNotVcpus } from './scsi-queues-not-vcpus';
import { unsafeCache } from './unsafe-cache';

/**
 * Disk and network I/O rules (VT140-VT149), in code order.
 */
export const IO_RULES: readonly DomainRule[] = [
  nativeIoNeedsDirectCache,
  iotuneTotalWithReadWrite,
  iotuneMaxWithoutBase,
  netQueuesNotVcpus,
  multiqueueNeedsVirtio,
  multiqueueInterfaceType,
  scsiQueuesNotVcpus,
  unsafeCache,
  coalesceWithoutTap,
  controllerDriverNeedsVirtioScsi,
];
