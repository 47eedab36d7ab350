import { KSM_MONITORING, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import { lastAssignment } from '../model';
import type { KsmtunedRule } from './context';

/**
 * VT214: LOGFILE set while DEBUG is not. ksmtuned writes to LOGFILE only its debug lines, which DEBUG
 * turns on; without DEBUG the log stays empty. Information: someone who set LOGFILE likely expects a log.
 */
export const logfileWithoutDebug: KsmtunedRule = {
  meta: {
    code: 'VT214',
    name: 'logfile-without-debug',
    title: 'LOGFILE is only written when DEBUG is set',
    severity: 'information',
    sources: [KSM_MONITORING, KSMTUNED_SCRIPT],
    fixable: false,
  },
  check(context, report) {
    const logfile = lastAssignment(context.model, 'LOGFILE');
    if (!logfile || logfile.assignment.value.literal === '') return;
    // DEBUG set to anything but nothing (a computed value included) turns the log on.
    const debug = lastAssignment(context.model, 'DEBUG');
    if (debug && debug.assignment.value.literal !== '') return;
    report({
      span: logfile.assignment.nameSpan,
      message: 'LOGFILE is only written when DEBUG is set, and DEBUG is not: this log stays empty. Add DEBUG=1 to log ksmtuned\'s decisions.',
    });
  },
};
