import { formatKiB } from '../../../kb/units';
import { libvirt, libvirtCode } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { guestMemoryKiB, hasMemoryDevices, sizeSpan } from '../guest';

/**
 * VT403: `<currentMemory>` above the guest's memory (`<memory>`, or the NUMA cells' sum when the guest has
 * cells). libvirt defines the domain but lowers `<currentMemory>` to that size without a word, so the
 * balloon target written is not the one the guest gets. Guests with `<memory>` devices are left alone
 * (their DIMMs count into the total).
 */
export const currentMemoryAboveMemory: DomainRule = {
  meta: {
    code: 'VT403',
    name: 'current-memory-above-memory',
    title: '<currentMemory> should not be above <memory>: libvirt lowers it without a word',
    severity: 'warning',
    sources: [libvirtCode('src/conf/domain_postparse.c', 'virDomainDefPostParseMemory'), libvirt('memory-allocation', 'Memory Allocation')],
    fixable: false,
    libvirt: { stage: 'accepted' },
  },
  paths: ['domain/currentMemory'],
  check(context, report) {
    const { model } = context;
    const current = model.currentMemory;
    const totalKiB = guestMemoryKiB(model);
    if (!current || totalKiB === undefined || current.kib <= totalKiB || hasMemoryDevices(model)) return;
    const span = sizeSpan(context.xml, current);
    if (!span) return;
    const total = (model.cpu?.cells.length ?? 0) > 0 ? "the NUMA cells' memory" : '<memory>';
    report({
      span,
      message:
        `<currentMemory> says ${formatKiB(current.kib)}, above the ${formatKiB(totalKiB)} of ${total}: libvirt defines the domain but lowers <currentMemory> ` +
        `to ${formatKiB(totalKiB)}, so the guest never starts with ${formatKiB(current.kib)}. Raise ${total === '<memory>' ? '<memory>' : 'the cells'} if the guest needs more, or lower <currentMemory>.`,
    });
  },
};
