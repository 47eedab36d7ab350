import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { cmdlineFindings, defaultGrub, DEFAULT_GRUB, KERNEL_CMDLINE } from '../cmdlineHelpers';

const CODE = 'VT308';

test('VT308: a name one typo from a described parameter is a warning, with the rename offered', () => {
  const text = defaultGrub('transparent_hugepages=never isolcpu=2-7');
  const findings = cmdlineFindings(text, DEFAULT_GRUB, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['transparent_hugepages', 'warning'],
    ['isolcpu', 'warning'],
  ]);
  assert.match(findings[0]!.message, /Did you mean 'transparent_hugepage'\? As written, the kernel passes it to init as an environment variable\./);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), defaultGrub('transparent_hugepage=never isolcpu=2-7'));
  assert.ok(!findings[0]!.fixes[0]!.isPreferred);
});

test('VT308: an undocumented name is a hint; an unknown option of a described module too', () => {
  const text = 'frobnicate kvm.halt_poll_nsec=0\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['frobnicate', 'hint'],
    ['kvm.halt_poll_nsec', 'hint'],
  ]);
  assert.match(findings[0]!.message, /passes it to init as an argument/);
  assert.match(findings[1]!.message, /modinfo -p kvm/);
});

test("VT308: documented names, other modules' options, init's and dracut's names and $VAR are not flagged", () => {
  const text = defaultGrub('crashkernel=auto resume=/dev/x rd.lvm.lv=rhel/root rhgb quiet vconsole.keymap=us systemd.unit=multi-user.target LANG=en_US.UTF-8 rd_NO_LUKS nomodeset sysctl.vm.swappiness=10 $EXTRA iommu.forcedac=1 -- whatever');
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, CODE), []);
});
