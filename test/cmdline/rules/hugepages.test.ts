import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { applySafeFixes } from '../../../server/src/cli/safeFixes';
import { BLS_ENTRY, cmdlineFindings, defaultGrub, DEFAULT_GRUB, GRUB_CFG, KERNEL_CMDLINE } from '../cmdlineHelpers';

test('VT302: a huge page size x86_64 does not have is an error, and the count after it is said to be dropped', () => {
  const text = 'hugepagesz=4M hugepages=512 default_hugepagesz=2\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, 'VT302');
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['4M', '2']);
  assert.ok(findings.every((finding) => finding.severity === 'error'));
  assert.match(findings[0]!.message, /x86_64 has huge pages of 2M and 1G only \(x86_64 assumed: the kernel image's name does not say which architecture\)/);
  assert.match(findings[0]!.message, /drops the hugepages=512 after it/);
  // `2` most likely meant 2M: offered first.
  assert.deepEqual(findings[1]!.fixes.map((fix) => fix.title), ['Use default_hugepagesz=2M', 'Use default_hugepagesz=1G']);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'hugepagesz=2M hugepages=512 default_hugepagesz=2\n');
});

test('VT302: 2M and 1G are fine on x86_64; other architectures are not judged', () => {
  assert.deepEqual(cmdlineFindings('hugepagesz=2M hugepages=8 hugepagesz=1G hugepages=2 hugepagesz=1024M hugepages=1\n', KERNEL_CMDLINE, 'VT302'), []);
  const arm = 'linux /vmlinuz-6.1.0-18-arm64 hugepagesz=64K hugepages=8\n';
  assert.deepEqual(cmdlineFindings(arm, GRUB_CFG, 'VT302'), []);
  const x86 = 'linux /vmlinuz-6.1.0-18-amd64 hugepagesz=64K hugepages=8\n';
  const [finding] = cmdlineFindings(x86, GRUB_CFG, 'VT302');
  assert.doesNotMatch(finding!.message, /assumed/);
});

test('VT303: default_hugepagesz without hugepagesz of its size is information, with the pair added by the fix', () => {
  const text = defaultGrub('default_hugepagesz=1G hugepages=16');
  const [finding] = cmdlineFindings(text, DEFAULT_GRUB, 'VT303');
  assert.equal(rangeText(text, finding!), 'default_hugepagesz=1G');
  assert.equal(finding!.severity, 'information');
  assert.match(finding!.message, /Linux 5\.7 and later, and x86_64 kernels from 3\.16 built with CMA or CONTIG_ALLOC/);
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  assert.equal(applyFix(text, finding!.fixes[0]!), defaultGrub('default_hugepagesz=1G hugepagesz=1G hugepages=16'));
});

test('VT303: on x86_64 kernels that register 1G early (3.16 on) or take it alone (5.7 on) nothing; RHEL 7 information; an old kernel of another architecture a warning', () => {
  const rhel7 = 'linux16 /vmlinuz-3.10.0-1160.el7.x86_64 default_hugepagesz=1G hugepages=16\n';
  const [finding] = cmdlineFindings(rhel7, GRUB_CFG, 'VT303');
  assert.equal(finding?.severity, 'information');
  assert.match(finding!.message, /gigantic_pages_init\(\)/);
  assert.deepEqual(cmdlineFindings('linux /vmlinuz-4.18.0-553.el8_10.x86_64 default_hugepagesz=1G hugepages=16\n', GRUB_CFG, 'VT303'), []);
  assert.deepEqual(cmdlineFindings('linux /vmlinuz-5.14.0-427.el9.x86_64 default_hugepagesz=1G hugepages=16\n', GRUB_CFG, 'VT303'), []);
  const arm = 'linux /vmlinuz-4.18.0-553.el8_10.aarch64 default_hugepagesz=1G hugepages=16\n';
  assert.equal(cmdlineFindings(arm, GRUB_CFG, 'VT303')[0]?.severity, 'warning');
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepagesz=1G hugepages=4\n', KERNEL_CMDLINE, 'VT303'), []);
  assert.deepEqual(cmdlineFindings('hugepagesz=1G hugepages=4 default_hugepagesz=1G\n', KERNEL_CMDLINE, 'VT303'), []);
  assert.deepEqual(cmdlineFindings('default_hugepagesz=2M hugepages=512\n', KERNEL_CMDLINE, 'VT303'), []);
});

test('VT303: no fix when a count before it on the kernel\'s line, though below it in /etc/default/grub, already took the default size', () => {
  // GRUB puts GRUB_CMDLINE_LINUX before GRUB_CMDLINE_LINUX_DEFAULT: hugepages=32 counts the default size first, so
  // an added hugepagesz=1G would be "specified twice" (mm/hugetlb.c), and VT305 would take it away again.
  const text = 'GRUB_CMDLINE_LINUX_DEFAULT="default_hugepagesz=1G"\nGRUB_CMDLINE_LINUX="hugepages=32"\n';
  const [finding] = cmdlineFindings(text, DEFAULT_GRUB, 'VT303');
  assert.equal(finding?.severity, 'information');
  assert.deepEqual(finding!.fixes, []);
  const outcome = applySafeFixes('/etc/default/grub', 'cmdline', text.replace('default_hugepagesz=1G', 'default_hugepagesz=1G hugepagesz=1G hugepages=16'));
  assert.equal(outcome.applied, 1);
  assert.equal(outcome.text, text);
});

test('VT304: hugepages before any hugepagesz counts the default size: said as information', () => {
  const text = 'hugepages=1024 hugepagesz=1G hugepages=4\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, 'VT304');
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['hugepages=1024']);
  assert.equal(findings[0]!.severity, 'information');
  assert.match(findings[0]!.message, /counts pages of the default huge page size: 2M \(x86_64 assumed/);
});

test('VT304: a warning when a later default_hugepagesz decides the size it counts', () => {
  const text = 'options hugepages=512 default_hugepagesz=1G\n';
  const [finding] = cmdlineFindings(text, BLS_ENTRY, 'VT304');
  assert.equal(rangeText(text, finding!), 'hugepages=512');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /makes that 1G: 512 GiB in all\. Write it after the size it counts: default_hugepagesz=1G hugepages=512\./);
});

test('VT304: counts written after their size are quiet', () => {
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepagesz=1G hugepages=4 hugepagesz=2M hugepages=1024\n', KERNEL_CMDLINE, 'VT304'), []);
});

test("the guide's 8.2.3.3 command line is clean", () => {
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepagesz=1G hugepages=4 hugepagesz=2M hugepages=1024\n', KERNEL_CMDLINE), []);
});

test('an expansion left unexpanded may hold huge page parameters: nothing is said of their order, a size the architecture lacks still is', () => {
  // A drop-in's usual value: what /etc/default/grub gave GRUB_CMDLINE_LINUX_DEFAULT (say hugepagesz=1G), then more.
  const dropIn = 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT hugepages=16"\n';
  const path = '/etc/default/grub.d/99-tuning.cfg';
  for (const code of ['VT303', 'VT304', 'VT305', 'VT316']) assert.deepEqual(cmdlineFindings(dropIn, path, code), [], code);
  // $FOO may name another size between the two counts, or give the default size its pages.
  const between = 'GRUB_CMDLINE_LINUX="hugepagesz=1G hugepages=4 $FOO hugepages=8 default_hugepagesz=1G"\n';
  for (const code of ['VT303', 'VT304', 'VT305', 'VT316']) assert.deepEqual(cmdlineFindings(between, DEFAULT_GRUB, code), [], code);
  // Without the expansion, the same line is judged as before.
  assert.equal(cmdlineFindings(between.replace('$FOO ', ''), DEFAULT_GRUB, 'VT305').length, 1);
  assert.equal(cmdlineFindings(dropIn.replace('$GRUB_CMDLINE_LINUX_DEFAULT ', ''), path, 'VT304').length, 1);
  // A value alone is still judged: x86_64 has no 4M pages whatever the expansion holds.
  const unsupported = 'GRUB_CMDLINE_LINUX_DEFAULT="$GRUB_CMDLINE_LINUX_DEFAULT hugepagesz=4M"\n';
  assert.equal(cmdlineFindings(unsupported, path, 'VT302').length, 1);
});
