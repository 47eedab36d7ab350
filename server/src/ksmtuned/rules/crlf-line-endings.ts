import { KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';

/**
 * VT217: Windows (CRLF) line endings. bash keeps each carriage return as part of the line, so every
 * value ends in one (no number survives) and every blank line runs a command named $'\r': ksmtuned
 * misbehaves, an error. Reported once, on the first; the fix removes every carriage return before a
 * line break, and nothing else.
 */
export const crlfLineEndings: KsmtunedRule = {
  meta: {
    code: 'VT217',
    name: 'crlf-line-endings',
    title: 'The file must have Unix (LF) line endings',
    severity: 'error',
    sources: [KSMTUNED_SCRIPT],
    fixable: true,
  },
  check(context, report) {
    const returns = context.conf.lines.flatMap((line) => (line.carriageReturn ? [line.carriageReturn] : []));
    if (returns.length === 0) return;
    report({
      span: returns[0]!,
      message:
        `This file has Windows (CRLF) line endings (${returns.length === 1 ? 'this line' : `${returns.length} lines`}): bash keeps each carriage return, so ` +
        "values end in one (1250\\r is not a number) and blank lines run a command named $'\\r'. Save the file with Unix (LF) line endings.",
      fixes: [{ title: 'Convert to LF line endings', edits: returns.map((span) => ({ span, newText: '' })), isPreferred: true }],
    });
  },
};
