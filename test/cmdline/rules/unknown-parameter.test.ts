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

test('VT308: an undocumented name is a hint; a near miss of a module option a warning; other options of modules are left alone', () => {
  const text = 'frobnicate kvm.ignore_msr=1 kvm.halt_poll_ns=0 nvidia-drm.modeset=1\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [
    ['frobnicate', 'hint'],
    ['kvm.ignore_msr', 'warning'],
  ]);
  assert.match(findings[0]!.message, /passes it to init as an argument/);
  assert.match(findings[0]!.message, /nor by dracut, systemd, plymouth, mkinitcpio, ostree, live-boot, the Debian installer or Anaconda/);
  assert.match(findings[1]!.message, /Did you mean 'kvm\.ignore_msrs'\?/);
});

test('VT308: words the initramfs, init, installers and the kernel sources read are classified, not hinted', () => {
  const words = [
    'boot=live', 'cryptdevice=UUID=1:root', 'ks=http://x/ks.cfg', 'inst.repo=cdrom', 'inst.stage2=hd:LABEL=x', 'rd.luks.uuid=1',
    'rd.lvm.lv=vg/root', 'rd.some_new_option=1', 'debian-installer/locale=en_US', 'netcfg/choose_interface=auto', 'priority=critical',
    'ostree=/ostree/boot.1/fedora/x/0', 'ignition.firstboot', 'slub_debug=P', 'fips=1', 'gbpages', 'nogbpages', 'ibt=off',
    'systemd.unit=rescue.target', 'systemd.some_new_option=1', 'plymouth.enable=0', 'rhgb', 'splash', 'vt.handoff=7',
    'pcie_acs_override=downstream', 'transparent_hugepage_shmem=always', 'nvidia-drm.modeset=1', 'zswap.enabled=1',
    'net.ifnames=0', 'fsck.repair=yes', 'modprobe.blacklist=nouveau', 'toram', 'components',
  ];
  const text = `${words.join(' ')}\n`;
  assert.deepEqual(cmdlineFindings(text, KERNEL_CMDLINE, CODE).map((finding) => rangeText(text, finding)), []);
});

test('VT308: real typos get "did you mean", each with its rename', () => {
  const text = 'rootfsflags=noatime pcie_asmp=off pcie=realloc init-=/bin/sh rd.lvm.llv=vg/root systemd.unti=x kvm_intle.nested=1\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity, finding.fixes[0]?.title]), [
    ['rootfsflags', 'warning', "Change 'rootfsflags' to 'rootflags'"],
    ['pcie_asmp', 'warning', "Change 'pcie_asmp' to 'pcie_aspm'"],
    ['pcie', 'warning', "Change 'pcie' to 'pci'"],
    ['init-', 'warning', "Change 'init-' to 'init'"],
    ['rd.lvm.llv', 'warning', "Change 'rd.lvm.llv' to 'rd.lvm.lv'"],
    ['systemd.unti', 'warning', "Change 'systemd.unti' to 'systemd.unit'"],
    ['kvm_intle.nested', 'warning', "Change 'kvm_intle.nested' to 'kvm_intel.nested'"],
  ]);
  assert.match(findings[4]!.message, /^dracut \(the initramfs\) documents no 'rd\.lvm\.llv'/);
});

test('VT308: a bare option of iommu= (noagp) says whose option it is', () => {
  const text = 'iommu=pt noagp\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(text, finding!), 'noagp');
  assert.match(finding!.message, /it is an option of iommu= \(iommu=noagp\)/);
  assert.deepEqual(cmdlineFindings('iommu=pt,noagp,memaper=2,nofullflush\n', KERNEL_CMDLINE), []);
});

test("VT308: documented names, other modules' options, init's and dracut's names and $VAR are not flagged", () => {
  const text = defaultGrub('crashkernel=auto resume=/dev/x rd.lvm.lv=rhel/root rhgb quiet vconsole.keymap=us systemd.unit=multi-user.target LANG=en_US.UTF-8 rd_NO_LUKS nomodeset sysctl.vm.swappiness=10 $EXTRA iommu.forcedac=1 -- whatever');
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, CODE), []);
});
