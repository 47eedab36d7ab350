import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import { effectiveInteger } from '../model';
import type { KsmtunedRule } from './context';

/**
 * VT220: a threshold that keeps KSM running and boosting for ever. ksmtuned sets
 * thres = total × KSM_THRES_COEF / 100 (at least KSM_THRES_CONST), stops KSM only when
 * committed + thres < total and free > thres, and boosts whenever free < thres. With
 * KSM_THRES_COEF=100 the threshold is the whole memory: neither stop condition can hold, and free memory
 * is always below it, so every round boosts npages up to KSM_NPAGES_MAX. A warning, with the arithmetic.
 */
export const ksmNeverStops: KsmtunedRule = {
  meta: {
    code: 'VT220',
    name: 'ksm-never-stops',
    title: 'The threshold must leave ksmtuned a way to stop KSM',
    severity: 'warning',
    sources: [KSMTUNED_SCRIPT, KSM_TUNING_SERVICE],
    fixable: false,
  },
  check(context, report) {
    const coef = effectiveInteger(context.model, 'KSM_THRES_COEF');
    if (!coef?.from || coef.value !== 100) return;
    report({
      span: coef.from.assignment.value.span,
      message:
        'With KSM_THRES_COEF=100, ksmtuned computes thres = total × 100 / 100 = total. It stops KSM only when committed + thres < total ' +
        '(committed + total < total: never) and free > thres (free > total: never), and it boosts whenever free < thres, which is always: ' +
        'KSM runs at KSM_NPAGES_MAX for ever. The default is 20.',
    });
  },
};
