import { KSM_MONITORING, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import { lastAssignment } from '../model';
import type { KsmtunedRule } from './context';
import { commentOutLineFix, holdsOnly } from './edits';

const MEANT_OFF = /^(0|n|no|false|off|disable|disabled)$/i;

/**
 * VT212: DEBUG=0 (or no, false, off). ksmtuned only asks whether DEBUG is empty, so these turn debug
 * logging on: the opposite of what they say, almost surely a mistake (a warning). Commenting the line
 * out turns debugging off, as meant, so that fix is preferred.
 */
export const debugOffValue: KsmtunedRule = {
  meta: {
    code: 'VT212',
    name: 'debug-off-value',
    title: 'DEBUG=0 turns debugging on: any value that is not empty does',
    severity: 'warning',
    sources: [KSM_MONITORING, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const last = lastAssignment(context.model, 'DEBUG');
    const literal = last?.assignment.value.literal;
    if (!last || literal === undefined || !MEANT_OFF.test(literal.trim())) return;
    report({
      span: last.assignment.value.span,
      message:
        `DEBUG=${literal.trim()} turns debug logging on: ksmtuned only checks that DEBUG is not empty. Leave DEBUG unset (or empty) ` +
        'to turn it off.',
      fixes: holdsOnly(last.line, last.assignment.span) ? [commentOutLineFix(last.line, 'Comment out the line (debugging off)', true)] : [],
    });
  },
};
