import { GUIDE_IO_SCHEDULER, GUIDE_STATIC_HUGE_PAGES, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import { shellCommandEnd } from '../shellWords';
import type { CmdlineRule } from './context';

/**
 * VT307: a kernel line of grub.cfg or grub.conf broken over several lines. GRUB reads each further line
 * as a command of its own, fails on it, and none of what it holds reaches the kernel. The guide's own
 * grub2.cfg example (6.4.2) is broken this way. An error; the fix joins every continuation line of that kernel line at once.
 */
export const brokenKernelLine: CmdlineRule = {
  meta: {
    code: 'VT307',
    name: 'broken-kernel-line',
    title: 'A GRUB kernel line must not be broken over several lines',
    severity: 'error',
    sources: [GUIDE_IO_SCHEDULER, GUIDE_STATIC_HUGE_PAGES, KERNEL_PARAMETERS_INTRO],
    fixable: true,
  },
  check(context, report) {
    for (const line of context.lines) {
      // One use joins the whole kernel line: every line that goes on with it, not just this one.
      const joins = line.strayLines.map((stray) => ({ span: stray.gap, newText: ' ' }));
      const title = joins.length === 1 ? `Join this line to the ${line.holder} line` : `Join the ${joins.length} continuation lines to the ${line.holder} line`;
      // One fix shared by every finding of the kernel line (a copy each is quadratic in its lines).
      // A continuation line that leaves a quote open would, once joined, open a string GRUB carries over the
      // next newline and so change how it reads the lines after: no join is offered then.
      // (The locator of grub.cfg has read each line as a command already; GRUB legacy's lines are read here.)
      const joinable = line.strayLines.every((stray) => commandEndsWithLine(context.text, stray.span.end, stray.commandEnd ?? shellCommandEnd(context.text, stray.span.start)));
      const fixes = joinable ? [{ title, edits: joins, isPreferred: true }] : [];
      for (const stray of line.strayLines) {
        const text = context.text.slice(stray.span.start, stray.span.end);
        const first = /^\S+/.exec(text)![0];
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first);
        const reading = assignment && line.holder !== 'kernel' ? `it sets GRUB's own variable '${assignment[1]}'` : `'${first}' is no GRUB command`;
        report({
          span: stray.span,
          message:
            `This line goes on with the ${line.holder} line above, but GRUB reads it as a command of its own ` +
            `(${reading}): nothing on it reaches the kernel. Join it to the ${line.holder} line.`,
          fixes,
        });
      }
    }
  },
};

/** Whether a command read from a line ends by that line's newline (no quote left open carries it further). */
function commandEndsWithLine(text: string, lineEnd: number, commandEnd: number): boolean {
  const newline = text.indexOf('\n', lineEnd);
  return commandEnd <= (newline < 0 ? text.length : newline + 1);
}
