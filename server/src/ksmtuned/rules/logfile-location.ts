import { KSM_MONITORING } from '../../kb/ksmtuned';
import { lastAssignment } from '../model';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';

const USUAL_LOG = '/var/log/ksmtuned';
/** SELinux's file contexts (the ksmtuned policy module) label `/var/log/ksmtuned.*` as ksmtuned's log: those paths need no change. */
const LABELLED_LOG = /^\/var\/log\/ksmtuned.*$/;

/**
 * VT215: LOGFILE somewhere else than /var/log/ksmtuned. The guide advises against moving the log: another
 * place may need SELinux changes before ksmtuned may write there. The policy already labels every path
 * that begins /var/log/ksmtuned (`ksmtuned.log`, `ksmtuned-debug`) as ksmtuned's log, so those are fine.
 * The guide's advice: a hint.
 */
export const logfileLocation: KsmtunedRule = {
  meta: {
    code: 'VT215',
    name: 'logfile-location',
    title: 'The guide advises keeping the log at /var/log/ksmtuned',
    severity: 'hint',
    sources: [KSM_MONITORING],
    fixable: true,
  },
  check(context, report) {
    const logfile = lastAssignment(context.model, 'LOGFILE');
    const literal = logfile?.assignment.value.literal;
    if (!logfile || literal === undefined || literal === '' || LABELLED_LOG.test(literal)) return;
    report({
      span: logfile.assignment.value.span,
      message: `The guide advises keeping ksmtuned's log at ${USUAL_LOG}: writing to ${literal} may need SELinux changes first.`,
      fixes: [replaceFix(`Write ${USUAL_LOG}`, logfile.assignment.value.span, USUAL_LOG, false)],
    });
  },
};
