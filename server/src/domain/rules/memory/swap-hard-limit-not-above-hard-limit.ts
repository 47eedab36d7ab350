import { guide, libvirt } from '../../../kb/sources';
import type { DomainRule } from '../context';
import { sizeSpan, UNLIMITED_KIB } from '../guest';
import { describeLimit } from './limits';

/**
 * VT121: `swap_hard_limit` bounds memory plus swap, so it must be above `hard_limit`. Below it, the
 * kernel's cgroup v1 memory controller refuses the pair when libvirt applies it at start (and
 * `virsh memtune` refuses it outright): an error. Equal to it is accepted but leaves the guest no swap,
 * which the guide and libvirt's documentation both rule out: a warning, reported with that severity.
 */
export const swapHardLimitNotAboveHardLimit: DomainRule = {
  meta: {
    code: 'VT121',
    name: 'swap-hard-limit-not-above-hard-limit',
    title: 'swap_hard_limit must be larger than hard_limit',
    severity: 'error',
    sources: [guide('8.2.2', 'Memory Tuning with virsh'), libvirt('memory-tuning', 'Memory Tuning')],
    fixable: false,
    libvirt: { stage: 'start', note: 'cgroup v1' },
  },
  paths: ['domain/memtune/swap_hard_limit'],
  check(context, report) {
    const hard = context.model.memtune?.hardLimit;
    const swap = context.model.memtune?.swapHardLimit;
    if (!hard || !swap || swap.kib >= UNLIMITED_KIB || swap.kib > hard.kib) return;
    const span = sizeSpan(context.xml, swap);
    if (!span) return;
    if (swap.kib === hard.kib) {
      report({
        span,
        severity: 'warning',
        message:
          `swap_hard_limit equals hard_limit (${describeLimit(hard)}): it counts memory plus swap, so the guest ` +
          'gets no swap at all. The guide (8.2.2) and libvirt ask for a swap_hard_limit above hard_limit.',
      });
      return;
    }
    report({
      span,
      message:
        `swap_hard_limit (${describeLimit(swap)}) is below hard_limit (${describeLimit(hard)}): it counts memory ` +
        'plus swap, so it must be the larger one. The kernel refuses the pair when libvirt starts the guest ' +
        '(cgroup v1), and virsh memtune refuses it too.',
    });
  },
};
