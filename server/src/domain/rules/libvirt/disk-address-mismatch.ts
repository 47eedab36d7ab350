import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { addressOf, busOf, devicesNamed, spanOf, value } from './devices';

/** The buses whose disks sit on a controller and take a `drive` address (and no other). */
const DRIVE_BUSES: ReadonlySet<string> = new Set(['ide', 'fdc', 'scsi', 'sata']);


/**
 * VT171: an IDE, SATA, SCSI or floppy disk with an `<address>` of another type than `drive` (often a
 * PCI address copied from a virtio disk). Such a disk hangs off a controller; libvirt refuses the domain.
 */
export const diskAddressMismatch: DomainRule = {
  meta: {
    code: 'VT171',
    name: 'disk-address-mismatch',
    title: "An IDE, SATA, SCSI or floppy disk takes a type='drive' address",
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_validate.c', 'virDomainDiskAddressDiskBusCompatibility'),
      libvirt('device-addresses', 'Device Addresses'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'Invalid address type' },
  },
  paths: ['domain/devices/disk/address'],
  check(context, report) {
    for (const disk of devicesNamed(context.model, 'disk')) {
      const address = addressOf(disk);
      const type = value(context.xml, address, 'type');
      if (!address || type === undefined || type === 'drive') continue;
      const target = firstChild(disk, 'target');
      const bus = busOf(value(context.xml, target, 'bus'), value(context.xml, target, 'dev'), value(context.xml, disk, 'device'));
      if (bus === undefined || !DRIVE_BUSES.has(bus)) continue;
      report({
        span: spanOf(context.xml, address, 'type'),
        message:
          `A disk on the ${bus} bus sits on a controller and takes an address of type 'drive' ` +
          `(controller, bus, target, unit), not '${type}': libvirt refuses it. Use type='drive', remove the ` +
          `<address> to let libvirt choose, or move the disk to bus='virtio' for a PCI address.`,
      });
    }
  },
};
