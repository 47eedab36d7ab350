import { BASH_SHELL_PARAMETERS, GRUB_MKCONFIG } from '../../kb/cmdline/sources';
import type { SpanEdit } from '../../core/types';
import { lineOf, neverReach, type CmdlineRule, type CmdlineRuleContext } from './context';

/**
 * VT319: an /etc/default/grub assignment of GRUB_CMDLINE_LINUX (or _DEFAULT) that a later one replaces.
 * grub-mkconfig sources the file with /bin/sh (bash, or dash on Debian and Ubuntu), which keeps the last value only, so the earlier parameters
 * never reach the kernel: the usual way a line added at the end for tuning (hugepages=) drops the
 * distribution's own (root=, rd.lvm.lv=, crashkernel=). A warning. The fix makes the later assignment
 * keep the earlier value (`"$GRUB_CMDLINE_LINUX ..."`); it changes what the kernel gets, so it is offered,
 * never applied by `virt-tune fix`. Silent in a file that runs any command, where an assignment may be
 * conditional (`if`, `&&`) or the command may set the variable.
 */
export const defaultGrubValueReplaced: CmdlineRule = {
  meta: {
    code: 'VT319',
    name: 'default-grub-value-replaced',
    title: 'A later assignment in /etc/default/grub replaces this command line',
    severity: 'warning',
    sources: [GRUB_MKCONFIG, BASH_SHELL_PARAMETERS],
    fixable: true,
  },
  check(context, report) {
    const { document } = context;
    if (document.shape !== 'default-grub' || document.statements.some((statement) => statement.command)) return;
    for (const line of context.lines) {
      const replacedBy = line.replacedBy;
      if (!line.shadowed || !replacedBy || line.params.length === 0) continue;
      const where = lineOf(context, replacedBy.nameSpan.start);
      report({
        span: line.holderSpan,
        message:
          `${line.holder} is set again on ${where}, which does not refer to $${line.holder}: grub-mkconfig sources this file with /bin/sh (bash or dash), which keeps the last value only, ` +
          `so ${neverReach(context, line)} the kernel. Move them into ${where}'s value, or start it with $${line.holder} to keep this one.`,
        fixes: [{ title: `Keep this value: start ${where}'s ${line.holder} with $${line.holder}`, edits: [keepEarlierValue(context, line.holder, replacedBy.valueSpan)] }],
      });
    }
  },
};

/** `"$NAME ` inserted at the start of a value: inside its double quotes, else as a double-quoted word of its own joined to it. */
function keepEarlierValue(context: CmdlineRuleContext, variable: string, valueSpan: { start: number; end: number }): SpanEdit {
  const before = context.text[valueSpan.start - 1];
  if (before === '"') return { span: { start: valueSpan.start, end: valueSpan.start }, newText: `$${variable} ` };
  // A single-quoted or bare value: bash joins "$NAME " to it, `'a b'` becoming "$NAME "'a b'.
  const at = before === "'" ? valueSpan.start - 1 : valueSpan.start;
  return { span: { start: at, end: at }, newText: `"$${variable} "` };
}
