import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rangeText } from '../../helpers';
import { cmdlineFindings, GRUB_CFG, KERNEL_CMDLINE } from '../cmdlineHelpers';

const CODE = 'VT309';

test('VT309: a parameter or value of another architecture is a warning when the image names the architecture', () => {
  const text = 'linux /vmlinuz-6.1.0-18-arm64 intel_iommu=on iommu=pt iommu.passthrough=1\n';
  const findings = cmdlineFindings(text, GRUB_CFG, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['intel_iommu', 'warning'],
    ['iommu', 'warning'],
  ]);
  assert.match(findings[0]!.message, /intel_iommu exists on x86_64 only, not on aarch64: the kernel ignores it\./);
});

test('VT309: information when x86_64 is only assumed', () => {
  const text = 'iommu=pt,nobypass\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(text, finding!), 'nobypass');
  assert.equal(finding!.severity, 'information');
  assert.match(finding!.message, /x86_64 assumed/);
});

test('VT309: x86 parameters on an x86_64 kernel are fine', () => {
  assert.deepEqual(cmdlineFindings('linux /vmlinuz-5.14.0-427.el9.x86_64 intel_iommu=on iommu=pt kvm_intel.nested=1\n', GRUB_CFG, CODE), []);
});
