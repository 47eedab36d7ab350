import { KERNEL_KSM, KSMTUNED_SCRIPT, ksmtunedVariable } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';

/** bash's integers are 64-bit: `[` refuses anything past these, and `$[...]` wraps around. */
const BASH_MAX = 9223372036854775807n;
const BASH_MIN = -9223372036854775808n;
/** /sys/kernel/mm/ksm/pages_to_scan is read with kstrtouint(): an unsigned 32-bit count. */
const PAGES_TO_SCAN_MAX = 4294967295n;
const NPAGES = new Set(['KSM_NPAGES_MIN', 'KSM_NPAGES_MAX']);

/**
 * VT219: an integer past what bash or the kernel takes. Beyond bash's 64-bit integers, every `[ -lt ]`
 * test on the value fails with "integer expression expected" in each round and `$[...]` wraps around;
 * a KSM_NPAGES_MIN or _MAX past 4294967295 is written to pages_to_scan, which the kernel refuses
 * (kstrtouint), so ksmd keeps its previous rate. An error, with the figures shown.
 */
export const integerTooLarge: KsmtunedRule = {
  meta: {
    code: 'VT219',
    name: 'integer-too-large',
    title: 'Integers must fit bash (64-bit) and, for npages, the kernel\'s pages_to_scan (32-bit)',
    severity: 'error',
    sources: [KSMTUNED_SCRIPT, KERNEL_KSM],
    fixable: false,
  },
  check(context, report) {
    for (const { assignment } of context.model.assignments) {
      const variable = ksmtunedVariable(assignment.name);
      const literal = assignment.value.literal?.trim();
      if (variable?.kind !== 'integer' || literal === undefined || !/^[+-]?[0-9]+$/.test(literal)) continue;
      const value = BigInt(literal);
      if (value > BASH_MAX || value < BASH_MIN) {
        report({
          span: assignment.value.span,
          message:
            `${variable.name}=${literal} does not fit bash's 64-bit integers (${BASH_MIN} to ${BASH_MAX}): every [ -lt ] test on it fails with ` +
            "'integer expression expected' in each round, and $[...] arithmetic wraps around to a meaningless number.",
        });
      } else if (NPAGES.has(variable.name) && value > PAGES_TO_SCAN_MAX) {
        report({
          span: assignment.value.span,
          message:
            `${variable.name}=${literal} is more than /sys/kernel/mm/ksm/pages_to_scan takes (an unsigned 32-bit count, at most ${PAGES_TO_SCAN_MAX}): ` +
            'once npages reaches it, the kernel refuses the write and ksmd keeps scanning at its previous rate.',
        });
      }
    }
  },
};
