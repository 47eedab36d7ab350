import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { devicesNamed, spanOf, value } from './devices';

/**
 * VT195: a `<shareable/>` disk (written by several guests at once) in another format than raw. Only a
 * raw image can be written from two places: a qcow2 image keeps metadata that two writers would corrupt.
 * libvirt's QEMU driver refuses it unless the disk is read-only.
 */
export const shareableNeedsRaw: DomainRule = {
  meta: {
    code: 'VT195',
    name: 'shareable-needs-raw',
    title: "A writable <shareable/> disk must be type='raw'",
    severity: 'error',
    sources: [
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefDisk'),
      libvirtCode('src/qemu/qemu_block.c', 'qemuBlockStorageSourceSupportsConcurrentAccess'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'shared access for disk' },
  },
  paths: ['domain/devices/disk/shareable'],
  check(context, report) {
    if (!runsOnQemu(context.model)) return;
    for (const disk of devicesNamed(context.model, 'disk')) {
      const shareable = firstChild(disk, 'shareable');
      const driver = firstChild(disk, 'driver');
      const format = value(context.xml, driver, 'type');
      if (!shareable || !driver || format === undefined || format === 'raw' || firstChild(disk, 'readonly')) continue;
      report({
        span: spanOf(context.xml, driver, 'type'),
        message: `A shareable disk is written by several guests at once, which only a raw image survives: libvirt refuses type='${format}' with <shareable/>. Use a raw image, or make the disk <readonly/>.`,
      });
    }
  },
};
