import { attribute, firstChild } from '../../../xml/query';
import type { ControllerModel, DomainModel, InterfaceModel } from '../../model';

/** A multi-queue tap device has at most 256 queues (Guide 5.4.2.1); larger counts are the structure rules'. */
export const TAP_QUEUES_MAX = 256;

/** libvirt's virtio NIC models (`virDomainNetIsVirtioModel`). */
const VIRTIO_NET_MODELS: ReadonlySet<string> = new Set(['virtio', 'virtio-transitional', 'virtio-non-transitional']);

/** The SCSI controller models that are virtio-scsi. */
const VIRTIO_SCSI_MODELS: ReadonlySet<string> = new Set(['virtio-scsi', 'virtio-transitional', 'virtio-non-transitional']);

export function isVirtioNetModel(modelType: string | undefined): boolean {
  return modelType !== undefined && VIRTIO_NET_MODELS.has(modelType);
}

/**
 * Interface types whose QEMU backend has one queue, where libvirt's QEMU driver refuses `queues` above 1
 * when the guest starts. Each was started with `<driver queues='2'/>` on libvirt 9.0 / QEMU 7.2 and refused
 * ("multiqueue is not supported for network interfaces of type ..."); 'ethernet' with the same started.
 */
const SINGLE_QUEUE_TYPES: ReadonlySet<string> = new Set(['user', 'mcast', 'server', 'client', 'udp', 'null']);

/**
 * Whether the interface's backend takes one queue only (VT145). A user-mode interface naming another
 * `<backend type>` (passt, from libvirt 9.2) is not counted: not checked against a libvirt that has it.
 */
export function hasSingleQueueBackend(iface: InterfaceModel): boolean {
  if (iface.type === undefined || !SINGLE_QUEUE_TYPES.has(iface.type)) return false;
  const backend = iface.type === 'user' ? firstChild(iface.element, 'backend') : undefined;
  return !(backend && attribute(backend, 'type'));
}

export function isVirtioScsiController(controller: ControllerModel): boolean {
  return controller.type === 'scsi' && controller.model !== undefined && VIRTIO_SCSI_MODELS.has(controller.model);
}

/**
 * The vCPU counts a per-vCPU queue count may match: the maximum (`<vcpu>`'s text) and, when it is set
 * and sensible, the count the guest boots with (`current`). Undefined when the maximum is unknown.
 */
export function vcpuCounts(model: DomainModel): { maximum: number; current: number | undefined } | undefined {
  const maximum = model.vcpu?.count;
  if (maximum === undefined || maximum < 1) return undefined;
  const current = model.vcpu?.current;
  return { maximum, current: current !== undefined && current >= 1 && current <= maximum ? current : undefined };
}

export function matchesVcpus(queues: number, vcpus: { maximum: number; current: number | undefined }): boolean {
  return queues === vcpus.maximum || queues === vcpus.current;
}
