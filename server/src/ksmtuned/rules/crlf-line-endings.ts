import { KSMTUNED_SCRIPT } from '../../kb/ksmtuned';
import type { KsmtunedRule } from './context';

/**
 * VT217: Windows (CRLF) line endings. bash keeps each carriage return as part of the line, so every
 * value ends in one (no number survives) and every blank line runs a command named $'\r': ksmtuned
 * misbehaves, an error. Reported once, on the first; the fix removes every carriage return before a
 * line break (the edit replaces the CRLF with LF: editors cannot place a position between the two), and nothing else.
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
    const { text } = context;
    // An editor has no position between \r and \n: the edits replace the whole line break.
    const breaks = context.conf.lines.flatMap((line) => {
      if (!line.carriageReturn) return [];
      const withNewline = text[line.carriageReturn.end] === '\n';
      return [{ span: { start: line.carriageReturn.start, end: line.carriageReturn.end + (withNewline ? 1 : 0) }, newText: withNewline ? '\n' : '' }];
    });
    if (breaks.length === 0) return;
    report({
      span: breaks[0]!.span,
      message:
        `This file has Windows (CRLF) line endings (${breaks.length === 1 ? 'this line' : `${breaks.length} lines`}): bash keeps each carriage return, so ` +
        "values end in one (1250\\r is not a number) and blank lines run a command named $'\\r'. Save the file with Unix (LF) line endings.",
      fixes: [{ title: 'Convert to LF line endings', edits: breaks, isPreferred: true }],
    });
  },
};
