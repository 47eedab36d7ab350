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
