import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';

/**
 * VT202: `NAME = value`, `NAME =value` or `NAME= value`. bash only reads NAME=value written as one word
 * as an assignment; with a space it runs a command instead and the variable is never set: an error.
 * The fix removes the blanks around `=` and touches nothing else.
 */
export const spacesAroundEquals: KsmtunedRule = {
  meta: {
    code: 'VT202',
    name: 'spaces-around-equals',
    title: 'No spaces around = in NAME=value: bash reads it as a command',
    severity: 'error',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const { text } = context;
    for (const { assignment } of context.model.assignments) {
      const { spaceBefore, spaceAfter, equalsSpan, name } = assignment;
      if (!spaceBefore && !spaceAfter) continue;
      const span = { start: spaceBefore?.start ?? equalsSpan.start, end: spaceAfter?.end ?? equalsSpan.end };
      const value = text.slice(assignment.value.span.start, assignment.value.span.end);
      const written = text.slice(assignment.nameSpan.start, assignment.value.span.end);
      const reading = spaceBefore
        ? `bash reads "${written}" as a command named ${name}, with what follows as its arguments`
        : `bash reads "${written}" as ${name} set to nothing for the command "${value}", which it runs`;
      report({
        span,
        message: `${reading}: the command fails and ${name} is never set. Write ${name}=${value} with no spaces around =.`,
        fixes: [{ title: 'Remove the spaces around =', edits: [{ span, newText: '=' }], isPreferred: true }],
      });
    }
  },
};
