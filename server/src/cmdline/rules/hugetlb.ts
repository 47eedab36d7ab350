import { canonicalParamName, type KernelArch } from '../../kb/cmdline';
import { HUGE_PAGE_SIZES, memparse } from '../../kb/cmdline/sizes';
import type { KernelParam } from '../types';

export type HugetlbRole = 'hugepagesz' | 'default_hugepagesz' | 'hugepages';

/**
 * How the kernel took one huge page parameter:
 * - `ok`: a size registered, or a count given to a size;
 * - `unreadable`: the size is not a number at all (the value rule says why);
 * - `unsupported`: the architecture has no pages of that size;
 * - `repeated-size`: the size was named before (not the default size still waiting for its count);
 * - `repeated-default`: default_hugepagesz was given before;
 * - `orphan-count`: a count after a size the kernel refused;
 * - `repeated-count`: a second count for the same size with no size between;
 * - `overridden-count`: a count the kernel replaces with another count of the same size (`related`): one given
 *   before any size replaces the counts of the default size, and a count given to the default size after
 *   default_hugepagesz replaces the one given before any size.
 */
export type HugetlbStatus = 'ok' | 'unreadable' | 'unsupported' | 'repeated-size' | 'repeated-default' | 'orphan-count' | 'repeated-count' | 'overridden-count';

export interface HugetlbStep {
  param: KernelParam;
  role: HugetlbRole;
  status: HugetlbStatus;
  /** For sizes: the size named. For counts: the size whose pages they count, when known. */
  size?: bigint;
  /** A count written before any size: it counts pages of the default size. */
  implicit?: boolean;
  /** The earlier parameter that makes this one void (repeats), or that this count follows. */
  related?: KernelParam;
  /** For a size repeating default_hugepagesz: the count already given to the default size, which is why the repeat is refused. */
  countedBy?: KernelParam;
}

/** The default huge page size of an architecture when default_hugepagesz= does not set one. */
export function archDefaultHugePageSize(arch: KernelArch): bigint | undefined {
  return HUGE_PAGE_SIZES[arch]?.[0];
}

/**
 * Walks the huge page parameters in order the way Linux 6.12 parses them (mm/hugetlb.c: hugepagesz_setup,
 * default_hugepagesz_setup, hugepages_setup, hugetlb_init). Sizes the architecture's table does not list
 * are refused; on an architecture without a table, every readable size is taken.
 */
export function hugetlbSteps(params: readonly KernelParam[], arch: KernelArch): HugetlbStep[] {
  const valid = HUGE_PAGE_SIZES[arch];
  const steps: HugetlbStep[] = [];
  const registered = new Map<bigint, KernelParam>();
  let lastSizeValid = true;
  let current: { size: bigint; param: KernelParam } | undefined;
  let defaultSize: { size: bigint; param: KernelParam } | undefined;
  let defaultCount: KernelParam | undefined;
  let implicitCount: HugetlbStep | undefined;
  let lastCountTarget: string | undefined;
  let lastRefusedSize: KernelParam | undefined;
  // The count each size holds so far (the kernel's hstate max_huge_pages): a later count replaces it.
  const heldCounts = new Map<bigint, HugetlbStep>();
  // The counts taken so far, latest last. A count's status only ever turns from ok to overridden, so one
  // that has turned is dropped for good when met on top: the last ok count is found without a search of
  // every step (a line of thousands of repeated counts made that search quadratic: 20,000 took 3 s).
  const okCounts: HugetlbStep[] = [];
  const lastOkCount = (): HugetlbStep | undefined => {
    while (okCounts.length > 0 && okCounts[okCounts.length - 1]!.status !== 'ok') okCounts.pop();
    return okCounts[okCounts.length - 1];
  };
  const hold = (size: bigint, step: HugetlbStep): void => {
    const replaced = heldCounts.get(size);
    if (replaced) {
      replaced.status = 'overridden-count';
      replaced.related = step.param;
    }
    heldCounts.set(size, step);
  };

  for (const param of params) {
    if (param.dynamic) continue;
    const role = canonicalParamName(param.name) as HugetlbRole;
    if (role !== 'hugepagesz' && role !== 'default_hugepagesz' && role !== 'hugepages') continue;
    if (role === 'hugepages') {
      if (!lastSizeValid) {
        steps.push({ param, role, status: 'orphan-count', ...(lastRefusedSize ? { related: lastRefusedSize } : {}) });
        lastSizeValid = true;
        continue;
      }
      const target = registered.size === 0 ? 'implicit' : `${current?.size}`;
      if (target === lastCountTarget) {
        const previous = lastOkCount();
        steps.push({ param, role, status: 'repeated-count', ...(previous ? { related: previous.param } : {}) });
        continue;
      }
      lastCountTarget = target;
      if (target === 'implicit') {
        implicitCount = { param, role, status: 'ok', implicit: true };
        steps.push(implicitCount);
        okCounts.push(implicitCount);
      } else {
        if (defaultSize && current && current.size === defaultSize.size) defaultCount ??= param;
        const step: HugetlbStep = { param, role, status: 'ok', ...(current ? { size: current.size, related: current.param } : {}) };
        steps.push(step);
        okCounts.push(step);
        if (current) hold(current.size, step);
      }
      continue;
    }
    lastSizeValid = false;
    const parsed = param.value === undefined ? undefined : memparse(param.value);
    if (!parsed || parsed.bytes === 0n) {
      steps.push({ param, role, status: 'unreadable' });
      lastRefusedSize = param;
      continue;
    }
    const size = parsed.bytes;
    if (role === 'default_hugepagesz' && defaultSize) {
      steps.push({ param, role, status: 'repeated-default', size, related: defaultSize.param });
      lastRefusedSize = param;
      continue;
    }
    if (valid && !valid.includes(size)) {
      steps.push({ param, role, status: 'unsupported', size });
      lastRefusedSize = param;
      continue;
    }
    if (role === 'hugepagesz') {
      const earlier = registered.get(size);
      if (earlier && !(defaultSize?.size === size && !defaultCount)) {
        const countedBy = defaultSize?.size === size ? defaultCount : undefined;
        steps.push({ param, role, status: 'repeated-size', size, related: earlier, ...(countedBy ? { countedBy } : {}) });
        lastRefusedSize = param;
        continue;
      }
      if (!earlier) registered.set(size, param);
      current = { size, param };
    } else {
      if (!registered.has(size)) {
        registered.set(size, param);
        current = { size, param };
      }
      defaultSize = { size, param };
      if (implicitCount) {
        // default_hugepagesz_setup copies the count given before any size into its size.
        implicitCount.size = size;
        implicitCount.related = param;
        defaultCount = implicitCount.param;
        hold(size, implicitCount);
      }
    }
    lastSizeValid = true;
    steps.push({ param, role, status: 'ok', size });
  }

  // Without default_hugepagesz, a count given before any size goes to the architecture's default size
  // and replaces a count given to that size explicitly.
  if (!defaultSize && implicitCount) {
    const size = archDefaultHugePageSize(arch);
    if (size !== undefined) {
      implicitCount.size = size;
      for (const step of steps) {
        if (step.role === 'hugepages' && step.status === 'ok' && !step.implicit && step.size === size) {
          step.status = 'overridden-count';
          step.related = implicitCount.param;
        }
      }
    }
  }
  return steps;
}

/**
 * Whether the order of a line's huge page parameters can be judged: not when a parameter holds an
 * expansion left unexpanded (`$GRUB_CMDLINE_LINUX_DEFAULT` at the head of a drop-in's value, `$FOO`), which
 * may hold sizes, counts or default_hugepagesz= of its own. hugetlbSteps passes over such a parameter, so
 * what it says of order (a count before any size, a repeat, a count replaced, a default size without its
 * hugepagesz= or without pages) would be said of a line it cannot see whole; what it says of one value
 * alone (a size the architecture lacks, a value that is no size) still holds.
 */
export function hugetlbOrderKnown(params: readonly KernelParam[]): boolean {
  return !params.some((param) => param.dynamic);
}

/**
 * What the kernel is left with after the huge page parameters: the default size, the sizes registered
 * and the count each size holds, as one comparable string. Two command lines with the same outcome
 * reserve the same pages, so a fix may remove a parameter only when the outcome stays.
 */
export function hugetlbOutcome(steps: readonly HugetlbStep[]): string {
  const sizes = new Set<bigint>();
  const counts = new Map<bigint, string>();
  let defaultSize: bigint | undefined;
  for (const step of steps) {
    if (step.status !== 'ok' || step.size === undefined) continue;
    if (step.role === 'hugepages') counts.set(step.size, step.param.value ?? '');
    else {
      sizes.add(step.size);
      if (step.role === 'default_hugepagesz') defaultSize = step.size;
    }
  }
  const sizeList = [...sizes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `default ${defaultSize ?? '-'}; ${sizeList.map((size) => `${size}:${counts.get(size) ?? '-'}`).join(' ')}; ` +
    `unsized ${[...counts].filter(([size]) => !sizes.has(size)).map(([size, count]) => `${size}:${count}`).join(' ')}`;
}
