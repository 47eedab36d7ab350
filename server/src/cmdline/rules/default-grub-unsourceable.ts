import { GRUB_MKCONFIG } from '../../kb/cmdline/sources';
import type { CmdlineRule } from './context';

/**
 * VT312: /etc/default/grub as the shell cannot take it (/bin/sh: bash, or dash on Debian and Ubuntu; both fail alike). grub-mkconfig (update-grub, grub2-mkconfig) runs
 * under `set -e` and sources the file: a quote never closed (often a doubled one, `""quiet""`) makes bash
 * stop at the end of the file, and a word left after an assignment (`GRUB_CMDLINE_LINUX=quiet splash`)
 * is run as a command, which is not found. Either way grub-mkconfig fails and writes no new grub.cfg:
 * an error, at the place where bash breaks.
 */
const QUOTE_NAMES: Record<string, string> = { '"': 'double quote', "'": 'single quote', '`': 'backquote' };

export const defaultGrubUnsourceable: CmdlineRule = {
  meta: {
    code: 'VT312',
    name: 'default-grub-unsourceable',
    title: '/etc/default/grub must be a file the shell can source',
    severity: 'error',
    sources: [GRUB_MKCONFIG],
    fixable: false,
  },
  check(context, report) {
    if (context.document.shape !== 'default-grub') return;
    const { text } = context;
    for (const quote of context.document.unclosedQuotes) {
      report({
        span: quote,
        message:
          `This ${QUOTE_NAMES[text[quote.start]!] ?? 'quote'} is never closed: the shell reads to the end of the file looking for its pair and fails ` +
          "('unexpected EOF'), so grub-mkconfig stops and no new grub.cfg is written. A doubled quote (\"\"...\"\") is the usual cause: quote the whole value once.",
      });
    }
    for (const statement of context.document.statements) {
      const command = statement.command;
      if (!command || statement.assignments.length === 0 || command.unterminated) continue;
      const assigned = statement.assignments[statement.assignments.length - 1]!.name;
      const word = text.slice(command.span.start, command.span.end);
      report({
        span: command.span,
        message:
          `The shell ends the value of ${assigned} at the blank before this word and runs '${word}' as a command (with ${assigned} set for that command only): ` +
          `'command not found', and grub-mkconfig, which runs under set -e, stops. Quote the whole value: ${assigned}="... ${word} ...".`,
      });
    }
  },
};
