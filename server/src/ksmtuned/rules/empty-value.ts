import { KSMTUNED_SCRIPT, ksmtunedVariable } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';
import { replaceFix } from './edits';

/**
 * VT213: a numeric variable set to nothing. ksmtuned fills in its default for an empty value as for an
 * unset one, so the line does nothing; worth knowing (someone may expect "no limit"), not a mistake:
 * information.
 */
export const emptyValue: KsmtunedRule = {
  meta: {
    code: 'VT213',
    name: 'empty-value',
    title: 'An empty value means ksmtuned uses its default',
    severity: 'information',
    sources: [KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    for (const { assignment } of context.model.assignments) {
      const variable = ksmtunedVariable(assignment.name);
      const literal = assignment.value.literal;
      if (!variable?.emptyMeansDefault || variable.defaultValue === undefined || literal === undefined || literal.trim() !== '') continue;
      if (assignment.value.unclosed || assignment.spaceAfter) continue;
      // `NAME=(` with an operator or a quote left open inside: bash reads an array there and refuses it (VT201),
      // which the parser does not read as one; the value is not empty, and writing one before the ( moves the error.
      if (!assignment.array && context.text[assignment.value.span.end] === '(') continue;
      report({
        span: assignment.value.span.start === assignment.value.span.end ? assignment.nameSpan : assignment.value.span,
        message: `${variable.name} is empty, so ksmtuned uses its default, ${variable.defaultValue}.`,
        fixes: [replaceFix(`Write the default, ${variable.defaultValue}`, assignment.value.span, variable.defaultValue, false)],
      });
    }
  },
};
