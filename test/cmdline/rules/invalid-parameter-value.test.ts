import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { cmdlineFindings, defaultGrub, DEFAULT_GRUB, KERNEL_CMDLINE } from '../cmdlineHelpers';

const CODE = 'VT301';

test('VT301: values outside a closed list are errors on the value, with the same meaning offered', () => {
  const text = defaultGrub('transparent_hugepage=off numa_balancing=0 elevator=bfq');
  const findings = cmdlineFindings(text, DEFAULT_GRUB, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['off', '0', 'bfq']);
  assert.ok(findings.every((finding) => finding.severity === 'error'));
  assert.match(findings[0]!.message, /transparent_hugepage=off: 'off' is not one of always, madvise, never\. The kernel ignores it/);
  assert.match(findings[1]!.message, /Write numa_balancing=disable/);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), defaultGrub('transparent_hugepage=never numa_balancing=0 elevator=bfq'));
  assert.equal(applyFix(text, findings[1]!.fixes[0]!), defaultGrub('transparent_hugepage=off numa_balancing=disable elevator=bfq'));
  // No fix is preferred: changing a value changes what the host does at boot.
  assert.ok(findings.flatMap((finding) => finding.fixes).every((fix) => !fix.isPreferred));
});

test('VT301: comma-separated options are checked one by one', () => {
  const text = 'intel_iommu=on,sm_onn iommu=pt mitigations=auto,nosmt\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['sm_onn']);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'intel_iommu=on,sm_on iommu=pt mitigations=auto,nosmt\n');
});

test("VT301: cpu lists in the kernel's syntax, not libvirt's", () => {
  const text = 'isolcpus=2-7,^4 nohz_full=7-2 rcu_nocbs=0-15:2/0 irqaffinity=0-1,N isolcpus=domain,nohz,all isolcpus=bogus,1\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['^4', '7-2', '0-15:2/0', 'bogus']);
  assert.match(findings[0]!.message, /no '\^' exclusions \(that is libvirt's syntax\)/);
  assert.match(findings[1]!.message, /reversed range/);
  assert.match(findings[3]!.message, /'bogus' is not a flag here: domain, nohz, managed_irq/);
});

test('VT301: booleans, on/off, numbers, counts and missing values', () => {
  const text = 'kvm.ignore_msrs=maybe kvm_intel.nested=Y nohz=yes skew_tick=2 hugepages=lots hugepages=0:4,1:4 kvm.ignore_msrs transparent_hugepage\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['maybe', 'yes', '2', 'lots', 'transparent_hugepage']);
  assert.match(findings[4]!.message, /transparent_hugepage needs a value/);
});

test('VT301: a size the kernel reads but spells otherwise (1GB) is information, fixed to the documented form', () => {
  const text = 'hugepagesz=1GB hugepages=4 default_hugepagesz=2MiB\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity]), [['B', 'information'], ['iB', 'information']]);
  assert.match(findings[0]!.message, /The kernel reads '1G' and ignores 'B'/);
  assert.equal(findings[0]!.fixes[0]!.isPreferred, true);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'hugepagesz=1G hugepages=4 default_hugepagesz=2MiB\n');
  assert.equal(applyFix(text, findings[1]!.fixes[0]!), 'hugepagesz=1GB hugepages=4 default_hugepagesz=2M\n');
});

test('VT301: a size that is no size is an error', () => {
  const text = 'hugepagesz=huge\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(text, finding!), 'huge');
  assert.equal(finding!.severity, 'error');
});

test('VT301: correct values, parameters it does not describe and $VAR references are left alone', () => {
  const text = defaultGrub(
    'transparent_hugepage=never numa_balancing=disable intel_iommu=on,sm_on iommu=pt isolcpus=managed_irq,domain,2-7,10-15 ' +
      'nohz_full=2-7 rcu_nocbs rcu_nocbs=all kvm_intel.nested=1 kvm-amd.npt=0 nosmt=force mitigations=off hugepages=0:8,1:8 ' +
      'numa=fake=4 hugetlb_cma=0:8G,1:8G tsc=reliable iommu.passthrough=1 elevator=deadline foo=bar transparent_hugepage=$THP',
  );
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, CODE), []);
});

test('VT301: each problem of a long list shows the value cut, not whole (the messages grew with the square of its length)', () => {
  // The fuzzer's seed 13131 case 2445: an iommu= list of 180,000 copies of '1-3', one finding each.
  const text = `iommu=pt,${'1-3,'.repeat(500)}nopt\n`;
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(findings.length, 500);
  assert.ok(findings.every((finding) => finding.message.length < 400), findings[0]!.message);
  assert.equal(findings[0]!.message.split(':')[0], `iommu=pt,${'1-3,'.repeat(14)}1…`);
  assert.match(findings[0]!.message, /…: '1-3' is not an option here: pt, nopt/);
  // A short value is shown whole; an astral character is not cut in two.
  assert.match(cmdlineFindings('iommu=pt,bogus\n', KERNEL_CMDLINE, CODE)[0]!.message, /^iommu=pt,bogus: 'bogus' is not an option here/);
  const astral = cmdlineFindings(`iommu=${'p'.repeat(59)}\u{1F600},bogus\n`, KERNEL_CMDLINE, CODE);
  assert.equal(astral[0]!.message.split(':')[0], `iommu=${'p'.repeat(59)}…`);
});

test('VT301: copies of a parameter share what is said of a value, each finding and fix at its own copy', () => {
  // A value is judged once per parameter (and the closest choices of a wrong word found once): the copies
  // must still each be marked, and each fix must change its own copy.
  const text = 'elevator=deadlin elevator=noope elevator=deadlin numa_balancing=0 numa_balancing=0 elevator=deadlin\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['deadlin', 'noope', 'deadlin', '0', '0', 'deadlin']);
  assert.equal(findings[0]!.message, findings[2]!.message);
  assert.notEqual(findings[0]!.message, findings[1]!.message);
  assert.match(findings[4]!.message, /Write numa_balancing=disable/);
  assert.equal(applyFix(text, findings[2]!.fixes[0]!), 'elevator=deadlin elevator=noope elevator=deadline numa_balancing=0 numa_balancing=0 elevator=deadlin\n');
  assert.equal(applyFix(text, findings[5]!.fixes[0]!), 'elevator=deadlin elevator=noope elevator=deadlin numa_balancing=0 numa_balancing=0 elevator=deadline\n');
  assert.equal(applyFix(text, findings[4]!.fixes[0]!), 'elevator=deadlin elevator=noope elevator=deadlin numa_balancing=0 numa_balancing=disable elevator=deadlin\n');
});

test('VT301: more different values than a parameter keeps still each get their own message', () => {
  // Past VALUES_KEPT (256) the memo starts again: a value met before it did is worded anew, the same way.
  const values = Array.from({ length: 300 }, (_, index) => `elevator=x${index}`);
  const text = `${[...values, ...values].join(' ')}\n`;
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(findings.length, 600);
  for (let index = 0; index < 300; index++) {
    assert.match(findings[index]!.message, new RegExp(`^elevator=x${index}: `));
    assert.equal(findings[index + 300]!.message, findings[index]!.message);
  }
});

test('VT301: mitigations= options after the keyword (Linux 6.17, x86) are information, with what older kernels do; a wrong one is an error with the options offered', () => {
  // The first line is what this session's own machine booted with (Linux 6.18: its log says it read them).
  const text = 'mitigations=auto,no_guest_host,no_guest_guest\nmitigations=auto,nosmt,no_guest_host,no_guest_hots\nmitigations=,no_cross_thread\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['no_guest_host,no_guest_guest', 'no_guest_hots', 'no_cross_thread']);
  assert.deepEqual(findings.map((finding) => finding.severity), ['information', 'error', 'information']);
  assert.match(findings[0]!.message, /read by Linux 6\.17 and later, on x86_64 only\. Older kernels \(Linux 6\.12, .*\) ignore the whole value and keep the default, auto/);
  assert.doesNotMatch(findings[0]!.message, /The kernel ignores it/);
  assert.deepEqual(findings[0]!.fixes, []);
  assert.match(findings[1]!.message, /'no_guest_hots' is not an option .* no_user_kernel, no_user_user, no_guest_host, no_guest_guest, no_cross_thread\. Those kernels stop at it/);
  assert.equal(applyFix(text, findings[1]!.fixes[0]!), text.replace('no_guest_hots', 'no_guest_host'));
});

test('VT301: a misspelt mitigations= keyword is still judged against the keywords, with the closest one offered', () => {
  const text = 'mitigations=auto,nosnt\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['auto,nosnt']);
  assert.match(findings[0]!.message, /'auto,nosnt' is not one of auto, auto,nosmt, off\. The kernel ignores it/);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'mitigations=auto,nosmt\n');
});

test('VT301: a refused value of a KVM module option stops a loadable module from loading; never and booleans are kvm.nx_huge_pages values', () => {
  const text = 'kvm_intel.nested=maybe kvm.nx_huge_pages=never kvm.nx_huge_pages=1 kvm.nx_huge_pages=sometimes\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['maybe', 'sometimes']);
  assert.match(findings[0]!.message, /Where kvm_intel is a loadable module, .* does not load at all \(modprobe: Invalid argument\), and KVM with it; built into the kernel, the kernel logs the value as invalid/);
  assert.doesNotMatch(findings[0]!.message, /The kernel ignores it/);
  assert.match(findings[1]!.message, /'sometimes' is not one of auto, force, off, never\. Where kvm is a loadable module/);
});

test('VT301: a refused value says what stays: an earlier copy the kernel took, or what the parser does instead (rcu_nocbs= offloads every CPU)', () => {
  const text = 'transparent_hugepage=never transparent_hugepage=off rcu_nocbs=2-7,^4\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['off', '^4']);
  assert.match(findings[0]!.message, /The kernel ignores it: transparent_hugepage=never given before it stays in force\./);
  assert.match(findings[1]!.message, /offloads the callbacks of every CPU/);
  assert.doesNotMatch(findings[1]!.message, /keeps its default/);
});
