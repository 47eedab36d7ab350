import { KSMTUNED_SCRIPT, ksmtunedVariable } from '../../kb/ksmtuned';
import { leadingZero } from '../values';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';

/**
 * VT210: an integer written with a leading zero. ksmtuned's integers all pass through bash arithmetic,
 * which reads `010` as octal 8 while its `[ -lt ]` tests read 10: almost surely not what was meant (a
 * warning). A number with an 8 or a 9 after the zero (`08`) is no octal number at all and makes the
 * arithmetic fail, so that finding is an error. The fix writes the decimal digits without the zeros.
 */
export const leadingZeroRule: KsmtunedRule = {
  meta: {
    code: 'VT210',
    name: 'leading-zero',
    title: 'Integers must not start with 0: bash arithmetic reads them as octal',
    severity: 'warning',
    sources: [KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    for (const { assignment } of context.model.assignments) {
      const variable = ksmtunedVariable(assignment.name);
      const literal = assignment.value.literal;
      if (variable?.kind !== 'integer' || literal === undefined) continue;
      const zero = leadingZero(literal);
      // 07 is 7 either way: only a zero that changes the number, or breaks it, matters.
      if (!zero || zero.octalValue === Number(zero.decimal)) continue;
      const written = literal.trim();
      report({
        span: assignment.value.span,
        ...(zero.octalValue === undefined ? { severity: 'error' as const } : {}),
        message:
          zero.octalValue === undefined
            ? `bash arithmetic cannot read ${written}: the leading 0 makes it octal, which has no 8 or 9, so ksmtuned's computation with ${variable.name} fails. Write ${zero.decimal}.`
            : `bash arithmetic reads ${written} as the octal number ${zero.octalValue}, not ${zero.decimal}, while ksmtuned's integer tests read ${zero.decimal}. Write ${zero.decimal}.`,
        fixes: [replaceFix(`Write ${zero.decimal}`, assignment.value.span, zero.decimal, true)],
      });
    }
  },
};
