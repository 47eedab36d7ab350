import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { applySafeFixes } from '../../../server/src/cli/safeFixes';
import { cmdlineFindings, GRUB_CFG, GRUB_CONF } from '../cmdlineHelpers';

const CODE = 'VT307';
const GUIDE = '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro\nrd.lvm.lv=vg0/lv0 vconsole.keymap=us vconsole.font=latarcyrheb-sun16 rhgb\nquiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n';
const JOINED = '# vi /etc/grub2.cfg\n\nlinux16 /vmlinuz-kernel-version root=/dev/mapper/vg0-lv0 ro rd.lvm.lv=vg0/lv0 vconsole.keymap=us vconsole.font=latarcyrheb-sun16 rhgb quiet elevator=deadline\ninitrd16 /initramfs-kernel-version.img\n';

test("VT307: the guide's grub2.cfg (6.4.2) is flagged on each line the kernel line spills onto", () => {
  const findings = cmdlineFindings(GUIDE, '/etc/grub2.cfg', CODE);
  assert.deepEqual(findings.map((finding) => rangeText(GUIDE, finding)), ['rd.lvm.lv=vg0/lv0 vconsole.keymap=us vconsole.font=latarcyrheb-sun16 rhgb', 'quiet elevator=deadline']);
  assert.deepEqual(findings.map((finding) => finding.range.start.line), [3, 4]);
  assert.ok(findings.every((finding) => finding.severity === 'error'));
  assert.match(findings[1]!.message, /GRUB reads it as a command of its own \('quiet' is no GRUB command\): nothing on it reaches the kernel\. Join it to the linux16 line\./);
  // One use of the fix, from either line, joins the whole kernel line (issue 11: it took two uses before).
  for (const finding of findings) {
    assert.equal(finding.fixes[0]!.title, 'Join the 2 continuation lines to the linux16 line');
    assert.equal(applyFix(GUIDE, finding.fixes[0]!), JOINED);
  }
});

test('VT307: the safe fixes join the whole line, and nothing stray is left', () => {
  const outcome = applySafeFixes('/etc/grub2.cfg', 'cmdline', GUIDE);
  assert.equal(outcome.text, JOINED);
  assert.deepEqual(outcome.remaining.filter((finding) => finding.rule === CODE), []);
});

test('VT307: a GRUB variable set on the next line is called that; GRUB legacy lines too', () => {
  const text = 'linux /vmlinuz-6.8.0 ro\n  root=/dev/sda1\n';
  const [finding] = cmdlineFindings(text, GRUB_CFG, CODE);
  assert.equal(rangeText(text, finding!), 'root=/dev/sda1');
  assert.match(finding!.message, /it sets GRUB's own variable 'root'/);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'linux /vmlinuz-6.8.0 ro root=/dev/sda1\n');
  const legacy = 'title x\nkernel /vmlinuz-2.6.32 ro\nquiet\ninitrd /initrd.img\n';
  assert.deepEqual(cmdlineFindings(legacy, GRUB_CONF, CODE).map((found) => rangeText(legacy, found)), ['quiet']);
});

test('VT307: GRUB commands, blank lines and backslash continuations are no broken line', () => {
  const text = "menuentry 'x' {\n\tlinux /vmlinuz-6.8.0 ro \\\n\t\tquiet\n\tinitrd /initramfs.img\n}\nlinux /vmlinuz-6.8.0 ro\n\nquiet\n";
  assert.deepEqual(cmdlineFindings(text, GRUB_CFG, CODE), []);
});

test('VT307: no join is offered when a continuation line leaves a quote open (GRUB would carry the string over the next newline)', () => {
  // The fuzzer's case (seed 21): joining `'` to `linux ` made GRUB read the next lines differently.
  const text = "linux /vmlinuz ro\n'\nlinux /vmlinuz '\ni\nq";
  const findings = cmdlineFindings(text, GRUB_CFG, CODE);
  assert.equal(findings.length, 1);
  assert.equal(rangeText(text, findings[0]!), "'");
  assert.deepEqual(findings[0]!.fixes, []);
  // A closed quote on the continuation line is joined as before.
  const closed = "linux /vmlinuz ro\n'quiet'\n";
  assert.equal(applyFix(closed, cmdlineFindings(closed, GRUB_CFG, CODE)[0]!.fixes[0]!), "linux /vmlinuz ro 'quiet'\n");
});

test("VT307: a stray line's words get no finding of their own, since GRUB never passes them to the kernel", () => {
  // The fuzzer's seed 5151: a BLS entry's keys pasted into grub.cfg. GRUB runs each `options` line as a
  // command it cannot find; VT307 says so, and nothing else is said of its words (each got VT308 and VT305).
  const text = 'title Fedora\nversion 6.8.5\nlinux /vmlinuz-6.8.5\n' + 'options root=UUID=1234 ro intel_z-6.8.5\n'.repeat(3);
  const findings = cmdlineFindings(text, GRUB_CFG);
  assert.deepEqual(findings.map((finding) => [finding.rule, finding.range.start.line]), [['VT307', 3], ['VT307', 4], ['VT307', 5]]);
  assert.match(findings[0]!.message, /'options' is no GRUB command/);
  // Joined, the words reach the kernel and are judged as any kernel line's.
  const joined = applyFix(text, findings[0]!.fixes[0]!);
  assert.deepEqual(cmdlineFindings(joined, GRUB_CFG, CODE), []);
  assert.ok(cmdlineFindings(joined, GRUB_CFG, 'VT305').length > 0);
});

test("VT307: the kernel line's own findings read only its own words (GRUB legacy's too)", () => {
  // hugepages= on the next line never reaches the kernel: the kernel line asks for 1G pages and reserves none.
  const text = 'linux /vmlinuz-6.8.5 root=/dev/sda1 default_hugepagesz=1G\n  hugepagesz=1G hugepages=4\n';
  assert.deepEqual(cmdlineFindings(text, GRUB_CFG).map((finding) => finding.rule), ['VT316', 'VT307']);
  const legacy = 'title x\nkernel /vmlinuz-2.6.32 ro root=/dev/sda1\nquiet root=/dev/sdb elevator=deadlin\ninitrd /initrd.img\n';
  assert.deepEqual(cmdlineFindings(legacy, GRUB_CONF).map((finding) => finding.rule), ['VT307']);
});
