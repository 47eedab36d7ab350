import { closestNames } from '../../core/similarity';
import type { FixSpec } from '../../core/types';
import { kernelParam, type KernelParamSpec } from '../../kb/cmdline';
import { KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import { kernelValueProblems, type ValueProblem } from '../../kb/cmdline/values';
import type { KernelParam } from '../types';
import { knownParams, type CmdlineRule } from './context';
import { valueFileSpan } from './spans';

/**
 * Values written the way the run-time files take them, and what the boot parameter wants instead:
 * /proc/sys/kernel/numa_balancing takes 0 and 1, the parameter enable and disable.
 */
const SAME_MEANING: Record<string, Record<string, string>> = {
  numa_balancing: { '0': 'disable', '1': 'enable', off: 'disable', on: 'enable', disabled: 'disable', enabled: 'enable' },
  transparent_hugepage: { '0': 'never', off: 'never', disable: 'never', disabled: 'never', '1': 'always', on: 'always', enable: 'always', enabled: 'always' },
};

/**
 * VT301: a value the kernel does not take. The kernel logs a line and goes on with its default, so the
 * setting is lost at every boot without a word on the console: an error. A size the kernel reads but
 * spells differently than its documentation (`1GB`) is only information.
 */
export const invalidValue: CmdlineRule = {
  meta: {
    code: 'VT301',
    name: 'invalid-parameter-value',
    title: 'Kernel parameter values must be ones the kernel accepts',
    severity: 'error',
    sources: [KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO],
    fixable: true,
  },
  check(context, report) {
    for (const line of context.lines) {
      for (const param of knownParams(line)) {
        const spec = kernelParam(param.name);
        if (!spec) continue;
        for (const problem of kernelValueProblems(spec, param.value)) {
          const span = param.valueOffsets ? valueFileSpan(param, problem.span) : param.nameSpan;
          report({
            span,
            message: messageFor(spec, param, problem),
            ...(problem.harmless ? { severity: 'information' as const } : {}),
            fixes: fixesFor(spec, param, problem),
          });
        }
      }
    }
  },
};

function messageFor(spec: KernelParamSpec, param: KernelParam, problem: ValueProblem): string {
  if (problem.harmless || param.value === undefined) return problem.message;
  const alias = SAME_MEANING[spec.name]?.[param.value];
  const instead = alias ? ` Write ${spec.name}=${alias} for the same meaning.` : '';
  return `${spec.name}=${param.value}: ${problem.message} The kernel ignores it and keeps its default.${instead}`;
}

function fixesFor(spec: KernelParamSpec, param: KernelParam, problem: ValueProblem): FixSpec[] {
  if (!param.valueOffsets || param.value === undefined) return [];
  const span = valueFileSpan(param, problem.span);
  if (problem.rewrite !== undefined) {
    const whole = valueFileSpan(param, { start: 0, end: param.value.length });
    return [{ title: `Write ${spec.name}=${problem.rewrite}`, edits: [{ span: whole, newText: problem.rewrite }], isPreferred: true }];
  }
  const choices = enumChoices(spec);
  if (choices.length === 0) return [];
  const written = param.value.slice(problem.span.start, problem.span.end);
  const alias = problem.span.start === 0 && problem.span.end === param.value.length ? SAME_MEANING[spec.name]?.[param.value] : undefined;
  const suggestions = alias ? [alias] : closestNames(written, choices);
  return suggestions.map((choice) => ({ title: `Change '${written}' to '${choice}'`, edits: [{ span, newText: choice }] }));
}

function enumChoices(spec: KernelParamSpec): string[] {
  const type = spec.value;
  if (type.kind === 'enum') return type.values.map((entry) => entry.value);
  if (type.kind === 'flaggedCpulist') return type.flags.map((entry) => entry.value);
  if (type.kind === 'onoff') return ['on', 'off'];
  return [];
}
