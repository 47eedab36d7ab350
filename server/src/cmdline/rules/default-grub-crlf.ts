import { GRUB_MKCONFIG } from '../../kb/cmdline/sources';
import type { CmdlineRule } from './context';

/**
 * VT313: /etc/default/grub with Windows (CRLF) line endings. bash keeps each carriage return: every value
 * ends in one (`GRUB_TIMEOUT=5\r`, which GRUB then cannot read as a number), and a blank line runs a
 * command named $'\r', which stops grub-mkconfig. An error, once per file; the fix turns every CRLF into LF.
 */
export const defaultGrubCrlf: CmdlineRule = {
  meta: {
    code: 'VT313',
    name: 'default-grub-crlf',
    title: '/etc/default/grub must have Unix (LF) line endings',
    severity: 'error',
    sources: [GRUB_MKCONFIG],
    fixable: true,
  },
  check(context, report) {
    if (context.document.shape !== 'default-grub') return;
    const { text } = context;
    const breaks: { span: { start: number; end: number }; newText: string }[] = [];
    for (let offset = text.indexOf('\r\n'); offset >= 0; offset = text.indexOf('\r\n', offset + 2)) {
      breaks.push({ span: { start: offset, end: offset + 2 }, newText: '\n' });
    }
    if (breaks.length === 0) return;
    report({
      span: breaks[0]!.span,
      message:
        `This file has Windows (CRLF) line endings (${breaks.length === 1 ? 'this line' : `${breaks.length} lines`}): bash keeps each carriage return, so every value ` +
        "ends in one (GRUB_TIMEOUT=5\\r is no number to GRUB) and blank lines run a command named $'\\r', which stops grub-mkconfig. Save the file with LF line endings.",
      fixes: [{ title: 'Convert to LF line endings', edits: breaks, isPreferred: true }],
    });
  },
};
