import { guide, libvirt } from '../../../kb/sources';
import type { MemorySize } from '../../model';
import type { DomainRule } from '../context';
import { runsOnQemu, sizeSpan } from '../guest';
import { describeLimit, isUnlimited } from './limits';

/**
 * VT122: a `soft_limit` or `min_guarantee` above `hard_limit`. libvirt passes them on, but the hard
 * limit is reached first, so the soft limit never bites and the guarantee cannot be met: almost surely
 * a unit or digit slip. (On QEMU, min_guarantee is refused outright: VT129 says so, this rule does not.)
 */
export const limitAboveHardLimit: DomainRule = {
  meta: {
    code: 'VT122',
    name: 'limit-above-hard-limit',
    title: 'soft_limit and min_guarantee must not exceed hard_limit',
    severity: 'warning',
    sources: [guide('8.2.2', 'Memory Tuning with virsh'), libvirt('memory-tuning', 'Memory Tuning')],
    fixable: false,
  },
  paths: ['domain/memtune/hard_limit'],
  check(context, report) {
    const memtune = context.model.memtune;
    const hard = memtune?.hardLimit;
    if (!memtune || !hard || isUnlimited(hard)) return;
    const above = (size: MemorySize | undefined): size is MemorySize => size !== undefined && size.kib > hard.kib;

    const soft = memtune.softLimit;
    const softSpan = above(soft) ? sizeSpan(context.xml, soft) : undefined;
    if (soft && softSpan) {
      report({
        span: softSpan,
        message:
          `soft_limit (${describeLimit(soft)}) is above hard_limit (${describeLimit(hard)}): the hard limit stops ` +
          'the guest first, so the soft limit never applies. The soft limit is meant to be the lower one.',
      });
    }

    const guarantee = memtune.minGuarantee;
    const guaranteeSpan = above(guarantee) && !runsOnQemu(context.model) ? sizeSpan(context.xml, guarantee) : undefined;
    if (guarantee && guaranteeSpan) {
      report({
        span: guaranteeSpan,
        message:
          `min_guarantee (${describeLimit(guarantee)}) is above hard_limit (${describeLimit(hard)}): ` +
          'the guest can never be given the memory it is guaranteed.',
      });
    }
  },
};
