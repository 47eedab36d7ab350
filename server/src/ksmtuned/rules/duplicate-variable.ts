import { KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';
import { commentOutLineFix, holdsOnly } from './edits';
import { lineLabel, writtenValue } from './values';

/**
 * VT209: a variable set more than once. bash keeps the last assignment, so the earlier ones do nothing;
 * reported on each earlier one, naming the line that wins. Different values: almost surely a mistake
 * (a warning). The same value: only redundant, so that finding is a hint, and commenting the line out
 * is then the preferred fix.
 */
export const duplicateVariable: KsmtunedRule = {
  meta: {
    code: 'VT209',
    name: 'duplicate-variable',
    title: 'Each variable should be set once: the last assignment wins',
    severity: 'warning',
    sources: [KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const { text } = context;
    for (const [name, all] of context.model.byName) {
      if (all.length < 2) continue;
      const last = all[all.length - 1]!;
      const lastValue = writtenValue(text, last);
      const lastLine = lineLabel(last);
      // A name set again and again mostly repeats a few values: each value's message is made once.
      const messages = new Map<string, string>();
      for (let index = 0; index < all.length - 1; index++) {
        const earlier = all[index]!;
        const value = writtenValue(text, earlier);
        const same = value === lastValue;
        let message = messages.get(value);
        if (message === undefined) {
          message = same
            ? `${name} is set again on ${lastLine} to the same value: this line has no effect.`
            : `${name} is set again on ${lastLine} (to ${lastValue || 'nothing'}): bash keeps the last assignment, so this one (${value || 'nothing'}) has no effect.`;
          messages.set(value, message);
        }
        const canComment = holdsOnly(earlier.line, earlier.assignment.span);
        const span = earlier.assignment.nameSpan;
        const fixes = canComment ? [commentOutLineFix(earlier.line, 'Comment out this assignment', same)] : [];
        report(same ? { span, severity: 'hint', message, fixes } : { span, message, fixes });
      }
    }
  },
};
