import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';
import type { DomainRule } from '../context';
import { lineOf, runsOnQemu } from '../guest';
import { addressNumber, deviceIndex, value } from './devices';

/** A device's guest PCI address as `domain:bus:slot.function`, when written in full. */
function pciAddress(xml: XmlDocument, address: XmlElement): string | undefined {
  const part = (name: string, fallback?: number): number | undefined => addressNumber(value(xml, address, name)) ?? fallback;
  const domain = part('domain', 0);
  const bus = part('bus', 0);
  const slot = part('slot');
  const fn = part('function', 0);
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
  const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(slot, 2)}.${fn.toString(16)}`;
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
    const pci = new Map<string, number>();
    const drive = new Map<string, number>();
    for (const { device, address } of deviceIndex(model).addressed) {
      // A serial <console> is the same device as its <serial>, address included.
      if (device.name === 'console') continue;
      const type = value(xml, address, 'type');
      if (type === undefined) continue;
      let key: string | undefined;
      let words = '';
      let seen: Map<string, number>;
      if (type === 'pci') {
        if (!runsOnQemu(model)) continue;
        key = pciAddress(xml, address);
        words = `PCI address ${key}`;
        seen = pci;
      } else if (type === 'drive' && (device.name === 'disk' || (device.name === 'hostdev' && value(xml, device, 'type') === 'scsi'))) {
        // A SCSI host device sits on a SCSI controller beside the SCSI disks.
        const bus = device.name === 'disk' ? diskBus(xml, device) : 'scsi';
        const parts = ['controller', 'bus', 'target', 'unit'].map((name) => addressNumber(value(xml, address, name) ?? '0'));
        if (bus === undefined || parts.some((part) => part === undefined)) continue;
        key = `${bus} ${parts.join(':')}`;
        words = `${bus} drive address controller=${parts[0]} bus=${parts[1]} target=${parts[2]} unit=${parts[3]}`;
        seen = drive;
      } else continue;
      if (key === undefined) continue;
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, device.span.start);
        continue;
      }
      report({
        span: address.nameSpan,
        message: `The device on line ${lineOf(context, earlier)} already has ${words}: libvirt refuses two devices at one address. Change one, or remove the <address> to let libvirt pick.`,
      });
    }
  },
};
