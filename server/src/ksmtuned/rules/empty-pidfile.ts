import { KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import { lastAssignment } from '../model';
import type { KsmtunedRule } from './context';
import { commentOutLineFix, holdsOnly } from './edits';

/**
 * VT211: PIDFILE set to nothing. Unlike the other variables, ksmtuned keeps an empty PIDFILE (it fills in
 * its default only when PIDFILE is unset), then cannot create the file and never starts its loop: an
 * error. Commenting the line out brings the default back, so that fix is preferred.
 */
export const emptyPidfile: KsmtunedRule = {
  meta: {
    code: 'VT211',
    name: 'empty-pidfile',
    title: 'PIDFILE must not be empty: ksmtuned then never starts its loop',
    severity: 'error',
    sources: [KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const last = lastAssignment(context.model, 'PIDFILE');
    if (!last || last.assignment.value.literal !== '') return;
    report({
      span: last.assignment.nameSpan,
      message:
        'PIDFILE is empty: ksmtuned keeps the empty value (it uses /var/run/ksmtune.pid only when PIDFILE is unset), cannot ' +
        'create the file and never starts its tuning loop. Remove the line, or name a file.',
      fixes: holdsOnly(last.line, last.assignment.span) ? [commentOutLineFix(last.line, 'Comment out the line (use the default)', true)] : [],
    });
  },
};
