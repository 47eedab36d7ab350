import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';
import { integerSetting } from './values';

/**
 * VT207: KSM_NPAGES_BOOST that is not positive. ksmtuned adds it to npages in rounds where free memory is
 * below the threshold, to make KSM work harder; a negative boost slows KSM down exactly when memory is
 * short, almost surely a mistake (a warning). Zero is information: KSM then never speeds up.
 */
export const boostNotPositive: KsmtunedRule = {
  meta: {
    code: 'VT207',
    name: 'boost-not-positive',
    title: 'KSM_NPAGES_BOOST must be positive to speed KSM up',
    severity: 'warning',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    for (const located of context.model.byName.get('KSM_NPAGES_BOOST') ?? []) {
      const setting = integerSetting(located);
      if (!setting || setting.value > 0) continue;
      const { span } = located.assignment.value;
      if (setting.value === 0) {
        report({
          span,
          severity: 'information',
          message: 'KSM_NPAGES_BOOST is 0: npages never grows when memory is short, so KSM does not speed up when it is most needed.',
        });
        continue;
      }
      report({
        span,
        message:
          `KSM_NPAGES_BOOST is added to npages in rounds where free memory is below the threshold: ${setting.value} makes KSM scan ` +
          `slower exactly when memory is short. Write it positive (ksmtuned's default is 300).`,
        fixes: [replaceFix(`Write ${-setting.value}`, span, `${-setting.value}`, false)],
      });
    }
  },
};
