import { KERNEL_KSM, KSM_TUNING_SERVICE, KSMTUNED_SCRIPT, ksmtunedVariable, type KsmtunedVariable } from '../../kb/ksmtuned';
import { parseDuration, parseInteger } from '../values';
import type { KsmtunedRule } from './context';

/**
 * VT208: a number outside the range where ksmtuned works: KSM_THRES_COEF outside 0..100 (a percentage of
 * the host memory), KSM_NPAGES_MIN or KSM_NPAGES_MAX below 0 (the kernel refuses a negative
 * pages_to_scan), KSM_MONITOR_INTERVAL of 0 (no pause between rounds). Each makes ksmtuned misbehave:
 * an error. The limits and what happens outside them live in the knowledge base.
 */
export const valueOutOfRange: KsmtunedRule = {
  meta: {
    code: 'VT208',
    name: 'value-out-of-range',
    title: 'Numbers must be within the range ksmtuned works with (KSM_THRES_COEF 0 to 100, ...)',
    severity: 'error',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT, KERNEL_KSM],
    fixable: false,
  },
  check(context, report) {
    for (const { assignment } of context.model.assignments) {
      const variable = ksmtunedVariable(assignment.name);
      const literal = assignment.value.literal;
      if (!variable?.limits || literal === undefined) continue;
      const value = variable.kind === 'duration' ? parseDuration(literal) : parseInteger(literal);
      if (value === undefined || within(value, variable.limits)) continue;
      report({
        span: assignment.value.span,
        message: `${variable.name} must be ${variable.range}: with ${literal.trim()}, ${variable.limits.outside}.`,
      });
    }
  },
};

function within(value: number, limits: NonNullable<KsmtunedVariable['limits']>): boolean {
  if (limits.min !== undefined && value < limits.min) return false;
  if (limits.max !== undefined && value > limits.max) return false;
  if (limits.above !== undefined && value <= limits.above) return false;
  return true;
}
