import { guide, libvirt } from '../../../kb/sources';
import { formatKiB } from '../../../kb/units';
import type { DomainRule } from '../context';
import { guestMemoryKiB, sizeSpan } from '../guest';
import { isUnlimited } from './limits';

/**
 * VT123: a `hard_limit` that is not above the guest's memory. The limit applies to the whole QEMU
 * process, whose own memory comes on top of the guest's, so a guest that uses its RAM pushes the
 * process over the limit and the kernel kills it (guide 8.2.2's warning; libvirt's Memory Tuning).
 * The guest runs until then: a warning.
 */
export const hardLimitBelowMemory: DomainRule = {
  meta: {
    code: 'VT123',
    name: 'hard-limit-below-memory',
    title: "hard_limit must leave room above the guest's memory",
    severity: 'warning',
    sources: [guide('8.2.2', 'Memory Tuning with virsh'), libvirt('memory-tuning', 'Memory Tuning')],
    fixable: false,
  },
  paths: ['domain/memtune/hard_limit'],
  check(context, report) {
    const hard = context.model.memtune?.hardLimit;
    const guestKiB = guestMemoryKiB(context.model);
    if (!hard || guestKiB === undefined || isUnlimited(hard) || hard.kib > guestKiB) return;
    const span = sizeSpan(context.xml, hard);
    if (!span) return;
    const relation = hard.kib === guestKiB ? 'equals' : 'is below';
    report({
      span,
      message:
        `hard_limit (${formatKiB(hard.kib)}) ${relation} the guest's memory (${formatKiB(guestKiB)}): the limit ` +
        "covers the whole QEMU process, whose own memory comes on top of the guest's, so the kernel may kill the " +
        'guest once it uses its RAM. Allow for QEMU (guide 8.2.2), or leave hard_limit out.',
    });
  },
};
