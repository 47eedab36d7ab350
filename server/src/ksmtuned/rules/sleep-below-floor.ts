import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import { lastAssignment } from '../model';
import type { KsmtunedRule } from './context';
import { integerSetting } from './values';

/** The least pause ksmtuned writes to sleep_millisecs, whatever KSM_SLEEP_MSEC says. */
const FLOOR_MS = 10;

/**
 * VT216: KSM_SLEEP_MSEC below 10. ksmtuned scales it by 16 GiB over the host memory and writes at least
 * 10 ms, so a smaller value changes nothing on a host of 16 GiB or more, and 0 or less never does.
 * Worth knowing, not a mistake: a hint.
 */
export const sleepBelowFloor: KsmtunedRule = {
  meta: {
    code: 'VT216',
    name: 'sleep-below-floor',
    title: 'ksmtuned never writes a KSM pause below 10 ms',
    severity: 'hint',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: false,
  },
  check(context, report) {
    const last = lastAssignment(context.model, 'KSM_SLEEP_MSEC');
    const setting = last && integerSetting(last);
    if (!setting || setting.value >= FLOOR_MS) return;
    report({
      span: setting.located.assignment.value.span,
      message:
        setting.value <= 0
          ? `ksmtuned never writes less than ${FLOOR_MS} to sleep_millisecs: with ${setting.value}, KSM pauses ${FLOOR_MS} ms on every host.`
          : `ksmtuned never writes less than ${FLOOR_MS} to sleep_millisecs: on a host with 16 GiB or more, ${setting.value} gives ` +
            `${FLOOR_MS} ms like the default; it only shortens the pause on smaller hosts.`,
    });
  },
};
