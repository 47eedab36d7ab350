import type { FixSpec } from '../../core/types';
import { KSM_TUNING_SERVICE, KSMTUNED_SCRIPT, ksmtunedVariable, type KsmtunedVariable } from '../../kb/ksmtuned';
import { parseDuration, parseInteger } from '../values';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';

/**
 * VT204: a value that is not a number where ksmtuned needs one. The integers go into bash arithmetic
 * or `[ -lt ]` tests, KSM_MONITOR_INTERVAL into sleep(1); anything else makes the arithmetic fail, the
 * test fail or sleep return at once, so ksmtuned misbehaves: an error. An empty value (ksmtuned's
 * default then) and a value the shell computes (`$((...))`, `$NAME`) are not judged.
 */
export const notANumber: KsmtunedRule = {
  meta: {
    code: 'VT204',
    name: 'not-a-number',
    title: 'Numeric variables must hold a number ksmtuned can use',
    severity: 'error',
    sources: [KSM_TUNING_SERVICE, KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    for (const located of context.model.assignments) {
      const { assignment } = located;
      const variable = ksmtunedVariable(assignment.name);
      const literal = assignment.value.literal;
      if (!variable || literal === undefined || literal.trim() === '' || assignment.value.unclosed) continue;
      if (variable.kind === 'integer' && parseInteger(literal) === undefined) {
        report({
          span: assignment.value.span,
          message: `${variable.name} must be a whole number (${variable.unit}): ${quoted(literal)} is not one, and ${variable.whenInvalid}.`,
          fixes: unitFix(variable, literal, assignment.value.span),
        });
      } else if (variable.kind === 'duration' && parseDuration(literal) === undefined) {
        report({
          span: assignment.value.span,
          message:
            `${variable.name} must be a number of seconds that sleep accepts (60, 1.5, 2m): ${quoted(literal)} is not, and ${variable.whenInvalid}.`,
          fixes: unitFix(variable, literal, assignment.value.span),
        });
      }
    }
  },
};

function quoted(literal: string): string {
  return `"${literal}"`;
}

/** `10ms` for a value in milliseconds: the number alone means the same. */
function unitFix(variable: KsmtunedVariable, literal: string, span: { start: number; end: number }): FixSpec[] {
  // Trailing blanks are cut by hand: a lazy `.*?` before `[ \t]*$` backtracks quadratically on long runs of blanks.
  let end = literal.length;
  while (end > 0 && (literal[end - 1] === ' ' || literal[end - 1] === '\t')) end--;
  const match = /^[ \t]*([+-]?[0-9]+)[ \t]*([^0-9 \t].*)$/.exec(literal.slice(0, end));
  if (!match || !variable.unitSuffixes?.includes(match[2]!)) return [];
  return [replaceFix(`Write ${match[1]} (the unit is already ${variable.unit})`, span, match[1]!, true)];
}
