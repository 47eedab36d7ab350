import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { applySafeFixes } from '../../../server/src/cli/safeFixes';
import { cmdlineDiagnostics } from '../../../server/src/cmdline/diagnostics';
import { cmdlineFindings, cmdlineTextDocument, commandLines, DEFAULT_GRUB } from '../cmdlineHelpers';
import { dropInsOf, sourceLikeGrubMkconfig } from '../dropInShell';

/** The value bash 5 gives a variable after sourcing the text, as grub-mkconfig does. */
function bashValue(text: string, variable: string): string {
  const run = sourceLikeGrubMkconfig('bash', text, {}, [variable]);
  assert.equal(run.status, 0, run.stderr);
  return run.values[variable]!;
}

test('VT319: a GRUB_CMDLINE_LINUX set again further down loses its parameters, as bash sources the file', () => {
  const text = 'GRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root crashkernel=auto rhgb quiet"\nGRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX="hugepages=512"\n';
  assert.equal(bashValue(text, 'GRUB_CMDLINE_LINUX'), 'hugepages=512');
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT319');
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [['GRUB_CMDLINE_LINUX', 'warning']]);
  assert.match(findings[0]!.message, /set again on line 3.*so rd\.lvm\.lv=rhel\/root crashkernel=auto rhgb quiet never reach the kernel/);
  // The fix keeps both, as bash reads the fixed file; it is no preferred fix, so `virt-tune fix` leaves the file alone.
  const fix = findings[0]!.fixes[0]!;
  assert.ok(!fix.isPreferred);
  const fixed = applyFix(text, fix);
  assert.equal(fixed.split('\n')[2], 'GRUB_CMDLINE_LINUX="$GRUB_CMDLINE_LINUX hugepages=512"');
  assert.equal(bashValue(fixed, 'GRUB_CMDLINE_LINUX'), 'rd.lvm.lv=rhel/root crashkernel=auto rhgb quiet hugepages=512');
  assert.deepEqual(cmdlineFindings(fixed, DEFAULT_GRUB, 'VT319'), []);
  assert.equal(applySafeFixes('/etc/default/grub', 'cmdline', text).text, text);
});

test('VT319: the fix keeps the meaning of single-quoted and bare values; each replaced assignment names the one that replaces it', () => {
  const text = "GRUB_CMDLINE_LINUX_DEFAULT=quiet\nGRUB_CMDLINE_LINUX_DEFAULT='splash  a=\"b c\"'\nGRUB_CMDLINE_LINUX_DEFAULT=iommu=pt\n";
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT319');
  assert.deepEqual(findings.map((finding) => finding.range.start.line), [0, 1]);
  assert.match(findings[0]!.message, /set again on line 2/);
  assert.match(findings[1]!.message, /set again on line 3/);
  const first = applyFix(text, findings[0]!.fixes[0]!);
  assert.equal(first.split('\n')[1], "GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT \"'splash  a=\"b c\"'");
  assert.equal(bashValue(first, 'GRUB_CMDLINE_LINUX_DEFAULT'), 'iommu=pt');
  const both = applyFix(first, cmdlineFindings(first, DEFAULT_GRUB, 'VT319')[0]!.fixes[0]!);
  assert.equal(both.split('\n')[2], 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT "iommu=pt');
  assert.equal(bashValue(both, 'GRUB_CMDLINE_LINUX_DEFAULT'), 'quiet splash  a="b c" iommu=pt');
  assert.deepEqual(cmdlineFindings(both, DEFAULT_GRUB, 'VT319'), []);
});

test('VT319 is silent where nothing is lost, or where a command may decide which assignment runs', () => {
  for (const text of [
    // An empty value replaced: nothing is lost (Debian's file has GRUB_CMDLINE_LINUX="").
    'GRUB_CMDLINE_LINUX=""\nGRUB_CMDLINE_LINUX="hugepages=512"\n',
    // Kept: += and $VAR in the later value.
    'GRUB_CMDLINE_LINUX="quiet"\nGRUB_CMDLINE_LINUX+=" hugepages=512"\n',
    'GRUB_CMDLINE_LINUX="quiet"\nGRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX} hugepages=512"\n',
    // Two variables, each once.
    'GRUB_CMDLINE_LINUX="quiet"\nGRUB_CMDLINE_LINUX_DEFAULT="hugepages=512"\n',
    // A command in the file: the second assignment may not run.
    'GRUB_CMDLINE_LINUX="quiet"\nif [ -e /etc/tuned ]; then\nGRUB_CMDLINE_LINUX="hugepages=512"\nfi\n',
    'GRUB_CMDLINE_LINUX="quiet"\n[ -e /etc/tuned ] && GRUB_CMDLINE_LINUX="hugepages=512"\n',
  ]) {
    assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, 'VT319').map((finding) => finding.message), [], text);
  }
});

test('VT319: a value refers to its variable only where sh expands it: not in single quotes nor after a backslash; ${NAME:-} does', () => {
  // grub-mkconfig sources the file with /bin/sh: dash on Debian and Ubuntu, bash elsewhere; both give each value below.
  const first = 'GRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root quiet"\n';
  const cases: [string, string, boolean][] = [
    ["GRUB_CMDLINE_LINUX='$GRUB_CMDLINE_LINUX hugepages=512'", '$GRUB_CMDLINE_LINUX hugepages=512', true],
    ['GRUB_CMDLINE_LINUX=\\$GRUB_CMDLINE_LINUX', '$GRUB_CMDLINE_LINUX', true],
    ['GRUB_CMDLINE_LINUX="\\$GRUB_CMDLINE_LINUX hugepages=512"', '$GRUB_CMDLINE_LINUX hugepages=512', true],
    ['GRUB_CMDLINE_LINUX="${#GRUB_CMDLINE_LINUX} hugepages=512"', '25 hugepages=512', true],
    ['GRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX:-} hugepages=512"', 'rd.lvm.lv=rhel/root quiet hugepages=512', false],
    ['GRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX} hugepages=512"', 'rd.lvm.lv=rhel/root quiet hugepages=512', false],
  ];
  for (const [second, value, replaced] of cases) {
    const text = `${first}${second}\n`;
    for (const shell of ['dash', 'bash'] as const) assert.equal(sourceLikeGrubMkconfig(shell, text, {}, ['GRUB_CMDLINE_LINUX']).values.GRUB_CMDLINE_LINUX, value, `${shell}: ${text}`);
    // Before, any $GRUB_CMDLINE_LINUX in the text counted (the first three were silent) and ${GRUB_CMDLINE_LINUX:-} did not (a false warning).
    const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT319');
    assert.deepEqual(
      findings.map((finding) => finding.range.start.line),
      replaced ? [0] : [],
      text,
    );
    // The kernel's line holds what the shell gives: the first line's parameters only when they are kept.
    const names = commandLines(text, DEFAULT_GRUB)[0]!.params.map((param) => param.name);
    assert.equal(names.includes('rd.lvm.lv'), !replaced, text);
  }
  // A drop-in is judged by the same reading (VT320): its single-quoted $GRUB_CMDLINE_LINUX replaces, its ${GRUB_CMDLINE_LINUX:-} keeps.
  for (const [dropIn, replaced] of [
    ["GRUB_CMDLINE_LINUX='$GRUB_CMDLINE_LINUX hugepages=512'\n", true],
    ['GRUB_CMDLINE_LINUX="${GRUB_CMDLINE_LINUX:-} hugepages=512"\n', false],
  ] as const) {
    const findings = cmdlineDiagnostics(cmdlineTextDocument(first, DEFAULT_GRUB), { grubDropIns: dropInsOf({ 'tuning.cfg': dropIn }) }).filter((finding) => finding.rule === 'VT320');
    assert.equal(findings.length, replaced ? 1 : 0, dropIn);
  }
});

test('VT319: $$NAME is the shell\'s process id and then the letters of NAME, no reference to it; $$$NAME is one', () => {
  const first = 'GRUB_CMDLINE_LINUX="rd.lvm.lv=rhel/root quiet"\n';
  for (const [second, value, replaced] of [
    ['GRUB_CMDLINE_LINUX="$$GRUB_CMDLINE_LINUX hugepages=512"', /^[0-9]+GRUB_CMDLINE_LINUX hugepages=512$/, true],
    ['GRUB_CMDLINE_LINUX="$$$GRUB_CMDLINE_LINUX hugepages=512"', /^[0-9]+rd\.lvm\.lv=rhel\/root quiet hugepages=512$/, false],
  ] as const) {
    const text = `${first}${second}\n`;
    for (const shell of ['dash', 'bash'] as const) assert.match(sourceLikeGrubMkconfig(shell, text, {}, ['GRUB_CMDLINE_LINUX']).values.GRUB_CMDLINE_LINUX!, value, `${shell}: ${text}`);
    // Before, $$GRUB_CMDLINE_LINUX counted as keeping the first value: no warning.
    assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, 'VT319').map((finding) => finding.range.start.line), replaced ? [0] : [], text);
  }
});
