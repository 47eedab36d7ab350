import type { Span } from '../../core/span';
import type { MappedText } from '../mappedText';
import { GRUB_MKCONFIG, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import type { CmdlineRule } from './context';

/** The variables whose values become command lines, each with the message of a line its value goes on to: one string for every such finding. */
const MESSAGES = new Map(
  ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_CMDLINE_XEN', 'GRUB_CMDLINE_XEN_DEFAULT'].map((name) => [
    name,
    `The value of ${name} goes on over a line break. bash keeps the break, grub-mkconfig copies it into grub.cfg's linux line, and GRUB then reads ` +
      'this line as a command of its own: nothing on it reaches the kernel. Put the whole value on one line.',
  ]),
);

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
    for (const statement of context.document.statements) {
      for (const { name, word } of statement.assignments) {
        // An unclosed quote runs to the end of the file: VT312 says so, and the breaks are not the point.
        const message = MESSAGES.get(name);
        if (message === undefined || word.unterminated) continue;
        const breaks: number[] = [];
        word.value.offsets.forEach((offset, index) => {
          if (index < word.value.text.length && word.value.text[index] === '\n' && text[offset] === '\n') breaks.push(offset);
        });
        if (breaks.length === 0) continue;
        // Breaks with only blanks between them (`"a\n \nb"`) are one gap: their edits would overlap.
        const joins: { span: Span; newText: string }[] = [];
        for (const offset of breaks) {
          const span = gapAround(text, offset);
          const last = joins[joins.length - 1];
          if (last && span.start <= last.span.end) last.span = { start: last.span.start, end: Math.max(last.span.end, span.end) };
          else joins.push({ span, newText: ' ' });
        }
        const title = breaks.length === 1 ? `Join the value of ${name} into one line` : `Join the ${breaks.length + 1} lines of ${name} into one`;
        const lastOnLine = lastCharacterOnEachLine(text, word.value, joins);
        // One fix shared by every finding of the value: it joins all its lines whichever line it is asked on.
        const fix = { title, edits: joins, isPreferred: true };
        joins.forEach((join, line) => {
          const rest = { start: join.span.end, end: lastOnLine[line]! >= 0 ? lastOnLine[line]! + 1 : join.span.end };
          report({
            span: rest.end > rest.start ? rest : { start: join.span.start, end: join.span.end },
            message,
            fixes: [fix],
          });
        });
      }
    }
  },
};

/**
 * For each join, the file offset of the value's last non-blank character on the line the join starts
 * (-1 when it has none): one pass over the value, each character placed by a binary search of the joins,
 * so a value of thousands of lines is not scanned again for each.
 */
function lastCharacterOnEachLine(text: string, value: MappedText, joins: readonly { span: Span }[]): number[] {
  const lineEnds = joins.map((join) => text.indexOf('\n', join.span.end));
  const last = joins.map(() => -1);
  for (let index = 0; index < value.text.length; index++) {
    if (isBlank(value.text.charCodeAt(index))) continue;
    const offset = value.offsets[index]!;
    let low = 0;
    let high = joins.length - 1;
    let line = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (joins[middle]!.span.end <= offset) {
        line = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (line < 0 || (lineEnds[line]! >= 0 && offset >= lineEnds[line]!)) continue;
    if (offset > last[line]!) last[line] = offset;
  }
  return last;
}

/** The line break and the blanks on both sides of it (a carriage return included): what joining replaces by one space. */
function gapAround(text: string, newline: number): Span {
  let start = newline;
  while (start > 0 && /[ \t\r]/.test(text[start - 1]!)) start--;
  let end = newline + 1;
  while (end < text.length && /[ \t]/.test(text[end]!)) end++;
  return { start, end };
}

/** What /\s/ matches, without a regular expression call per character of a long value. */
function isBlank(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}
