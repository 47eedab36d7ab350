import type { DomainRule } from '../context';
import { addressDuplicate } from './address-duplicate';
import { bootOrderConflict } from './boot-order-conflict';
import { chardevSourceIncomplete } from './chardev-source-incomplete';
import { controllerConflict } from './controller-conflict';
import { cpuCacheInvalid } from './cpu-cache-invalid';
import { cpuModeNeedsKvm } from './cpu-mode-needs-kvm';
import { cpuTopologyMismatch } from './cpu-topology-mismatch';
import { diskAddressMismatch } from './disk-address-mismatch';
import { diskFormatUnsupported } from './disk-format-unsupported';
import { diskTargetDuplicate } from './disk-target-duplicate';
import { firmwareConflict } from './firmware-conflict';
import { graphicsListenMismatch } from './graphics-listen-mismatch';
import { hostdevDuplicate } from './hostdev-duplicate';
import { identityConflict } from './identity-conflict';
import { iothreadMissing } from './iothread-missing';
import { machineMismatch } from './machine-mismatch';
import { mdevDisplayInvalid } from './mdev-display-invalid';
import { memoryHotplugIncomplete } from './memory-hotplug-incomplete';
import { memorySizeMissing } from './memory-size-missing';
import { netQueueSizeInvalid } from './net-queue-size-invalid';
import { numaCellIdInvalid } from './numa-cell-id-invalid';
import { numatuneConflict } from './numatune-conflict';
import { resctrlConflict } from './resctrl-conflict';
import { schedulerConflict } from './scheduler-conflict';
import { shareableNeedsRaw } from './shareable-needs-raw';
import { sharedMemoryRequired } from './shared-memory-required';
import { shmemInvalid } from './shmem-invalid';
import { uefiNeedsAcpi } from './uefi-needs-acpi';
import { usbAddressInvalid } from './usb-address-invalid';
import { videoConflict } from './video-conflict';
import { diskBusDeviceMismatch } from './disk-bus-device-mismatch';
import { cpuQuotaBelowMinimum } from './cpu-quota-below-minimum';
import { vcpusStateInvalid } from './vcpus-state-invalid';
import { currentMemoryAboveMemory } from './current-memory-above-memory';
import { vcpuCurrentIgnored } from './vcpu-current-ignored';

/**
 * What libvirt's C code refuses although its schema accepts it (VT170-VT199, then VT400 on: the first
 * range is full), in code order: checks
 * of libvirt's parser, its validation and its QEMU driver, each citing the function that refuses.
 * They share one index of the devices per model (devices.ts), so a keystroke walks `<devices>` once.
 */
export const LIBVIRT_RULES: readonly DomainRule[] = [
  diskTargetDuplicate,
  diskAddressMismatch,
  controllerConflict,
  cpuTopologyMismatch,
  memoryHotplugIncomplete,
  numatuneConflict,
  firmwareConflict,
  uefiNeedsAcpi,
  chardevSourceIncomplete,
  usbAddressInvalid,
  resctrlConflict,
  hostdevDuplicate,
  addressDuplicate,
  videoConflict,
  schedulerConflict,
  bootOrderConflict,
  diskFormatUnsupported,
  identityConflict,
  machineMismatch,
  shmemInvalid,
  netQueueSizeInvalid,
  numaCellIdInvalid,
  graphicsListenMismatch,
  sharedMemoryRequired,
  memorySizeMissing,
  shareableNeedsRaw,
  cpuModeNeedsKvm,
  cpuCacheInvalid,
  mdevDisplayInvalid,
  iothreadMissing,
  diskBusDeviceMismatch,
  cpuQuotaBelowMinimum,
  vcpusStateInvalid,
  currentMemoryAboveMemory,
  vcpuCurrentIgnored,
];
