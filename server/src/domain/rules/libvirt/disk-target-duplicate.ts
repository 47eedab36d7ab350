import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { DomainRule } from '../context';
import { lineOf, runsOnQemu } from '../guest';
import { devicesNamed, spanOf, value } from './devices';

/**
 * VT170: two disks with the same `<target dev>`. The target is the disk's name in the guest's
 * configuration, whatever its bus; libvirt refuses the domain when two disks share one.
 */
export const diskTargetDuplicate: DomainRule = {
  meta: {
    code: 'VT170',
    name: 'disk-target-duplicate',
    title: 'Each disk needs its own <target dev>',
    severity: 'error',
    sources: [
      libvirtCode('src/conf/domain_conf.c', 'virDomainDiskDefCheckDuplicateInfo'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
    ],
    fixable: false,
    libvirt: { stage: 'define', says: 'duplicated for disk sources' },
  },
  paths: ['domain/devices/disk/target'],
  check(context, report) {
    // Checked where libvirt's QEMU driver defines a domain; other drivers' converters (vmx) produce such files.
    if (!runsOnQemu(context.model)) return;
    const first = new Map<string, number>();
    for (const disk of devicesNamed(context.model, 'disk')) {
      const target = firstChild(disk, 'target');
      const dev = value(context.xml, target, 'dev');
      if (!target || dev === undefined) continue;
      const earlier = first.get(dev);
      if (earlier === undefined) {
        first.set(dev, target.start);
        continue;
      }
      report({
        span: spanOf(context.xml, target, 'dev'),
        message:
          `Target '${dev}' is already the target of the disk on line ${lineOf(context, earlier)}: ` +
          'libvirt refuses two disks with the same target, even on different buses. Give this disk a name of its own.',
      });
    }
  },
};
