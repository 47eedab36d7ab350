import type { FixSpec } from '../../../core/types';
import { parseCpuset, plainCpusetIds } from '../../../kb/cpuset';
import { guide, libvirt } from '../../../kb/sources';
import type { Span } from '../../../core/span';
import type { DomainRule } from '../context';

const RANGE = /^([0-9]+)-([0-9]+)$/;

/**
 * VT106: a CPU or NUMA node list (`cpuset`, `nodeset`, `cpus`) that libvirt cannot parse: a stray
 * character, an empty entry, a reversed or negated range, an id beyond libvirt's limit, or a list that
 * selects nothing. Each problem is reported where it is inside the value.
 */
export const invalidIdList: DomainRule = {
  meta: {
    code: 'VT106',
    name: 'invalid-id-list',
    title: 'CPU and NUMA node lists must use libvirt\'s list syntax',
    severity: 'error',
    sources: [
      libvirt('cpu-allocation', 'CPU Allocation'),
      libvirt('cpu-tuning', 'CPU Tuning'),
      libvirt('numa-node-tuning', 'NUMA Node Tuning'),
      guide('9.3.3', 'Domain Processes'),
      guide('9.3.4', 'Domain vCPU Threads'),
    ],
    fixable: true,
    libvirt: { stage: 'define', says: 'Failed to parse bitmap' },
  },
  visit: {
    values: {
      kinds: ['cpuset', 'nodeset'],
      visit(typed, context, report) {
        const { problems } = parseCpuset(typed.value);
        if (problems.length === 0) return;
        const kind = typed.type.kind === 'cpuset' ? 'CPU list' : 'NUMA node list';
        if (!typed.verbatim) {
          // Entities shift every offset inside the value: point at the whole value instead.
          const details = problems.map((problem) => problem.message).join(' ');
          report({ span: typed.span, message: `libvirt cannot read the ${kind} ${typed.subject}: ${details}` });
          return;
        }
        const value = typed.span;
        for (const problem of problems) {
          const span = visible(value, { start: value.start + problem.span.start, end: value.start + problem.span.end });
          report({
            span,
            message: `libvirt cannot read the ${kind} ${typed.subject}: ${problem.message}`,
            fixes: reversedRangeFix(context.text, span),
          });
        }
      },
      // A list written plainly (`0-3,8`) has no problem to report.
      fine: () => (value) => plainCpusetIds(value) !== undefined,
    },
  },
};

/**
 * An empty entry (`0,,2`, a trailing comma) has an empty span: widen it to the comma beside it, or for an
 * empty value to its quotes, so the editor has something to underline.
 */
function visible(value: Span, span: Span): Span {
  if (span.start < span.end) return span;
  if (value.start === value.end) return { start: value.start - 1, end: value.end + 1 };
  return span.start > value.start ? { start: span.start - 1, end: span.end } : { start: span.start, end: span.end + 1 };
}

/** `7-4` -> `4-7`: the only problem whose intent is plain. */
function reversedRangeFix(text: string, span: Span): FixSpec[] {
  const entry = text.slice(span.start, span.end);
  const match = RANGE.exec(entry);
  if (!match || Number(match[1]) <= Number(match[2])) return [];
  const swapped = `${match[2]}-${match[1]}`;
  return [{ title: `Change '${entry}' to '${swapped}'`, edits: [{ span, newText: swapped }], isPreferred: true }];
}
