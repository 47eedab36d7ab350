import { formatKiB } from '../../../kb/units';
import type { MemorySize } from '../../model';
import { UNLIMITED_KIB } from '../guest';

/** A `<memtune>` value for messages: `4 GiB`, or `unlimited` for libvirt's no-limit value. */
export function describeLimit(size: MemorySize): string {
  return isUnlimited(size) ? 'unlimited' : formatKiB(size.kib);
}

export function isUnlimited(size: MemorySize): boolean {
  return size.kib >= UNLIMITED_KIB;
}

/**
 * What a hard_limit allows QEMU on top of the guest's memory. libvirt gives a guest with an assigned
 * host device the same allowance when it sets that guest's locked-memory limit itself (guest memory
 * + 1 GiB; tests/qemumemlocktest), so it is the project's one sourced figure for "QEMU's own share"
 * (VT120's fix and the tuner use it).
 */
export const QEMU_ALLOWANCE_KIB = 1024 * 1024;
