import type { FixSpec } from '../../core/types';
import { BASH_SHELL_PARAMETERS, GRUB_MKCONFIG, POSIX_SHELL_ASSIGNMENT } from '../../kb/cmdline/sources';
import type { ShellStatement } from '../defaultGrubShell';
import type { CmdlineRule } from './context';

/**
 * VT321: `NAME+=value` in /etc/default/grub or a drop-in. grub-mkconfig is a `#! /bin/sh` script run under
 * `set -e` that sources the file (GRUB's util/grub-mkconfig.in). Where /bin/sh is bash (RHEL, Fedora) `+=`
 * appends; where it is dash (Debian, Ubuntu) the word is no assignment but the name of a command, which is
 * not found (status 127), and grub-mkconfig stops before it writes grub.cfg. A warning, as which shell runs
 * it is not in the file; the preferred fix writes `NAME="${NAME}"value`, which both shells read as bash
 * reads the `+=`.
 */
export const defaultGrubAppendOperator: CmdlineRule = {
  meta: {
    code: 'VT321',
    name: 'default-grub-append-operator',
    title: "/etc/default/grub should not use bash's += : Debian's and Ubuntu's grub-mkconfig runs it with dash",
    severity: 'warning',
    sources: [GRUB_MKCONFIG, POSIX_SHELL_ASSIGNMENT, BASH_SHELL_PARAMETERS],
    fixable: true,
  },
  check(context, report) {
    if (context.document.shape !== 'default-grub') return;
    const { text } = context;
    for (const statement of context.document.statements) {
      for (const assignment of statement.assignments) {
        if (!assignment.append) continue;
        const { name, word } = assignment;
        const operator = word.span.start + name.length;
        const value = text.slice(operator + 2, word.span.end);
        report({
          span: { start: word.span.start, end: operator + 2 },
          message:
            `+= is bash's, and grub-mkconfig sources this file with /bin/sh under set -e: bash on RHEL and Fedora, where it appends, but dash on Debian and Ubuntu, ` +
            `which reads ${name}+=${value.length > 40 ? '...' : value} as the name of a command, does not find it, and stops update-grub before it writes grub.cfg. ` +
            `Write ${name}="\${${name}}"... instead: every shell reads that the same.`,
          fixes: word.unterminated ? [] : appendFix(statement, name, operator, value),
        });
      }
    }
  },
};

/**
 * `NAME+=VALUE` as `NAME="${NAME}"VALUE` (`NAME="${NAME}...` inside a double-quoted value): what bash
 * appends, written in the shell grammar dash also reads. The braces keep a name from running into the
 * text after it. Not for an array (`+=(...)`), nor where the statement is not a plain assignment (the
 * value is then given to a command), nor for a value whose quote is never closed (VT312's error comes first).
 */
function appendFix(statement: ShellStatement, name: string, operator: number, value: string): FixSpec[] {
  if (statement.command || value.startsWith('(')) return [];
  const keep = `\${${name}}`;
  // In a double-quoted value its opening quote is taken into the edit: `+="` becomes `="${NAME}`.
  const quoted = value.startsWith('"');
  const replaced = { start: operator, end: operator + (quoted ? 3 : 2) };
  const newText = quoted ? `="${keep}` : `="${keep}"`;
  return [{ title: `Write ${name}="${keep}..." (sh reads it as bash reads +=)`, edits: [{ span: replaced, newText }], isPreferred: true }];
}
