import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, rangeText } from '../../helpers';
import { applySafeFixes } from '../../../server/src/cli/safeFixes';
import { cmdlineFindings, defaultGrub, DEFAULT_GRUB, GRUB_CFG, KERNEL_CMDLINE } from '../cmdlineHelpers';

const CODE = 'VT305';

test('VT305: for most parameters the last copy stays; the earlier one is flagged and removed', () => {
  const text = defaultGrub('transparent_hugepage=always quiet transparent_hugepage=never');
  const [finding] = cmdlineFindings(text, DEFAULT_GRUB, CODE);
  assert.equal(rangeText(text, finding!), 'transparent_hugepage=always');
  assert.equal(finding!.severity, 'warning');
  assert.match(finding!.message, /the last one is the one that stays: transparent_hugepage=never on line 3\. This copy \(transparent_hugepage=always\) has no effect\./);
  assert.equal(finding!.fixes[0]!.isPreferred, true);
  assert.equal(applyFix(text, finding!.fixes[0]!), defaultGrub('quiet transparent_hugepage=never'));
});

test('VT305: dashes and underscores are the same name to the kernel; across GRUB_CMDLINE_LINUX and _DEFAULT', () => {
  const text = 'GRUB_CMDLINE_LINUX="kvm-intel.nested=1"\nGRUB_CMDLINE_LINUX_DEFAULT="quiet kvm_intel.nested=1"\n';
  const [finding] = cmdlineFindings(text, DEFAULT_GRUB, CODE);
  assert.equal(rangeText(text, finding!), 'kvm-intel.nested=1');
  assert.match(finding!.message, /This copy says the same and can go\./);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'GRUB_CMDLINE_LINUX=""\nGRUB_CMDLINE_LINUX_DEFAULT="quiet kvm_intel.nested=1"\n');
});

test('VT305: for isolcpus only the first copy counts: the later one is flagged', () => {
  const text = 'isolcpus=2-7 isolcpus=2-3\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(text, finding!), 'isolcpus=2-3');
  assert.match(finding!.message, /only the first one counts: isolcpus=2-7/);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'isolcpus=2-7\n');
});

test('VT305: a huge page size given twice is ignored with its count; both go', () => {
  const text = 'hugepagesz=1G hugepages=4 hugepagesz=1G hugepages=8 quiet\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(text, finding!), 'hugepagesz=1G');
  assert.equal(finding!.range.start.character, 26);
  assert.match(finding!.message, /already set up by hugepagesz=1G on line 1: the kernel ignores hugepagesz=1G, and the hugepages=8 after it with it/);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'hugepagesz=1G hugepages=4 quiet\n');
});

test("VT305: the guide's default_hugepagesz=1G hugepagesz=1G passes; after the default size's count, the repeat names that count", () => {
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepagesz=1G hugepages=4 hugepagesz=2M hugepages=1024\n', KERNEL_CMDLINE, CODE), []);
  // GRUB_CMDLINE_LINUX="hugepages=32" comes first on the kernel's line: hugepagesz=1G is then "specified twice" (mm/hugetlb.c).
  const text = 'hugepages=32 default_hugepagesz=1G hugepagesz=1G hugepages=16\n';
  const [finding, ...rest] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.equal(rest.length, 0);
  assert.equal(rangeText(text, finding!), 'hugepagesz=1G');
  assert.match(finding!.message, /already set up by default_hugepagesz=1G on line 1, whose count hugepages=32 on line 1 the kernel has already read: the kernel ignores hugepagesz=1G, and the hugepages=16 after it with it/);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'hugepages=32 default_hugepagesz=1G\n');
});

test('VT305: a second count with no size between, a second default_hugepagesz, a count the implicit one overrides', () => {
  const twice = 'hugepagesz=1G hugepages=4 hugepages=8\n';
  const [count] = cmdlineFindings(twice, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(twice, count!), 'hugepages=8');
  assert.equal(applyFix(twice, count!.fixes[0]!), 'hugepagesz=1G hugepages=4\n');

  const defaults = 'default_hugepagesz=1G hugepagesz=1G default_hugepagesz=2M\n';
  const findings = cmdlineFindings(defaults, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(defaults, finding)), ['default_hugepagesz=2M']);
  assert.match(findings[0]!.message, /only the first one counts/);

  const implicit = 'hugepages=256 hugepagesz=2M hugepages=512\n';
  const [overridden] = cmdlineFindings(implicit, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(implicit, overridden!), 'hugepages=512');
  assert.match(overridden!.message, /hugepages=256 on line 1 comes before any hugepagesz=/);
});

test('VT305: the guide pairs default_hugepagesz and hugepagesz of one size: not a repeat', () => {
  assert.deepEqual(cmdlineFindings('default_hugepagesz=1G hugepagesz=1G hugepages=4\n', KERNEL_CMDLINE, CODE), []);
});

test('VT305: a removed quoted grub.cfg word takes its quotes; parameters it does not know may repeat', () => {
  // Both values ones the knowledge base takes: a copy whose value the kernel refuses is VT301's, not this rule's.
  const text = "linux /vmlinuz-6.8.0 'elevator=noop' elevator=deadline console=tty0 console=ttyS0\n";
  const [finding] = cmdlineFindings(text, GRUB_CFG, CODE);
  assert.equal(applyFix(text, finding!.fixes[0]!), 'linux /vmlinuz-6.8.0 elevator=deadline console=tty0 console=ttyS0\n');
  assert.equal(cmdlineFindings(text, GRUB_CFG, CODE).length, 1);
});

test('VT305: an assignment a later one replaces is not part of the command line', () => {
  const text = 'GRUB_CMDLINE_LINUX="nosmt"\nGRUB_CMDLINE_LINUX="nosmt quiet"\n';
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, CODE), []);
});

test('VT305: options that accumulate (intel_iommu, iommu) are never called without effect nor removed', () => {
  const text = defaultGrub('intel_iommu=on iommu=pt intel_iommu=igfx_off iommu=1 quiet');
  assert.deepEqual(cmdlineFindings(text, DEFAULT_GRUB, CODE), []);
  const outcome = applySafeFixes(DEFAULT_GRUB, 'cmdline', text);
  assert.equal(outcome.text, text);
});

test('VT305: a word-for-word repeat of an accumulating parameter is information, with no fix', () => {
  const text = 'intel_iommu=on iommu=pt intel_iommu=on\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity, finding.fixes.length]), [['intel_iommu=on', 'information', 0]]);
  assert.equal(findings[0]!.range.start.character, 24);
  assert.match(findings[0]!.message, /accumulate \(intel_iommu_setup\(\) \(drivers\/iommu\/intel\/iommu\.c\) applies every copy\)/);
});

test('VT305: a removal names the kernel function that drops the copy', () => {
  const text = 'numa_balancing=enable numa_balancing=disable\n';
  const [finding] = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.match(finding!.message, /setup_numabalancing\(\) \(kernel\/sched\/core\.c\)/);
  assert.equal(finding!.fixes.length, 1);
});

test('VT305: any flag given twice is information without a fix; different flags are not', () => {
  const text = 'quiet splash quiet rd.lvm.lv=a rd.lvm.lv=b\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.severity, finding.fixes.length]), [['quiet', 'information', 0]]);
  assert.equal(findings[0]!.range.start.character, 13);
});

test('VT305: a count given to the default size after default_hugepagesz replaces the one given before any size', () => {
  // mm/hugetlb.c: default_hugepagesz_setup copies hugepages=512 into the new 2M hstate and makes it the one
  // parsed last; hugepages_setup then writes 8 over it. The kernel ends with 8 pages of 2M and none of 1G.
  const text = 'hugepages=512 hugepagesz=1G default_hugepagesz=2M hugepages=8\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['hugepages=512']);
  assert.match(findings[0]!.message, /counts pages of the default size, 2M; hugepages=8 on line 1 gives that size its count afterwards/);
  assert.match(findings[0]!.message, /belongs to the last size named before it: default_hugepagesz=2M/);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'hugepagesz=1G default_hugepagesz=2M hugepages=8\n');
  // VT304 no longer tells of 512 pages of 2M that the kernel does not keep.
  assert.deepEqual(cmdlineFindings(text, KERNEL_CMDLINE, 'VT304'), []);
  // The same count before default_hugepagesz for a size named earlier: the one given before any size wins.
  const earlier = 'hugepages=512 hugepagesz=2M hugepages=4 default_hugepagesz=2M\n';
  const [overridden] = cmdlineFindings(earlier, KERNEL_CMDLINE, CODE);
  assert.equal(rangeText(earlier, overridden!), 'hugepages=4');
  assert.match(overridden!.message, /hugepages=512 on line 1 comes before any hugepagesz=/);
});

test('VT305: a hugetlb removal is offered only when the kernel keeps the same pages without it', () => {
  // hugepages=4 is replaced by hugepages=512 (copied by default_hugepagesz), and hugepages=9 is ignored because
  // the count just before it went to the same size. Removing hugepages=4 would let hugepages=9 through (9 pages
  // of 2M instead of 512): no fix there. Removing hugepages=9 changes nothing.
  const text = 'hugepages=512 hugepagesz=2M hugepages=4 default_hugepagesz=2M hugepages=9\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => [rangeText(text, finding), finding.fixes.length]), [['hugepages=4', 0], ['hugepages=9', 1]]);
  assert.equal(applyFix(text, findings[1]!.fixes[0]!), 'hugepages=512 hugepagesz=2M hugepages=4 default_hugepagesz=2M\n');
});

test('VT305 offers no huge page removal on a line of more huge page parameters than any host needs: each answer reads the whole line (fuzz seed 12121)', () => {
  const line = `hugepagesz=2M hugepages=4 ${'hugepages=8 '.repeat(70)}`.trim();
  const findings = cmdlineFindings(line, KERNEL_CMDLINE, 'VT305');
  assert.equal(findings.length, 70);
  assert.ok(findings.every((finding) => finding.fixes.length === 0));
  // A line of a usual length keeps its removal.
  const short = cmdlineFindings('hugepagesz=2M hugepages=4 hugepages=8', KERNEL_CMDLINE, 'VT305');
  assert.equal(short.length, 1);
  assert.equal(short[0]!.fixes.length, 1);
});

test('VT305: a second count with no size between names the last count still in effect, not one a later count replaced', () => {
  // default_hugepagesz=2M copies the count given before any size (256) into 2M, replacing 512: the
  // kernel then keeps 256 for 2M, so the repeat after it is named against hugepages=256.
  const text = 'hugepages=256 hugepagesz=2M hugepages=512 default_hugepagesz=2M hugepages=8\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  const repeat = findings.find((finding) => rangeText(text, finding) === 'hugepages=8');
  assert.match(repeat!.message, /A second hugepages= for the same size, with no hugepagesz= between: the kernel keeps hugepages=256 on line 1 and ignores hugepages=8\./);
});

test("VT305: each copy's message names that copy's value, worded once per name and value", () => {
  const text = 'rcu_nocbs=1-3 rcu-nocbs=1-3 rcu_nocbs=2 rcu_nocbs=1-3 rcu_nocbs=2 rcu_nocbs=4\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, 'VT305');
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['rcu_nocbs=1-3', 'rcu-nocbs=1-3', 'rcu_nocbs=2', 'rcu_nocbs=1-3', 'rcu_nocbs=2']);
  assert.match(findings[0]!.message, /This copy \(rcu_nocbs=1-3\) has no effect/);
  assert.match(findings[1]!.message, /This copy \(rcu-nocbs=1-3\) has no effect/);
  assert.match(findings[2]!.message, /This copy \(rcu_nocbs=2\) has no effect/);
  assert.equal(findings[3]!.message, findings[0]!.message);
  assert.equal(findings[4]!.message, findings[2]!.message);
  assert.equal(applyFix(text, findings[3]!.fixes[0]!), 'rcu_nocbs=1-3 rcu-nocbs=1-3 rcu_nocbs=2 rcu_nocbs=2 rcu_nocbs=4\n');
});

test('VT305: after kvm.nx_huge_pages=never the kernel refuses every later copy: that one stays, the later ones are errors, and fix keeps them all', () => {
  // arch/x86/kvm/mmu/mmu.c set_nx_huge_pages(): once never is set, any setting answers EPERM.
  const text = 'kvm.nx_huge_pages=off kvm.nx_huge_pages=never kvm.nx_huge_pages=y kvm.nx_huge_pages=never\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['kvm.nx_huge_pages=off', 'kvm.nx_huge_pages=y', 'kvm.nx_huge_pages=never']);
  assert.deepEqual(findings.map((finding) => finding.severity), ['warning', 'error', 'error']);
  assert.match(findings[0]!.message, /refuses every setting after kvm\.nx_huge_pages=never .*so that one stays.*This copy \(kvm\.nx_huge_pages=off\) has no effect/);
  assert.match(findings[1]!.message, /This copy \(kvm\.nx_huge_pages=y\) is refused\. Where kvm is a loadable module.*stops the module from loading at all/);
  assert.deepEqual(findings[1]!.fixes, []);
  assert.deepEqual(findings[2]!.fixes, []);
  // The copy before never can go (never overrides it); the refused ones stay: taking them away would let a module load that does not.
  assert.equal(applySafeFixes(KERNEL_CMDLINE, 'cmdline', text).text, 'kvm.nx_huge_pages=never kvm.nx_huge_pages=y kvm.nx_huge_pages=never\n');
});

test('VT305: kvm.nx_huge_pages=never given last is the usual last copy that stays', () => {
  const text = 'kvm.nx_huge_pages=force kvm.nx_huge_pages=never\n';
  const findings = cmdlineFindings(text, KERNEL_CMDLINE, CODE);
  assert.deepEqual(findings.map((finding) => rangeText(text, finding)), ['kvm.nx_huge_pages=force']);
  assert.match(findings[0]!.message, /the last one is the one that stays/);
  assert.equal(applyFix(text, findings[0]!.fixes[0]!), 'kvm.nx_huge_pages=never\n');
});

test('VT305: a later copy the kernel refuses does not replace an earlier one: no warning, no removal (transparent_hugepage=off left never in force)', () => {
  // setup_transparent_hugepage() (mm/huge_memory.c) sets nothing for a value it cannot read.
  const text = 'transparent_hugepage=never transparent_hugepage=off\n';
  assert.deepEqual(cmdlineFindings(text, KERNEL_CMDLINE, CODE), []);
  assert.equal(applySafeFixes(KERNEL_CMDLINE, 'cmdline', text).text, text);
  // Where the knowledge base does not know what a refused value does, nothing is said either.
  assert.deepEqual(cmdlineFindings('rcu_nocbs=2-3 rcu_nocbs=^4\n', KERNEL_CMDLINE, CODE), []);
});
