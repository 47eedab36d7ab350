import type { FixSpec } from '../../core/types';
import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import { effectiveInteger, type EffectiveInteger } from '../model';
import type { KsmtunedRule } from './context';

/**
 * VT205: KSM_NPAGES_MIN above KSM_NPAGES_MAX (either as set, or against ksmtuned's default for the other).
 * ksmtuned raises npages to the minimum when it is below it, else cuts it to the maximum when it is
 * above, so with the bounds crossed pages_to_scan jumps between them: ksmtuned misbehaves, an error.
 * Swapping the two is offered when both are set in the file; which one is wrong is the user's call.
 */
export const npagesMinAboveMax: KsmtunedRule = {
  meta: {
    code: 'VT205',
    name: 'npages-min-above-max',
    title: 'KSM_NPAGES_MIN must not be above KSM_NPAGES_MAX',
    severity: 'error',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const { model, text } = context;
    const min = effectiveInteger(model, 'KSM_NPAGES_MIN');
    const max = effectiveInteger(model, 'KSM_NPAGES_MAX');
    if (!min || !max || min.value <= max.value) return;
    const at = min.from ?? max.from;
    if (!at) return;
    const fixes: FixSpec[] = [];
    if (min.from && max.from) {
      const minSpan = min.from.assignment.value.span;
      const maxSpan = max.from.assignment.value.span;
      fixes.push({
        title: 'Swap the values of KSM_NPAGES_MIN and KSM_NPAGES_MAX',
        edits: [
          { span: minSpan, newText: text.slice(maxSpan.start, maxSpan.end) },
          { span: maxSpan, newText: text.slice(minSpan.start, minSpan.end) },
        ],
      });
    }
    report({
      span: at.assignment.value.span,
      message:
        `KSM_NPAGES_MIN (${describe(min)}) is above KSM_NPAGES_MAX (${describe(max)}): ksmtuned lifts npages to the minimum ` +
        `whenever it is below it and cuts it to the maximum whenever it is above, so pages_to_scan jumps between ${min.value} ` +
        `and ${max.value} instead of staying within a range.`,
      fixes,
    });
  },
};

function describe(setting: EffectiveInteger): string {
  return setting.from ? `${setting.value}` : `${setting.value}, ksmtuned's default`;
}
