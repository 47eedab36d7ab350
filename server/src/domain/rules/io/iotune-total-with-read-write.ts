import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { removeElementFixes } from '../edits';
import { isSet, numberChild } from './values';

/** Each kind of limit: its total and the read and write limits that libvirt will not combine with it. */
const KINDS = ['bytes_sec', 'iops_sec', 'bytes_sec_max', 'iops_sec_max'].map((kind) => ({
  total: `total_${kind}`,
  limits: [
    { direction: 'read', name: `read_${kind}` },
    { direction: 'write', name: `write_${kind}` },
  ] as const,
}));

/**
 * VT141: an `<iotune>` that limits a total and also the read or write rate of the same kind.
 * libvirt's disk validation refuses it (and QEMU's throttling would too). A limit of 0 means "no
 * limit", so only two non-zero values conflict; one finding per conflicting pair, on the read or
 * write limit.
 */
export const iotuneTotalWithReadWrite: DomainRule = {
  meta: {
    code: 'VT141',
    name: 'iotune-total-with-read-write',
    title: 'An <iotune> total limit cannot be combined with a read or write limit of the same kind',
    severity: 'error',
    sources: [
      guide('7.4.1', 'Disk I/O Throttling'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
    ],
    fixable: true,
    libvirt: { stage: 'define', says: 'cannot be set at the same time' },
  },
  paths: ['domain/devices/disk/iotune'],
  check(context, report) {
    const { xml, text } = context;
    for (const disk of context.model.disks) {
      if (!disk.iotune) continue;
      for (const kind of KINDS) {
        const total = numberChild(xml, disk.iotune, kind.total);
        if (!isSet(total)) continue;
        for (const { direction, name } of kind.limits) {
          const limit = numberChild(xml, disk.iotune, name);
          if (!isSet(limit)) continue;
          report({
            span: limit.element.nameSpan,
            message:
              `<${limit.element.name}> and <${total.element.name}> are both set: libvirt refuses a disk that caps ` +
              `the total and the ${direction} rate of the same kind together. Keep either the total or the read/write limits.`,
            fixes: [...removeElementFixes(text, limit.element), ...removeElementFixes(text, total.element)],
          });
        }
      }
    }
  },
};
