import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { applySafeFixes } from '../../../server/src/cli/safeFixes';
import { cmdlineFindings, DEFAULT_GRUB, GRUB_CFG } from '../cmdlineHelpers';
import { sourceLikeGrubMkconfig } from '../dropInShell';

const CODE = 'VT321';

/** What `shell` gives the variables after sourcing `text` under set -e, as grub-mkconfig sources /etc/default/grub; and its status. */
function sourced(shell: 'bash' | 'dash', text: string, variables: readonly string[]): { status: number | null; values: string[] } {
  const run = sourceLikeGrubMkconfig(shell, text, {}, variables);
  return { status: run.status, values: variables.map((variable) => run.values[variable]!) };
}

test("VT321: += appends in bash but stops dash's grub-mkconfig; the preferred fix reads the same in both shells", () => {
  const text = 'GRUB_CMDLINE_LINUX="quiet"\nGRUB_CMDLINE_LINUX+=" hugepages=16"\nGRUB_CMDLINE_LINUX_DEFAULT=rhgb\nGRUB_CMDLINE_LINUX_DEFAULT+=\' splash\'\nGRUB_CMDLINE_LINUX_DEFAULT+=x\nGRUB_TIMEOUT=5\n';
  const names = ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_TIMEOUT'];
  // bash 5 appends; dash 0.5.12 (Debian's /bin/sh) runs "GRUB_CMDLINE_LINUX+= hugepages=16" as a command: not found, 127.
  assert.deepEqual(sourced('bash', text, names), { status: 0, values: ['quiet hugepages=16', 'rhgb splashx', '5'] });
  assert.equal(sourced('dash', text, names).status, 127);

  const findings = cmdlineFindings(text, DEFAULT_GRUB, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['GRUB_CMDLINE_LINUX+=', 'warning'],
    ['GRUB_CMDLINE_LINUX_DEFAULT+=', 'warning'],
    ['GRUB_CMDLINE_LINUX_DEFAULT+=', 'warning'],
  ]);
  assert.match(findings[0]!.message, /dash on Debian and Ubuntu, which reads GRUB_CMDLINE_LINUX\+=" hugepages=16" as the name of a command/);
  assert.ok(findings.every((finding) => finding.fixes[0]?.isPreferred));
  assert.equal(applyFix(text, findings[0]!.fixes[0]!).split('\n')[1], 'GRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX} hugepages=16"');
  assert.equal(applyFix(text, findings[1]!.fixes[0]!).split('\n')[3], 'GRUB_CMDLINE_LINUX_DEFAULT="${GRUB_CMDLINE_LINUX_DEFAULT}"\' splash\'');
  assert.equal(applyFix(text, findings[2]!.fixes[0]!).split('\n')[4], 'GRUB_CMDLINE_LINUX_DEFAULT="${GRUB_CMDLINE_LINUX_DEFAULT}"x');

  // `virt-tune fix` applies them all; then dash and bash both read what bash read before, and nothing is left to say.
  const fixed = applySafeFixes('/etc/default/grub', 'cmdline', text).text;
  assert.deepEqual(sourced('dash', fixed, names), { status: 0, values: ['quiet hugepages=16', 'rhgb splashx', '5'] });
  assert.deepEqual(sourced('bash', fixed, names), { status: 0, values: ['quiet hugepages=16', 'rhgb splashx', '5'] });
  assert.deepEqual(cmdlineFindings(fixed, DEFAULT_GRUB, CODE), []);
  // The appended parameters still count as given (the fixed value refers to the variable: VT319 stays silent).
  assert.deepEqual(cmdlineFindings(fixed, DEFAULT_GRUB, 'VT319'), []);
});

test('VT321: any variable; an empty += ; no fix where the value goes to a command, and nothing outside /etc/default/grub', () => {
  const other = 'GRUB_TIMEOUT=5\nGRUB_TIMEOUT+=0\n';
  const [timeout] = cmdlineFindings(other, DEFAULT_GRUB, CODE);
  assert.equal(rangeText(other, timeout!), 'GRUB_TIMEOUT+=');
  const fixedTimeout = applyFix(other, timeout!.fixes[0]!);
  assert.deepEqual(sourced('dash', fixedTimeout, ['GRUB_TIMEOUT']), { status: 0, values: ['50'] });

  const empty = 'GRUB_CMDLINE_LINUX=quiet\nGRUB_CMDLINE_LINUX+=\n';
  const fixedEmpty = applyFix(empty, cmdlineFindings(empty, DEFAULT_GRUB, CODE)[0]!.fixes[0]!);
  assert.equal(fixedEmpty, 'GRUB_CMDLINE_LINUX=quiet\nGRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX}"\n');
  assert.deepEqual(sourced('dash', fixedEmpty, ['GRUB_CMDLINE_LINUX']), { status: 0, values: ['quiet'] });

  // bash gives the value to the command only: rewriting it would not make it an assignment of the file.
  const command = 'GRUB_CMDLINE_LINUX+=" x" true\n';
  const [withCommand] = cmdlineFindings(command, DEFAULT_GRUB, CODE);
  assert.ok(withCommand);
  assert.deepEqual(withCommand.fixes, []);

  assert.deepEqual(cmdlineFindings('menuentry x {\n  linux /vmlinuz ro quiet\n}\n', GRUB_CFG, CODE), []);
});
