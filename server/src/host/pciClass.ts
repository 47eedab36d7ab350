import type { PciDevice } from './types';

/** What a PCI class code says a device is, for the picture: network or storage (guide 9.3.11), else other. */
export type PciKind = 'network' | 'storage' | 'other';

export function pciKind(device: Pick<PciDevice, 'class'>): PciKind {
  const base = device.class && /^0x([0-9a-f]{2})/i.exec(device.class)?.[1]?.toLowerCase();
  if (base === '02') return 'network';
  if (base === '01') return 'storage';
  return 'other';
}

/** Network and storage devices, the ones the panel and the text picture show. */
export function ioDevices<T extends Pick<PciDevice, 'class'>>(devices: readonly T[]): T[] {
  return devices.filter((device) => pciKind(device) !== 'other');
}
