import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeText } from '../../helpers';
import { cmdlineFindings, GRUB_CFG, KERNEL_CMDLINE } from '../cmdlineHelpers';

// VT315 cpu-isolation-consistency, VT316 default-hugepage-size-empty, VT317 crashkernel-auto, VT301's whole keywords.

test('VT315: nohz_full with the boot CPU, nohz_full against isolcpus nohz, irqaffinity on isolated CPUs', () => {
  const text = 'isolcpus=nohz,domain,2-7 nohz_full=0-7 irqaffinity=2-3\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, 'VT315');
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['nohz_full=0-7', 'warning'],
    ['0-7', 'warning'],
    ['2-3', 'warning'],
  ]);
  assert.match(findings[1]!.message, /includes CPU 0, the boot CPU.*tick_nohz_init\(\)/);
  assert.match(findings[0]!.message, /their lists differ \(0-7 and 2-7\): housekeeping_setup\(\) keeps isolcpus=nohz,domain,2-7 on line 1 and ignores this one/);
  assert.match(findings[2]!.message, /sends every device interrupt by default to CPUs 2-3/);
  const all = cmdlineFindings('nohz_full=all\n', KERNEL_CMDLINE, 'VT315');
  assert.equal(all.length, 1);
});

test('VT315: a consistent isolation is clean, and a partial irqaffinity overlap is information', () => {
  assert.deepEqual(cmdlineFindings('isolcpus=nohz,domain,managed_irq,2-7 nohz_full=2-7 rcu_nocbs=2-7 irqaffinity=0-1\n', KERNEL_CMDLINE, 'VT315'), []);
  assert.deepEqual(cmdlineFindings('isolcpus=domain,2-7 nohz_full=4-7\n', KERNEL_CMDLINE, 'VT315'), []);
  const partial = cmdlineFindings('nohz_full=2-7 irqaffinity=0-3\n', KERNEL_CMDLINE, 'VT315');
  assert.deepEqual(partial.map((finding) => finding.severity), ['information']);
});

test('VT316: a 1G default size with no pages is a warning; with its count, or the 2M default, nothing', () => {
  const text = 'default_hugepagesz=1G hugepagesz=1G hugepagesz=2M hugepages=1024\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, 'VT316');
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['default_hugepagesz=1G']);
  assert.match(findings[0]!.message, /no hugepages= gives it pages/);
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepagesz=1G hugepages=16\n', KERNEL_CMDLINE, 'VT316'), []);
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepages=16\n', KERNEL_CMDLINE, 'VT316'), []);
  assert.deepEqual(cmdlineFindings('default_hugepagesz=2M\n', KERNEL_CMDLINE, 'VT316'), []);
});

test('VT317: crashkernel=auto is information, except on a RHEL 6-8 kernel; sizes are fine', () => {
  const text = 'crashkernel=auto quiet\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, 'VT317');
  assert.equal(rangeText(text, finding!), 'auto');
  assert.equal(finding!.severity, 'information');
  assert.deepEqual(cmdlineFindings('linux16 /vmlinuz-3.10.0-1160.el7.x86_64 crashkernel=auto\n', GRUB_CFG, 'VT317'), []);
  assert.equal(cmdlineFindings('linux /vmlinuz-5.14.0-427.el9.x86_64 crashkernel=auto\n', GRUB_CFG, 'VT317').length, 1);
  assert.deepEqual(cmdlineFindings('crashkernel=1G-4G:192M,4G-64G:256M\n', KERNEL_CMDLINE, 'VT317'), []);
});

test('VT301: keyword parameters are compared whole (intel_pstate, transparent_hugepage*), the keywords named; copies of intel_pstate add up', () => {
  const text = 'intel_pstate=disable,passive transparent_hugepage_shmem=within_sizes intel_pstate=passive intel_pstate=no_hwp\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, 'VT301');
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['disable,passive', 'within_sizes']);
  assert.match(findings[0]!.message, /compares the whole value with each keyword \(disable, active, passive,/);
  assert.equal(findings[1]!.fixes[0]!.title, "Change 'within_sizes' to 'within_size'");
  assert.deepEqual(cmdlineFindings(text, KERNEL_CMDLINE, 'VT305'), []);
});
