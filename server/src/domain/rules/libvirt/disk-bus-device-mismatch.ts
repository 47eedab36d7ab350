import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { runsOnQemu } from '../guest';
import { busOf, devicesNamed, spanOf, value } from './devices';

/** The buses of disks that have no tray: a CD-ROM on them could never change its medium. */
const NO_EJECTABLE_MEDIA: ReadonlySet<string> = new Set(['virtio', 'sd']);
/** The buses that pass a guest's SCSI commands on to a LUN. */
const LUN_BUSES: ReadonlySet<string> = new Set(['virtio', 'scsi']);
/** Disk types whose source is a file, not a device: no SCSI commands can reach them. */
const FILE_TYPES: ReadonlySet<string> = new Set(['file', 'dir']);

/**
 * VT400: a disk's `device` on a bus that cannot carry it. A floppy lives on the floppy controller (and
 * takes an fdX name) and nothing else does; a CD-ROM needs a bus with removable media (not virtio-blk
 * or SD); a LUN passes SCSI commands through, so it needs virtio or SCSI and a block device or an
 * iSCSI source. libvirt's parser or its QEMU driver refuses each at define. Verified with libvirt 9.0
 * and QEMU 7.2 (`virsh define` of each combination, see docs/rules/VT400.md).
 */
export const diskBusDeviceMismatch: DomainRule = {
  meta: {
    code: 'VT400',
    name: 'disk-bus-device-mismatch',
    title: "A disk's device must fit its bus: floppy only on fdc, no CD-ROM on virtio or sd, a LUN on virtio or scsi",
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_validate.c', 'virDomainDiskDefValidate'),
      libvirtCode('src/qemu/qemu_validate.c', 'qemuValidateDomainDeviceDefDiskFrontend'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs')],
    fixable: false,
    libvirt: { stage: 'define', says: 'does not support ejectable media' },
  },
  paths: ['domain/devices/disk/target'],
  check(context, report) {
    const xml = context.xml;
    const qemu = runsOnQemu(context.model);
    for (const disk of devicesNamed(context.model, 'disk')) {
      const target = firstChild(disk, 'target');
      if (!target) continue;
      const device = value(xml, disk, 'device') ?? 'disk';
      const dev = value(xml, target, 'dev');
      const written = value(xml, target, 'bus');
      const bus = busOf(written, dev, device);
      if (bus === undefined) continue;
      // Made only for a message: most disks have none, and this runs for every disk at every keystroke.
      const at = () => spanOf(xml, target, written === undefined ? 'dev' : 'bus');
      const named = () => (written === undefined ? `the ${bus} bus its name '${dev}' puts it on` : `bus='${bus}'`);
      if (device === 'floppy' && bus !== 'fdc') {
        report({ span: at(), message: `A floppy sits on the floppy controller, not on ${named()}: libvirt refuses it ("Invalid bus type '${bus}' for floppy disk"). Use bus='fdc' and a name such as 'fda'.` });
      } else if (device === 'floppy' && dev !== undefined && !dev.startsWith('fd')) {
        report({ span: spanOf(xml, target, 'dev'), message: `A floppy takes a name such as 'fda': libvirt refuses '${dev}' ("Invalid floppy device name").` });
      } else if (device !== 'floppy' && bus === 'fdc') {
        report({ span: at(), message: `Only a floppy sits on the floppy controller: libvirt refuses device='${device}' on ${named()} ("Invalid bus type 'fdc' for disk"). Use device='floppy', or another bus.` });
      } else if (qemu && device === 'cdrom' && NO_EJECTABLE_MEDIA.has(bus)) {
        report({ span: at(), message: `A CD-ROM needs a bus with removable media, which ${named()} lacks: libvirt refuses it ("does not support ejectable media"). Use bus='sata' (q35), 'ide' (i440fx) or 'scsi'.` });
      } else if (qemu && device === 'lun') {
        const type = value(xml, disk, 'type');
        const protocol = value(xml, firstChild(disk, 'source'), 'protocol');
        if (!LUN_BUSES.has(bus)) {
          report({ span: at(), message: `A LUN passes the guest's SCSI commands through, which only bus='virtio' or 'scsi' carries: libvirt refuses ${named()} ("not supported for bus").` });
        } else if (type !== undefined && FILE_TYPES.has(type)) {
          report({ span: spanOf(xml, disk, 'type'), message: `A LUN passes the guest's SCSI commands to a device, which a ${type} cannot take: libvirt refuses type='${type}' with device='lun' (it needs type='block', or an iSCSI source). Use device='disk' for an image.` });
        } else if (type === 'network' && protocol !== undefined && protocol !== 'iscsi') {
          report({ span: spanOf(xml, firstChild(disk, 'source')!, 'protocol'), message: `A network LUN must be an iSCSI one: libvirt refuses device='lun' with protocol='${protocol}'. Use device='disk'.` });
        }
      }
    }
  },
};
