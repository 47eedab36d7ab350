import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { devicesNamed, spanOf, value } from './devices';

/**
 * Image formats libvirt knows but will not hand to QEMU, with what to write instead. A Map, not an object:
 * `format in` an object also found the names of Object's prototype (`type='constructor'`), and asked V8
 * to look each format up among its internalized strings.
 */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['cow', "'cow' (the old User-Mode Linux format) is not supported: convert the image (qemu-img convert -O qcow2)"],
  ['dir', "'dir' is not an image format: for a host directory use <disk type='dir'> with type='fat'"],
  ['iso', "'iso' is not a QEMU format: an ISO image is read as type='raw'"],
]);

/**
 * VT186: `<disk><driver type>` naming a format libvirt knows but QEMU cannot open that way (cow, dir,
 * iso). libvirt's QEMU driver refuses the disk.
 */
export const diskFormatUnsupported: DomainRule = {
  meta: {
    code: 'VT186',
    name: 'disk-format-unsupported',
    title: "QEMU disks cannot use the 'cow', 'dir' or 'iso' driver formats",
    severity: 'error',
    sources: [libvirtCode('src/qemu/qemu_domain.c', 'qemuDomainValidateStorageSource'), libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs')],
    fixable: false,
    libvirt: { stage: 'define', says: "storage format 'iso'" },
  },
  paths: ['domain/devices/disk/driver'],
  check(context, report) {
    if (!runsOnQemu(context.model)) return;
    for (const disk of devicesNamed(context.model, 'disk')) {
      const driver = firstChild(disk, 'driver');
      const format = value(context.xml, driver, 'type');
      const refused = format === undefined ? undefined : REFUSED.get(format);
      if (!driver || refused === undefined) continue;
      report({ span: spanOf(context.xml, driver, 'type'), message: `${refused}; libvirt refuses the disk as written.` });
    }
  },
};
