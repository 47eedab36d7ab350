import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { removeElementFixes } from '../edits';
import { isSet, isUnset, numberChild } from './values';

const BASES = [
  'total_bytes_sec',
  'read_bytes_sec',
  'write_bytes_sec',
  'total_iops_sec',
  'read_iops_sec',
  'write_iops_sec',
] as const;

/** Each base rate with its burst ceiling's and burst length's element names, made once rather than per <iotune> checked. */
const LIMITS = BASES.map((name) => ({ name, max: `${name}_max`, length: `${name}_max_length` }));
const IOPS_LIMITS = ['total_iops_sec', 'read_iops_sec', 'write_iops_sec'] as const;

/**
 * VT142: an `<iotune>` value that modifies a limit which is not there. QEMU's throttling refuses a
 * burst ceiling (`*_max`) without its base rate or below it, a burst length longer than one second
 * without a burst ceiling, and an I/O size (`size_iops_sec`) without any I/O-operations limit; libvirt
 * hands the values to QEMU when the guest starts, so the start fails. A burst length of exactly 1 is
 * QEMU's default and harmless, but libvirt documents the length as valid only with its ceiling: that
 * one is a warning.
 */
export const iotuneMaxWithoutBase: DomainRule = {
  meta: {
    code: 'VT142',
    name: 'iotune-max-without-base',
    title: 'An <iotune> burst ceiling, burst length or I/O size needs the limit it modifies',
    severity: 'error',
    sources: [
      guide('7.4.1', 'Disk I/O Throttling'),
      libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'),
    ],
    fixable: true,
    libvirt: { stage: 'start', says: 'cannot be lower than' },
  },
  paths: ['domain/devices/disk/iotune'],
  check(context, report) {
    const { xml, text } = context;
    for (const disk of context.model.disks) {
      const iotune = disk.iotune;
      if (!iotune) continue;
      for (const { name, max: maxName, length: lengthName } of LIMITS) {
        const base = numberChild(xml, iotune, name);
        const max = numberChild(xml, iotune, maxName);
        const length = numberChild(xml, iotune, lengthName);
        if (isSet(max) && isUnset(base)) {
          report({
            span: max.element.nameSpan,
            message:
              `<${name}_max> sets a burst ceiling, but <${name}> (the rate it bursts above) is not set: ` +
              `QEMU refuses the throttling settings and the guest does not start. Set <${name}> too, or remove <${name}_max>.`,
            fixes: removeElementFixes(text, max.element),
          });
        } else if (isSet(max) && isSet(base) && max.value < base.value && max.valueSpan) {
          report({
            span: max.valueSpan,
            message:
              `<${name}_max> (${max.value}) is lower than <${name}> (${base.value}): a burst ceiling cannot be ` +
              `below the base rate, so QEMU refuses the throttling settings and the guest does not start.`,
            fixes: [
              {
                title: `Raise <${name}_max> to ${base.value}`,
                edits: [{ span: max.valueSpan, newText: String(base.value) }],
              },
            ],
          });
        }
        if (isSet(length) && isUnset(max)) {
          const refused = length.value > 1;
          report({
            span: length.element.nameSpan,
            message: refused
              ? `<${name}_max_length> sets how long a burst may last, but there is no <${name}_max> burst ceiling: ` +
                `QEMU refuses a burst length without a burst rate and the guest does not start.`
              : `<${name}_max_length> has no effect without <${name}_max>: libvirt documents the burst length as ` +
                `valid only together with its burst ceiling.`,
            // A length of 1 second is QEMU's own default, so it starts; it is only a setting that does nothing.
            ...(refused ? {} : { severity: 'warning' as const }),
            fixes: removeElementFixes(text, length.element),
          });
        }
      }
      const size = numberChild(xml, iotune, 'size_iops_sec');
      if (isSet(size) && IOPS_LIMITS.every((name) => isUnset(numberChild(xml, iotune, name)))) {
        report({
          span: size.element.nameSpan,
          message:
            '<size_iops_sec> says how many bytes count as one I/O operation, but no I/O-operations limit ' +
            '(<total_iops_sec>, <read_iops_sec> or <write_iops_sec>) is set: QEMU refuses it and the guest does not start.',
          fixes: removeElementFixes(text, size.element),
        });
      }
    }
  },
};
