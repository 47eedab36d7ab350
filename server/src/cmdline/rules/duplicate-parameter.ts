import type { FixSpec, Report } from '../../core/types';
import { canonicalParamName, kernelParam, type KernelParamSpec } from '../../kb/cmdline';
import { KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import type { CommandLine, KernelParam } from '../types';
import { effectiveLines, knownParams, lineOf, type CmdlineRuleContext, type CmdlineRule } from './context';
import { hugetlbOrderKnown, hugetlbOutcome, hugetlbSteps, type HugetlbStep } from './hugetlb';
import { formatSize } from '../../kb/cmdline/sizes';
import { isRefusal, kernelValueProblems } from '../../kb/cmdline/values';
import { moduleRefusal } from './moduleRefusal';
import { removalSpan } from './spans';

/**
 * VT305: a parameter given twice on one command line. The kernel reads every copy: for most parameters
 * the last one's setting stays, for some only the first counts (default_hugepagesz, isolcpus,
 * nohz_full), and huge page sizes and counts pair up. Then one copy has no effect: a warning on that
 * copy, with the fix of removing it only when the knowledge base names the kernel function whose
 * parsing proves it. Parameters whose options accumulate (intel_iommu, iommu, tsc, ...) are never
 * flagged as having no effect; a word-for-word repeat of one, or of any flag, is information, never fixed.
 */
export const duplicateParameter: CmdlineRule = {
  meta: {
    code: 'VT305',
    name: 'duplicate-parameter',
    title: 'A kernel parameter should be given once',
    severity: 'warning',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO],
    fixable: true,
  },
  check(context, report) {
    for (const line of effectiveLines(context)) {
      checkRepeats(context, line, report);
      checkHugetlb(context, line, report);
    }
  },
};

/** Huge page parameters pair up and are checked by how the kernel walks them (checkHugetlb). */
const HUGETLB = new Set(['hugepages', 'hugepagesz', 'default_hugepagesz']);
/** More huge page parameters on one line than this and no removal is offered (keepsHugePages). */
const MAX_HUGETLB_PARAMS = 64;

function checkRepeats(context: CmdlineRuleContext, line: CommandLine, report: (report: Report) => void): void {
  const byName = new Map<string, KernelParam[]>();
  const flags = new Map<string, KernelParam[]>();
  for (const param of knownParams(line)) {
    const spec = kernelParam(param.name);
    if (!spec) {
      if (param.value === undefined) {
        const copies = flags.get(param.name);
        if (copies) copies.push(param);
        else flags.set(param.name, [param]);
      }
      continue;
    }
    if (spec.repeat === 'each' || HUGETLB.has(spec.name)) continue;
    const copies = byName.get(spec.name) ?? [];
    copies.push(param);
    byName.set(spec.name, copies);
  }
  for (const [name, given] of byName) {
    if (given.length < 2) continue;
    const spec = kernelParam(name)!;
    if (spec.repeat === 'accumulate') {
      reportRepeatedOptions(context, spec, given, report);
      continue;
    }
    // A copy whose value the kernel refuses is VT301's. Where the knowledge base knows that such a value sets
    // nothing, the copy neither wins nor is flagged here, and the earlier copy it seemed to replace counts;
    // where it does not know (or the first of a first-wins parameter is refused), nothing is said.
    const copies = acceptedCopies(spec, given);
    if (copies !== given && (!spec.refusedKeepsEarlier || (spec.repeat === 'first' && copies[0] !== given[0]))) continue;
    if (copies.length < 2) continue;
    const lastingAt = lastingCopy(spec, copies);
    const winner = lastingAt >= 0 ? copies[lastingAt]! : spec.repeat === 'first' ? copies[0]! : copies[copies.length - 1]!;
    const rule =
      lastingAt >= 0
        ? `the kernel refuses every setting after ${written(winner)} (${spec.lastingValue} is for good), so that one stays`
        : spec.repeat === 'first'
          ? 'only the first one counts'
          : 'the last one is the one that stays';
    const parser = spec.parsedBy ? ` (Parsed by ${spec.parsedBy}.)` : '';
    // The same for every copy: made once (a line of thousands of copies made it for each).
    const told = `${name} is given ${copies.length} times; ${rule}: ${written(winner)} on ${lineOf(context, winner.span.start)}. `;
    const winnerName = canonicalParamName(winner.name);
    // By name as written and value: a line of thousands of copies mostly repeats a few, and each message
    // made and kept per copy was half a dozen strings.
    const messages = new Map<string, Map<string | undefined, string>>();
    for (const [index, copy] of copies.entries()) {
      if (copy === winner) continue;
      if (lastingAt >= 0 && index > lastingAt) {
        report({ span: copy.span, severity: 'error', message: told + refusedAfterLasting(spec, copy) + parser, fixes: [] });
        continue;
      }
      let byValue = messages.get(copy.name);
      if (!byValue) messages.set(copy.name, (byValue = new Map()));
      let message = byValue.get(copy.value);
      if (message === undefined) {
        const same = canonicalParamName(copy.name) === winnerName && copy.value === winner.value;
        message = told + (same ? 'This copy says the same and can go.' : `This copy (${written(copy)}) has no effect.`) + parser;
        byValue.set(copy.value, message);
      }
      report({
        span: copy.span,
        message,
        // Only where the kernel's parser is known to drop the copy is taking it away sure to change nothing.
        fixes: spec.parsedBy ? removal(context, line, copy, `Remove this ${copy.name}`) : [],
      });
    }
  }
  for (const [name, copies] of flags) {
    for (const copy of copies.slice(1)) {
      report({
        span: copy.span,
        severity: 'information',
        message: `${name} is already given on ${lineOf(context, copies[0]!.span.start)}: the second copy is most likely a slip. virt-tune does not know how everything that reads ${name} treats a repeat, so it leaves the choice to you.`,
      });
    }
  }
}

/** The copies whose value the kernel takes (no problem but a harmless spelling or a newer kernel's option), in order. */
function acceptedCopies(spec: KernelParamSpec, copies: KernelParam[]): KernelParam[] {
  // By value: a line of thousands of copies mostly repeats a few values.
  const taken = new Map<string | undefined, boolean>();
  const accepted = (copy: KernelParam): boolean => {
    let known = taken.get(copy.value);
    if (known === undefined) taken.set(copy.value, (known = !kernelValueProblems(spec, copy.value).some(isRefusal)));
    return known;
  };
  return copies.every(accepted) ? copies : copies.filter(accepted);
}

/**
 * Where the first copy with the spec's lasting value stands (KernelParamSpec.lastingValue), when a copy
 * comes after it: every later setting is refused then, and the usual `last` rule does not hold; else -1.
 */
function lastingCopy(spec: KernelParamSpec, copies: readonly KernelParam[]): number {
  if (spec.repeat !== 'last' || spec.lastingValue === undefined) return -1;
  const at = copies.findIndex((copy) => copy.value === spec.lastingValue);
  return at < copies.length - 1 ? at : -1;
}

/**
 * A copy after the lasting one: refused by its setter (EPERM), with what that does to a loadable module
 * (moduleRefusal). No fix: taking the copy away would change what happens at boot (the module would load).
 */
function refusedAfterLasting(spec: KernelParamSpec, copy: KernelParam): string {
  const module = spec.loadableModule;
  const consequence = module
    ? moduleRefusal(module, 'that refusal stops the module from loading at all', 'Operation not permitted', 'built in, the kernel logs it.')
    : 'The kernel logs the refusal.';
  return `This copy (${written(copy)}) is refused. ${consequence}`;
}

/**
 * Copies of a parameter whose options accumulate: every copy counts, so none is flagged as having no
 * effect and none is removed. Only a copy that repeats an earlier one word for word is pointed out.
 */
function reportRepeatedOptions(context: CmdlineRuleContext, spec: KernelParamSpec, copies: readonly KernelParam[], report: (report: Report) => void): void {
  // The first copy of each value, so that a line of thousands of copies is not searched again for each.
  const first = new Map<string | undefined, KernelParam>();
  copies.forEach((copy) => {
    const earlier = first.get(copy.value);
    if (!earlier) {
      first.set(copy.value, copy);
      return;
    }
    report({
      span: copy.span,
      severity: 'information',
      message:
        `${written(copy)} repeats ${written(earlier)} on ${lineOf(context, earlier.span.start)}. The options of ${spec.name} accumulate` +
        `${spec.parsedBy ? ` (${spec.parsedBy} applies every copy)` : ''}, so this adds nothing; the other copies each count and stay.`,
    });
  });
}

function checkHugetlb(context: CmdlineRuleContext, line: CommandLine, report: (report: Report) => void): void {
  if (!hugetlbOrderKnown(line.params)) return;
  const steps = context.hugetlbOf(line);
  for (const [index, step] of steps.entries()) {
    const earlier = step.related;
    if (!earlier) continue;
    const where = `${written(earlier)} on ${lineOf(context, earlier.span.start)}`;
    switch (step.status) {
      case 'repeated-size': {
        const follower = followerCount(steps, index);
        const dropped = follower ? `, and the ${written(follower.param)} after it with it` : '';
        // Repeating default_hugepagesz's size is allowed until that size has its count: name the count that closed it.
        const counted = step.countedBy ? `, whose count ${written(step.countedBy)} on ${lineOf(context, step.countedBy.span.start)} the kernel has already read` : '';
        report({
          span: step.param.span,
          message: `This huge page size is already set up by ${where}${counted}: the kernel ignores ${written(step.param)}${dropped}. Give each size once, with its count right after it.`,
          fixes: removal(context, line, step.param, follower ? `Remove ${written(step.param)} and ${written(follower.param)}` : `Remove ${written(step.param)}`, follower?.param),
        });
        break;
      }
      case 'repeated-default': {
        const follower = followerCount(steps, index);
        const dropped = follower ? `, and the ${written(follower.param)} after it too` : '';
        report({
          span: step.param.span,
          message: `default_hugepagesz is already set by ${where}: only the first one counts, so the kernel ignores ${written(step.param)}${dropped}.`,
          fixes: removal(context, line, step.param, `Remove ${written(step.param)}`, follower?.param),
        });
        break;
      }
      case 'repeated-count':
        report({
          span: step.param.span,
          message: `A second hugepages= for the same size, with no hugepagesz= between: the kernel keeps ${where} and ignores ${written(step.param)}.`,
          fixes: removal(context, line, step.param, `Remove ${written(step.param)}`),
        });
        break;
      case 'overridden-count':
        report({
          span: step.param.span,
          message: step.implicit
            ? `${written(step.param)} comes before any hugepagesz=, so it counts pages of the default size${step.size === undefined ? '' : `, ${formatSize(step.size)}`}; ` +
              `${where} gives that size its count afterwards, and the kernel keeps the later count: ${written(step.param)} has no effect.${namedBy(steps, earlier)}`
            : `${where} comes before any hugepagesz= and so counts pages of this same default size; the kernel lets it win and ignores ${written(step.param)}.`,
          fixes: removal(context, line, step.param, `Remove ${written(step.param)}`),
        });
        break;
      default:
        break;
    }
  }
}

/** For a count: which size it belongs to, the last one named before it, as the kernel pairs them. */
function namedBy(steps: readonly HugetlbStep[], count: KernelParam): string {
  const size = steps.find((step) => step.param === count)?.related;
  return size ? ` (A count belongs to the last size named before it: ${written(size)}.)` : '';
}

/** The count right after a refused size (the step at `index`), which the kernel drops with it. */
function followerCount(steps: readonly HugetlbStep[], index: number): HugetlbStep | undefined {
  const next = steps[index + 1];
  return next && next.role === 'hugepages' && next.status === 'orphan-count' ? next : undefined;
}

/** Removes a parameter, and the count that goes with it: as one stretch when only blanks lie between. */
function removal(context: CmdlineRuleContext, line: CommandLine, param: KernelParam, title: string, alsoParam?: KernelParam): FixSpec[] {
  if (!keepsHugePages(context, line, param, alsoParam)) return [];
  const { text } = context;
  if (alsoParam && /^[ \t]*$/.test(text.slice(param.span.end, alsoParam.span.start))) {
    return [{ title, edits: [{ span: removalSpan(text, { start: param.span.start, end: alsoParam.span.end }), newText: '' }], isPreferred: true }];
  }
  const edits = [{ span: removalSpan(text, param), newText: '' }];
  if (alsoParam) edits.push({ span: removalSpan(text, alsoParam), newText: '' });
  return [{ title, edits, isPreferred: true }];
}

/**
 * Whether the kernel would reserve the same huge pages without the parameters removed (hugetlbOutcome).
 * Each answer reads the whole line again, so a line of more huge page parameters than any host needs
 * (a pasted or generated line of thousands) gets no removal at all rather than a cost that grows with the
 * square of its length (fuzz seed 12121: a 200 KB GRUB_CMDLINE_LINUX took 16 s).
 */
function keepsHugePages(context: CmdlineRuleContext, line: CommandLine, param: KernelParam, alsoParam?: KernelParam): boolean {
  if (!HUGETLB.has(canonicalParamName(param.name))) return true;
  if (context.hugetlbOf(line).length > MAX_HUGETLB_PARAMS) return false;
  const { arch } = context.archOf(line);
  const rest = line.params.filter((other) => other !== param && other !== alsoParam);
  return hugetlbOutcome(hugetlbSteps(rest, arch)) === hugetlbOutcome(context.hugetlbOf(line));
}

function written(param: KernelParam): string {
  return param.value === undefined ? param.name : `${param.name}=${param.value}`;
}
