import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';
import type { DomainRule } from '../context';
import { lineOf, runsOnQemu } from '../guest';
import { addressNumber, deviceIndex, value } from './devices';

/** The parts of a guest PCI address, domain, bus, slot and function, when written in full (absent parts are 0, but a slot must be given). */
function pciParts(xml: XmlDocument, address: XmlElement): [number, number, number, number] | undefined {
  const domain = addressNumber(value(xml, address, 'domain')) ?? 0;
  const bus = addressNumber(value(xml, address, 'bus')) ?? 0;
  const slot = addressNumber(value(xml, address, 'slot'));
  const fn = addressNumber(value(xml, address, 'function')) ?? 0;
  return slot === undefined ? undefined : [domain, bus, slot, fn];
}

/** `domain:bus:slot.function`, as libvirt writes a PCI address. */
function pciText([domain, bus, slot, fn]: readonly number[]): string {
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
  return `${hex(domain!, 4)}:${hex(bus!, 2)}:${hex(slot!, 2)}.${fn!.toString(16)}`;
}

/** What each part of an address key may hold: 12 bits. */
const PART_LIMIT = 2 ** 12;

/**
 * A key equal for equal addresses: one number when every part fits 12 bits (nearly always), else the
 * text (which tells apart any two addresses, as numbers are written without loss in hexadecimal). The
 * limit is a constant: computed here per call, `2 ** bits` was a call into V8's pow, the hottest line of
 * this rule in a CPU profile.
 */
function addressKey(parts: readonly number[]): number | string {
  let key = 0;
  for (const part of parts) {
    if (!(part >= 0 && part < PART_LIMIT && Number.isInteger(part))) return parts.join(':');
    key = key * PART_LIMIT + part;
  }
  return key;
}

/** The bus a disk's drive address is on (drive addresses are compared per bus). */
function diskBus(xml: XmlDocument, disk: XmlElement): string | undefined {
  const target = firstChild(disk, 'target');
  const bus = value(xml, target, 'bus');
  if (bus !== undefined) return bus;
  const dev = value(xml, target, 'dev');
  if (dev?.startsWith('hd')) return 'ide';
  if (dev?.startsWith('sd')) return 'scsi';
  if (dev?.startsWith('fd')) return 'fdc';
  return undefined;
}

/**
 * VT182: two devices at one guest address: the same PCI domain:bus:slot.function, or two disks of one
 * bus (or a SCSI disk and a SCSI host device) at the same drive address (controller, bus, target, unit). libvirt refuses the domain: one slot,
 * one device.
 */
export const addressDuplicate: DomainRule = {
  meta: {
    code: 'VT182',
    name: 'address-duplicate',
    title: 'Two devices cannot share a PCI or drive address',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_addr.c', 'virDomainPCIAddressReserveAddrInternal'),
      libvirtCode('src/conf/domain_validate.c', 'virDomainDefDuplicateDriveAddressesValidate'),
      libvirt('device-addresses', 'Device Addresses'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'double use of PCI Address' },
  },
  check(context, report) {
    const { xml, model } = context;
    // Made at the first address of their kind: most domains have few, many none.
    let pci: Map<number | string, number> | undefined;
    let drive: Map<number | string, number> | undefined;
    for (const { device, address } of deviceIndex(model).addressed) {
      // A serial <console> is the same device as its <serial>, address included.
      if (device.name === 'console') continue;
      const type = value(xml, address, 'type');
      if (type === undefined) continue;
      let parts: number[] | undefined;
      let key: number | string;
      let seen: Map<number | string, number>;
      let bus: string | undefined;
      if (type === 'pci') {
        if (!runsOnQemu(model)) continue;
        parts = pciParts(xml, address);
        if (parts === undefined) continue;
        // Four parts of at most 12 bits each are 48 bits: exact in a number.
        key = addressKey(parts);
        seen = pci ??= new Map();
      } else if (type === 'drive' && (device.name === 'disk' || (device.name === 'hostdev' && value(xml, device, 'type') === 'scsi'))) {
        // A SCSI host device sits on a SCSI controller beside the SCSI disks.
        bus = device.name === 'disk' ? diskBus(xml, device) : 'scsi';
        if (bus === undefined) continue;
        parts = [];
        for (const name of DRIVE_PARTS) {
          const part = addressNumber(value(xml, address, name) ?? '0');
          if (part === undefined) break;
          parts.push(part);
        }
        if (parts.length < DRIVE_PARTS.length) continue;
        const numbers = addressKey(parts);
        key = typeof numbers === 'number' ? `${bus} ${numbers}` : `${bus} ${parts.join(':')}`;
        seen = drive ??= new Map();
      } else continue;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, device.start);
        continue;
      }
      const words = bus === undefined
        ? `PCI address ${pciText(parts)}`
        : `${bus} drive address controller=${parts[0]} bus=${parts[1]} target=${parts[2]} unit=${parts[3]}`;
      report({
        span: address.nameSpan,
        message: `The device on line ${lineOf(context, earlier)} already has ${words}: libvirt refuses two devices at one address. Change one, or remove the <address> to let libvirt pick.`,
      });
    }
  },
};

const DRIVE_PARTS = ['controller', 'bus', 'target', 'unit'] as const;
