import { closestNames } from '../../core/similarity';
import type { Span } from '../../core/span';
import type { FixSpec, Report } from '../../core/types';
import { kernelParam, type KernelParamSpec } from '../../kb/cmdline';
import { KERNEL_PARAMETERS, KERNEL_PARAMETERS_INTRO } from '../../kb/cmdline/sources';
import { isRefusal, kernelValueProblems, type ValueProblem } from '../../kb/cmdline/values';
import { moduleRefusal } from './moduleRefusal';
import type { KernelParam } from '../types';
import { knownParams, type CmdlineRule } from './context';
import { valueFileSpan } from './spans';
import { ownValue } from '../../core/ownValue';

/**
 * Values written the way the run-time files take them, and what the boot parameter wants instead:
 * /proc/sys/kernel/numa_balancing takes 0 and 1, the parameter enable and disable.
 */
const SAME_MEANING: Record<string, Record<string, string>> = {
  numa_balancing: { '0': 'disable', '1': 'enable', off: 'disable', on: 'enable', disabled: 'disable', enabled: 'enable' },
  transparent_hugepage: { '0': 'never', off: 'never', disable: 'never', disabled: 'never', '1': 'always', on: 'always', enable: 'always', enabled: 'always' },
};

/** The value of the same meaning the kernel reads for one it does not (SAME_MEANING), if any. */
function sameMeaning(name: string, value: string): string | undefined {
  const values = ownValue(SAME_MEANING, name);
  return values && ownValue(values, value);
}

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
    const judgedBySpec = new Map<KernelParamSpec, SpecJudged>();
    for (const line of context.lines) {
      // The last copy of each parameter (but an accumulating one) whose value the kernel took: a refused
      // value leaves that one in force, not the default.
      const taken = new Map<KernelParamSpec, KernelParam>();
      for (const param of knownParams(line)) {
        const spec = kernelParam(param.name);
        if (!spec) continue;
        let judged = judgedBySpec.get(spec);
        if (!judged) judgedBySpec.set(spec, (judged = { byValue: new Map(), suggestions: new Map() }));
        const { problems, messages } = valueJudged(spec, param, judged);
        const refused = problems.some(isRefusal);
        if (!refused && spec.repeat !== 'accumulate' && spec.refusedKeepsEarlier) taken.set(spec, param);
        const before = refused ? taken.get(spec) : undefined;
        for (let index = 0; index < problems.length; index++) {
          const problem = problems[index]!;
          const span = param.valueOffsets ? valueFileSpan(param, problem.span) : param.nameSpan;
          const message = before && isRefusal(problem) && !problem.effectSaid ? messageFor(spec, param, problem, before) : messages[index]!;
          const found: Report = { span, message, fixes: fixesFor(spec, param, problem, span, judged.suggestions) };
          if (!isRefusal(problem)) found.severity = 'information';
          report(found);
        }
      }
    }
  },
};

/**
 * What is known of one parameter's values: the problems and messages of each value met lately (up to
 * VALUES_KEPT of them), and the choices closest to each wrong word. A line of 200,000 copies of one
 * parameter judged its value and made its messages, half a dozen strings kept with each finding, for
 * each copy; and a list of 180,000 copies of one wrong option (a fuzzer's 720 KB iommu= value) searched
 * the choices for each.
 */
interface SpecJudged {
  byValue: Map<string | undefined, ValueJudged>;
  suggestions: Map<string, string[]>;
}

interface ValueJudged {
  problems: readonly ValueProblem[];
  /** Each problem's message, by its index. */
  messages: readonly string[];
}

/** Values (and wrong words) remembered per parameter: a line of more different ones gains nothing from a larger Map. */
const VALUES_KEPT = 256;

function valueJudged(spec: KernelParamSpec, param: KernelParam, judged: SpecJudged): ValueJudged {
  const known = judged.byValue.get(param.value);
  if (known) return known;
  const problems = kernelValueProblems(spec, param.value);
  // Problems with the same words share one message.
  const byMessage = new Map<string, string>();
  const messages = problems.map((problem) => {
    let message = problem.harmless ? problem.message : byMessage.get(problem.message);
    if (message === undefined) byMessage.set(problem.message, (message = messageFor(spec, param, problem)));
    return message;
  });
  const made = { problems, messages };
  keep(judged.byValue, param.value, made);
  return made;
}

/** Remembers one more answer; a Map full of them starts again, so what repeats now is still found. */
function keep<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= VALUES_KEPT) map.clear();
  map.set(key, value);
}

/** `before`: an earlier copy on the same line whose value the kernel took, which then stays in force. */
function messageFor(spec: KernelParamSpec, param: KernelParam, problem: ValueProblem, before?: KernelParam): string {
  if (problem.harmless || param.value === undefined) return problem.message;
  if (problem.effectSaid) return `${spec.name}=${shown(param.value)}: ${problem.message}`;
  const alias = sameMeaning(spec.name, param.value);
  const instead = alias ? ` Write ${spec.name}=${alias} for the same meaning.` : '';
  return `${spec.name}=${shown(param.value)}: ${problem.message} ${refusedMeans(spec, before)}${instead}`;
}

/** What a refused value does: what stays in force (`before`, else the default), or what the module does (moduleRefusal). */
function refusedMeans(spec: KernelParamSpec, before: KernelParam | undefined): string {
  if (spec.refusedDoes) return spec.refusedDoes;
  const stays = before ? `${before.name}${before.value === undefined ? '' : `=${shown(before.value)}`} given before it stays in force` : undefined;
  const module = spec.loadableModule;
  if (!module) return stays ? `The kernel ignores it: ${stays}.` : 'The kernel ignores it and keeps its default.';
  return moduleRefusal(module, 'the module refuses the value and does not load at all', 'Invalid argument', `built into the kernel, the kernel logs the value as invalid and ${stays ?? 'the option keeps its default'}.`);
}

/** How much of a value the message of each of its problems repeats. */
const SHOWN_VALUE = 60;

/**
 * The value as each of its problems' messages shows it: cut when long. A list has a problem per bad
 * option, and each repeating the whole list made the messages grow with the square of its length
 * (a 90 KB iommu= list: 2 GB of messages, more than the server can send).
 */
function shown(value: string): string {
  if (value.length <= SHOWN_VALUE) return value;
  // Not between the two halves of an astral character.
  const cut = isHighSurrogate(value.charCodeAt(SHOWN_VALUE - 1)) ? SHOWN_VALUE - 1 : SHOWN_VALUE;
  return `${value.slice(0, cut)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

const NO_FIXES: FixSpec[] = [];

/** The fixes of one problem at `span`, its place in the file (`suggestionsByWord` is the parameter's). */
function fixesFor(spec: KernelParamSpec, param: KernelParam, problem: ValueProblem, span: Span, suggestionsByWord: Map<string, string[]>): FixSpec[] {
  if (!param.valueOffsets || param.value === undefined) return [];
  // Right for the kernels that read it: nothing to change.
  if (problem.since !== undefined) return NO_FIXES;
  if (problem.rewrite !== undefined) {
    const whole = valueFileSpan(param, { start: 0, end: param.value.length });
    return [{ title: `Write ${spec.name}=${problem.rewrite}`, edits: [{ span: whole, newText: problem.rewrite }], isPreferred: true }];
  }
  const choices = problem.choices ?? enumChoices(spec);
  if (choices.length === 0) return [];
  const written = param.value.slice(problem.span.start, problem.span.end);
  const alias = problem.span.start === 0 && problem.span.end === param.value.length ? sameMeaning(spec.name, param.value) : undefined;
  // A word is looked up among the keywords or among the options after them: remembered apart.
  const asked = problem.choices ? `,${written}` : written;
  let suggestions = alias ? [alias] : suggestionsByWord.get(asked);
  if (!suggestions) keep(suggestionsByWord, asked, (suggestions = closestNames(written, choices)));
  if (suggestions.length === 0) return NO_FIXES;
  return suggestions.map((choice) => ({ title: `Change '${written}' to '${choice}'`, edits: [{ span, newText: choice }] }));
}

function enumChoices(spec: KernelParamSpec): string[] {
  const type = spec.value;
  if (type.kind === 'enum') return type.values.map((entry) => entry.value);
  if (type.kind === 'flaggedCpulist') return type.flags.map((entry) => entry.value);
  if (type.kind === 'onoff') return ['on', 'off'];
  return [];
}
