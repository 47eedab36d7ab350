import type { Span } from '../../core/span';
import { GRUB_MKCONFIG, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import { shellStatements } from '../defaultGrubShell';
import type { CmdlineRule } from './context';

const COMMAND_LINE_VARIABLES = new Set(['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_CMDLINE_XEN', 'GRUB_CMDLINE_XEN_DEFAULT']);

/**
 * VT314: a GRUB_CMDLINE_* value in quotes spread over several lines. bash keeps the line breaks in the
 * value, and grub-mkconfig copies it into the `linux` line of grub.cfg as it is: the line ends at the
 * first break and GRUB reads each further line as a command of its own, so nothing after the first line
 * reaches the kernel (VT307 in the generated file). An error on each further line; one fix joins them
 * all (a `\` at the end of a line inside double quotes would join them for bash too).
 */
export const multilineValue: CmdlineRule = {
  meta: {
    code: 'VT314',
    name: 'multiline-cmdline-value',
    title: 'A GRUB_CMDLINE value must be on one line',
    severity: 'error',
    sources: [GRUB_MKCONFIG, KERNEL_PARAMETERS_INTRO],
    fixable: true,
  },
  check(context, report) {
    if (context.document.shape !== 'default-grub') return;
    const { text } = context;
    for (const statement of shellStatements(text)) {
      for (const { name, word } of statement.assignments) {
        // An unclosed quote runs to the end of the file: VT312 says so, and the breaks are not the point.
        if (!COMMAND_LINE_VARIABLES.has(name) || word.unterminated) continue;
        const breaks: number[] = [];
        word.value.offsets.forEach((offset, index) => {
          if (index < word.value.text.length && word.value.text[index] === '\n' && text[offset] === '\n') breaks.push(offset);
        });
        if (breaks.length === 0) continue;
        const joins = breaks.map((offset) => ({ span: gapAround(text, offset), newText: ' ' }));
        const title = breaks.length === 1 ? `Join the value of ${name} into one line` : `Join the ${breaks.length + 1} lines of ${name} into one`;
        for (const join of joins) {
          const lineEnd = text.indexOf('\n', join.span.end);
          const onLine = word.value.offsets.filter(
            (offset, index) => index < word.value.text.length && offset >= join.span.end && (lineEnd < 0 || offset < lineEnd) && !/\s/.test(word.value.text[index]!),
          );
          const rest = { start: join.span.end, end: onLine.length > 0 ? Math.max(...onLine) + 1 : join.span.end };
          report({
            span: rest.end > rest.start ? rest : { start: join.span.start, end: join.span.end },
            message:
              `The value of ${name} goes on over a line break. bash keeps the break, grub-mkconfig copies it into grub.cfg's linux line, and GRUB then reads ` +
              'this line as a command of its own: nothing on it reaches the kernel. Put the whole value on one line.',
            fixes: [{ title, edits: joins, isPreferred: true }],
          });
        }
      }
    }
  },
};

/** The line break and the blanks on both sides of it (a carriage return included): what joining replaces by one space. */
function gapAround(text: string, newline: number): Span {
  let start = newline;
  while (start > 0 && /[ \t\r]/.test(text[start - 1]!)) start--;
  let end = newline + 1;
  while (end < text.length && /[ \t]/.test(text[end]!)) end++;
  return { start, end };
}
