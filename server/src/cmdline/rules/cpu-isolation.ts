import type { Report } from '../../core/types';
import { canonicalParamName } from '../../kb/cmdline';
import { cpulistCpus, formatCpus, type CpuSet } from '../../kb/cmdline/cpulist';
import { GUIDE_VCPU_PINNING, KERNEL_PARAMETERS } from '../../kb/cmdline/sources';
import type { KernelParam } from '../types';
import { effectiveLines, knownParams, lineOf, type CmdlineRule, type CmdlineRuleContext } from './context';

/**
 * VT315: CPU isolation parameters that undo each other. The kernel keeps the boot CPU's timer tick for
 * timekeeping and takes it out of nohz_full (tick_nohz_init()); nohz_full and the `nohz` flag of
 * isolcpus set the same housekeeping mask, and housekeeping_setup() ignores the later one when their
 * lists differ; irqaffinity pointed only at isolated CPUs sends every device interrupt where the
 * guests' vCPUs were meant to run alone. Warnings.
 */
export const cpuIsolation: CmdlineRule = {
  meta: {
    code: 'VT315',
    name: 'cpu-isolation-consistency',
    title: 'nohz_full, isolcpus and irqaffinity must agree, and leave the boot CPU its tick',
    severity: 'warning',
    sources: [KERNEL_PARAMETERS, GUIDE_VCPU_PINNING],
    fixable: false,
  },
  check(context, report) {
    for (const line of effectiveLines(context)) {
      const params = knownParams(line);
      const first = (name: string) => params.find((param) => canonicalParamName(param.name) === name && param.value !== undefined);
      const last = (name: string) => [...params].reverse().find((param) => canonicalParamName(param.name) === name && param.value !== undefined);
      const nohzFull = first('nohz_full');
      const isolcpus = first('isolcpus');
      const irqaffinity = last('irqaffinity');
      const nohzSet = nohzFull ? cpulistCpus(nohzFull.value!) : undefined;
      const isolation = isolcpus ? splitIsolcpus(isolcpus.value!) : undefined;
      if (nohzFull && nohzSet?.cpus.has(0)) {
        report({
          span: nohzFull.valueSpan ?? nohzFull.span,
          message:
            `nohz_full=${nohzFull.value} includes CPU 0, the boot CPU, which keeps its timer tick for timekeeping: the kernel takes it out of the list ` +
            "(tick_nohz_init(), 'Clearing 0 from nohz_full range'). Leave CPU 0 (and its SMT sibling) for the host and list only the CPUs the guests' vCPUs are pinned to.",
        });
      }
      if (nohzFull && nohzSet && isolcpus && isolation?.flags.includes('nohz') && isolation.cpus && !sameCpus(nohzSet, isolation.cpus)) {
        const later = nohzFull.span.start > isolcpus.span.start ? nohzFull : isolcpus;
        const earlier = later === nohzFull ? isolcpus : nohzFull;
        report({
          span: later.span,
          message:
            `nohz_full and isolcpus's nohz flag set the same housekeeping CPUs, and their lists differ (${formatCpus(nohzSet)} and ${formatCpus(isolation.cpus)}): ` +
            `housekeeping_setup() keeps ${written(earlier)} on ${lineOf(context, earlier.span.start)} and ignores this one ('nohz_full= must match isolcpus='). Give both the same list.`,
        });
      }
      if (irqaffinity) checkIrqAffinity(context, irqaffinity, [nohzFull && nohzSet ? { param: nohzFull, set: nohzSet } : undefined, isolcpus && isolation?.cpus ? { param: isolcpus, set: isolation.cpus } : undefined], report);
    }
  },
};

function checkIrqAffinity(context: CmdlineRuleContext, irqaffinity: KernelParam, isolated: readonly ({ param: KernelParam; set: CpuSet } | undefined)[], report: (report: Report) => void): void {
  const target = cpulistCpus(irqaffinity.value!);
  if (!target || target.open || target.cpus.size === 0) return;
  for (const entry of isolated) {
    if (!entry) continue;
    const inside = [...target.cpus].filter((cpu) => entry.set.cpus.has(cpu) || (entry.set.open && cpu >= Math.min(...entry.set.cpus)));
    if (inside.length === 0) continue;
    const all = inside.length === target.cpus.size;
    report({
      span: irqaffinity.valueSpan ?? irqaffinity.span,
      ...(all ? {} : { severity: 'information' as const }),
      message:
        `irqaffinity=${irqaffinity.value} ${all ? 'sends every device interrupt by default to' : 'includes'} CPU${inside.length === 1 ? '' : 's'} ${formatCpus({ cpus: new Set(inside), open: false })}, ` +
        `which ${written(entry.param)} on ${lineOf(context, entry.param.span.start)} isolates for the guests. Point irqaffinity at the host's own CPUs instead.`,
    });
    return;
  }
}

/** isolcpus=[flags,]list: its flags and its CPUs. */
function splitIsolcpus(value: string): { flags: string[]; cpus: CpuSet | undefined } {
  const flags: string[] = [];
  let rest = value;
  for (let match = /^([A-Za-z_]+),/.exec(rest); match && !/^(all|N)$/i.test(match[1]!); match = /^([A-Za-z_]+),/.exec(rest)) {
    flags.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return { flags, cpus: cpulistCpus(rest) };
}

function sameCpus(a: CpuSet, b: CpuSet): boolean {
  return a.open === b.open && a.cpus.size === b.cpus.size && [...a.cpus].every((cpu) => b.cpus.has(cpu));
}

function written(param: KernelParam): string {
  return param.value === undefined ? param.name : `${param.name}=${param.value}`;
}
