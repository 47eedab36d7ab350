import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { cmdlineFindings, commandLines, DEFAULT_GRUB, GRUB_CFG, GRUB_CONF } from '../cmdlineHelpers';

const XEN_ENTRY = [
  "menuentry 'Debian GNU/Linux, with Xen hypervisor' {",
  '\tmultiboot2 /boot/xen-4.17-amd64.gz placeholder dom0_mem=4096M,max:4096M dom0_max_vcpus=4 loglvl=all iommu=verbose console=com1,vga dom0_mme=1G',
  '\tmodule2 /boot/vmlinuz-6.1.0-18-amd64 placeholder root=UUID=1 ro quiet intel_iommu=on numa_balancing=0',
  '\tmodule2 --nounzip /boot/initrd.img-6.1.0-18-amd64',
  '}',
  '',
].join('\n');

test('A Xen entry: the hypervisor line is Xen\'s, the first module is the dom0 kernel\'s command line', () => {
  const lines = commandLines(XEN_ENTRY, GRUB_CFG);
  assert.deepEqual(lines.map((line) => [line.holder, line.hypervisor ?? 'linux', line.params.map((param) => param.name).join(' ')]), [
    ['multiboot2', 'xen', 'dom0_mem dom0_max_vcpus loglvl iommu console dom0_mme'],
    ['module2', 'linux', 'root ro quiet intel_iommu numa_balancing'],
  ]);
  const findings = cmdlineFindings(XEN_ENTRY, GRUB_CFG);
  // Xen's iommu=verbose and console=com1,vga are not judged as Linux's; the dom0 line is.
  assert.deepEqual(findings.map((finding) => [finding.rule, rangeText(XEN_ENTRY, finding)]), [
    ['VT318', 'dom0_mme'],
    ['VT301', '0'],
  ]);
  assert.match(findings[0]!.message, /Did you mean 'dom0_mem'\?/);
});

test('VT318: options joined by a comma are a warning with the space put back; unknown options a hint; GRUB legacy too', () => {
  const text = 'title Xen\n\tkernel /xen.gz dom0_mem=4G,dom0_max_vcpus=4 frobnicate\n\tmodule /vmlinuz-3.10.0-1160.el7.x86_64 ro root=/dev/sda1\n';
  const findings = cmdlineFindings(text, GRUB_CONF, 'VT318');
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['dom0_max_vcpus=4', 'warning'],
    ['frobnicate', 'hint'],
  ]);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), text.replace('4G,dom0', '4G dom0'));
  assert.deepEqual(commandLines(text, GRUB_CONF).map((line) => line.hypervisor ?? line.holder), ['xen', 'module']);
});

test("/etc/default/grub's GRUB_CMDLINE_XEN and _DEFAULT are Xen's line: checked by VT318, not as Linux parameters", () => {
  const text = 'GRUB_CMDLINE_LINUX="quiet"\nGRUB_CMDLINE_XEN="dom0_mem=4G,dom0_max_vcpus=4 iommu=verbose"\nGRUB_CMDLINE_XEN_DEFAULT="loglvl=all"\n';
  const findings = cmdlineFindings(text, DEFAULT_GRUB);
  assert.deepEqual(findings.map((finding) => [finding.rule, rangeText(text, finding)]), [['VT318', 'dom0_max_vcpus=4']]);
  const xen = commandLines(text, DEFAULT_GRUB).find((line) => line.hypervisor === 'xen');
  assert.deepEqual(xen?.params.map((param) => param.name), ['dom0_mem', 'iommu', 'loglvl']);
});
