import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { applySafeFixes } from '../../../server/src/cli/safeFixes';
import { cmdlineFindings, commandLines, defaultGrub, DEFAULT_GRUB, GRUB_CFG } from '../cmdlineHelpers';

// VT312 default-grub-unsourceable, VT313 default-grub-crlf, VT314 multiline-cmdline-value.

test('VT312: a doubled quote leaves a word bash runs as a command: an error on that word, and the value is not taken', () => {
  const text = 'GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX=""quiet splash""\n';
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT312');
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [['splash""', 'error']]);
  assert.match(findings[0]!.message, /runs 'splash""' as a command .*grub-mkconfig, which runs under set -e, stops/);
  assert.deepEqual(commandLines(text, DEFAULT_GRUB), []);
});

test('VT312: a quote never closed is an error at that quote', () => {
  const text = 'GRUB_CMDLINE_LINUX="quiet splash""\nGRUB_TIMEOUT=5\n';
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT312');
  assert.deepEqual(findings.map((finding) => [finding.range.start, rangeText(text, finding)]), [[{ line: 0, character: 33 }, '"']]);
  assert.match(findings[0]!.message, /never closed.*'unexpected EOF'/);
});

test('VT312: behind a quote never closed no word is judged: bash fails, so grub-mkconfig writes no command line (fuzz seed 5151, case 1915)', () => {
  // bash 5 sourcing this: "unexpected EOF while looking for matching", exit 2, GRUB_CMDLINE_LINUX never set.
  const text = 'GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX="quiet hugepagesz=1G hugepages=4 foo_bar=1\nGRUB_DEFAULT=0\n';
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB).map((finding) => finding.rule), ['VT312']);
  // Closed, the same words are judged again (foo_bar is no known parameter).
  assert.ok(cmdlineFindings(text.replace('foo_bar=1', 'foo_bar=1"'), DEFAULT_GRUB).some((finding) => finding.rule === 'VT308'));
});

test('VT312: what bash takes is clean: quotes of both kinds, escapes, continuations, export, +=, $VAR, if blocks', () => {
  const text = [
    'GRUB_DEFAULT=saved',
    "export GRUB_CMDLINE_LINUX='rd.lvm.lv=vg/root quiet'",
    'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT \\"x\\" \\',
    '  intel_iommu=on"',
    'GRUB_CMDLINE_LINUX_DEFAULT+=" iommu=pt"',
    'if [ -x /usr/bin/foo ]; then',
    '  GRUB_TIMEOUT=1',
    'fi',
    '',
  ].join('\n');
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB).filter((finding) => ['VT312', 'VT313', 'VT314'].includes(finding.rule)), []);
  const names = commandLines(text, DEFAULT_GRUB)[0]!.params.map((param) => param.name);
  assert.deepEqual(names, ['rd.lvm.lv', 'quiet', '$GRUB_CMDLINE_LINUX_DEFAULT', 'x', 'intel_iommu', 'iommu']);
});

test('VT313: CRLF endings are one error with a fix that changes nothing else; VT312 is only for /etc/default/grub', () => {
  const text = 'GRUB_TIMEOUT=5\r\nGRUB_CMDLINE_LINUX="quiet"\r\n\r\n';
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT313');
  assert.equal(findings.length, 1);
  assert.match(findings[0]!.message, /\(3 lines\)/);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX="quiet"\n\n');
  assert.deepEqual(cmdlineFindings('linux /vmlinuz ro\r\n', GRUB_CFG, 'VT313'), []);
  assert.deepEqual(cmdlineFindings(defaultGrub('quiet'), DEFAULT_GRUB, 'VT313'), []);
});

test('VT314: a value spread over lines is an error on each further line; one fix joins them all', () => {
  const text = 'GRUB_CMDLINE_LINUX_DEFAULT="intel_iommu=on\n   iommu=pt  \n   hugepages=4"\nGRUB_TIMEOUT=5\n';
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT314');
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['iommu=pt', 'hugepages=4']);
  const joined = 'GRUB_CMDLINE_LINUX_DEFAULT="intel_iommu=on iommu=pt hugepages=4"\nGRUB_TIMEOUT=5\n';
  assert.equal(findings[0]!.fixes[0]!.title, 'Join the 3 lines of GRUB_CMDLINE_LINUX_DEFAULT into one');
  assert.equal(applyFix(text, findings[1]!.fixes[0]!), joined);
  assert.equal(applySafeFixes(DEFAULT_GRUB, 'cmdline', text).text, joined);
  // A backslash before the line break joins the lines for bash: no finding.
  assert.deepEqual(cmdlineFindings('GRUB_CMDLINE_LINUX="quiet \\\n  splash"\n', DEFAULT_GRUB, 'VT314'), []);
});

test('VT314: breaks with only blanks between them are joined by one edit (they overlapped: fuzz seed 1603)', () => {
  const text = 'GRUB_CMDLINE_LINUX_DEFAULT="quiet\n  \n splash\nnosmt"\n';
  const findings = cmdlineFindings(text, DEFAULT_GRUB, 'VT314');
  assert.ok(findings.length > 0);
  const edits = findings[0]!.fixes[0]!.edits;
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!.range.end;
    const next = sorted[i]!.range.start;
    assert.ok(previous.line < next.line || (previous.line === next.line && previous.character <= next.character), JSON.stringify(sorted));
  }
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'GRUB_CMDLINE_LINUX_DEFAULT="quiet splash nosmt"\n');
});
