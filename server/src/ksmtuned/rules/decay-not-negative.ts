import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';
import { integerSetting } from './values';

/**
 * VT206: KSM_NPAGES_DECAY that is not negative. ksmtuned adds it to npages in rounds where KSM runs but
 * free memory is above the threshold, to slow KSM down; a positive decay speeds KSM up while memory is
 * plentiful, almost surely a lost minus sign (a warning). Zero is reported as information (one finding,
 * a lighter severity, because 0 is a choice someone can make: npages then never comes down).
 */
export const decayNotNegative: KsmtunedRule = {
  meta: {
    code: 'VT206',
    name: 'decay-not-negative',
    title: 'KSM_NPAGES_DECAY must be negative to slow KSM down',
    severity: 'warning',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    for (const located of context.model.byName.get('KSM_NPAGES_DECAY') ?? []) {
      const setting = integerSetting(located);
      if (!setting || setting.value < 0) continue;
      const { span } = located.assignment.value;
      if (setting.value === 0) {
        report({
          span,
          severity: 'information',
          message: 'KSM_NPAGES_DECAY is 0: npages never comes down while KSM runs, so KSM keeps the scan rate it reached under memory pressure.',
        });
        continue;
      }
      report({
        span,
        message:
          `KSM_NPAGES_DECAY is added to npages in rounds where free memory is above the threshold: ${setting.value} makes KSM scan ` +
          `faster while memory is plentiful, up to KSM_NPAGES_MAX. Write it negative (ksmtuned's default is -50).`,
        fixes: [replaceFix(`Write -${setting.value}`, span, `-${setting.value}`, false)],
      });
    }
  },
};
