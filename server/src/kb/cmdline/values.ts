import type { Span } from '../../core/span';
import { cpulistProblems } from './cpulist';
import { formatSize, memparse } from './sizes';
import { KERNEL_DOCS_VERSION } from './sources';
import type { KernelEnumValue, KernelParamSpec, KernelValueType, TrailingOptions } from './types';

export interface ValueProblem {
  /** Relative to the start of the value. */
  span: Span;
  message: string;
  /** The kernel reads the value anyway; only its spelling is off. */
  harmless?: boolean;
  /** A value that says the same in the documented spelling (for a harmless problem). */
  rewrite?: string;
  /**
   * Read only by kernels from this version on (TrailingOptions): information, with nothing to fix, as the
   * value is right for those kernels; `message` says what older ones do.
   */
  since?: string;
  /** What may stand at `span` instead, when that is not the spec's keywords (a trailing option). */
  choices?: readonly string[];
  /** The message says already what the kernel does with the value (else the rule adds that it ignores it). */
  effectSaid?: boolean;
}

/** Whether a problem makes the kernel refuse the value: not a spelling it reads anyway, nor a newer kernel's option. */
export function isRefusal(problem: ValueProblem): boolean {
  return !problem.harmless && problem.since === undefined;
}

/** The kernel's kstrtobool: it looks at the first letter or two only. */
export function isKernelBool(value: string): boolean {
  return /^([yYtT1eEnNfF0dD]|[oO][nNfF])/.test(value);
}

/**
 * Why the kernel would not take `value` for `spec`, or nothing when it does. `value` undefined means
 * the parameter was given bare, without `=`.
 */
export function kernelValueProblems(spec: KernelParamSpec, value: string | undefined): ValueProblem[] {
  const type = spec.value;
  if (value === undefined) {
    if (type.kind === 'flag' || spec.valueOptional) return [];
    return [{ span: { start: 0, end: 0 }, message: `${spec.name} needs a value: ${expectedText(type)}.` }];
  }
  return typeProblems(type, value, spec.default);
}

/** `fallback`: the parameter's default, what a kernel that ignores the value keeps. */
function typeProblems(type: KernelValueType, value: string, fallback: string | undefined): ValueProblem[] {
  const whole = { start: 0, end: value.length };
  switch (type.kind) {
    case 'flag':
    case 'string':
      return [];
    case 'enum':
      return (type.trailing && trailingProblems(type.values, type.trailing, value, fallback)) ?? enumProblems(type.values, value, type.list === true, type.alsoBool === true, type.extra?.pattern);
    case 'bool':
      return isKernelBool(value) ? [] : [{ span: whole, message: `'${value}' is not a boolean: ${expectedText(type)}.` }];
    case 'onoff':
      return value === 'on' || value === 'off' ? [] : [{ span: whole, message: `'${value}' is not on or off.` }];
    case 'integer':
      return integerProblems(value, type.min, type.max);
    case 'count':
      return countProblems(value, type.nodes === true);
    case 'size':
      return sizeProblems(value, type.suffixes, type.nodes === true);
    case 'cpulist':
      return cpulistProblems(value);
    case 'flaggedCpulist':
      return flaggedCpulistProblems(value, type.flags);
    case 'pattern':
      return type.pattern.test(value) ? [] : [{ span: whole, message: `'${value}' is not ${type.expected}.` }];
  }
}

function enumProblems(values: readonly KernelEnumValue[], value: string, list: boolean, alsoBool: boolean, extra: RegExp | undefined): ValueProblem[] {
  const known = (option: string) => values.some((entry) => entry.value === option) || (alsoBool && isKernelBool(option)) || (extra?.test(option) ?? false);
  const choices = values.map((entry) => entry.value).join(', ');
  if (!list) {
    if (known(value)) return [];
    if (value.includes(',') && value.split(',').every(known)) {
      return [{ span: { start: 0, end: value.length }, message: `the kernel compares the whole value with each keyword (${choices}), so '${value}' matches none. Give one keyword per copy of the parameter.` }];
    }
    return [{ span: { start: 0, end: value.length }, message: `'${value}' is not one of ${choices}.` }];
  }
  const problems: ValueProblem[] = [];
  // Each option judged once: a list repeating one wrong option 180,000 times (a fuzzer's case) made a message per copy.
  const verdicts = new Map<string, string | null>();
  let offset = 0;
  for (const option of value.split(',')) {
    const span = { start: offset, end: offset + option.length };
    offset += option.length + 1;
    if (option === '') {
      problems.push({ span, message: 'Empty option between commas.' });
      continue;
    }
    let message = verdicts.get(option);
    if (message === undefined) verdicts.set(option, (message = known(option) ? null : `'${option}' is not an option here: ${choices}.`));
    if (message !== null) problems.push({ span, message });
  }
  return problems;
}

/**
 * The problems of a value that goes on past a keyword with options a newer kernel reads (TrailingOptions),
 * read as that kernel reads it: the longest keyword the value starts with (none is allowed), then a comma
 * and the options. Undefined when no word after the keyword is one of the options (a keyword alone, words
 * that are all keywords, a misspelt keyword): enumProblems judges the value then, and offers keywords.
 */
function trailingProblems(keywords: readonly KernelEnumValue[], trailing: TrailingOptions, value: string, fallback: string | undefined): ValueProblem[] | undefined {
  // The longest keyword the value starts with: the kernel's table lists `auto,nosmt` before `auto`.
  let keyword = '';
  for (const entry of keywords) if (entry.value.length > keyword.length && value.startsWith(entry.value)) keyword = entry.value;
  const rest = value.slice(keyword.length);
  if (rest === '' || !rest.startsWith(',')) return undefined;
  const words = rest.slice(1).split(',');
  const optionNames = trailing.options.map((entry) => entry.value);
  if (!words.some((word) => optionNames.includes(word))) return undefined;
  const readers = `Linux ${trailing.since} and later`;
  const arch = trailing.arch.join(', ');
  let offset = keyword.length + 1;
  for (const word of words) {
    const span = { start: offset, end: offset + word.length };
    offset += word.length + 1;
    if (optionNames.includes(word)) continue;
    // The newer kernel stops at the first option it does not know; the older one ignores the whole value.
    const what = word === '' ? 'An empty option' : `'${word}'`;
    return [
      {
        span,
        message: `${what} is not an option ${readers} read after the keyword (on ${arch}): ${optionNames.join(', ')}. Those kernels stop at it, with the options before it applied; older kernels ignore the whole value.`,
        choices: optionNames,
        effectSaid: true,
      },
    ];
  }
  // Each option once: a value repeating one (a fuzzer's megabytes) must not make a message as long.
  const named = [...new Set(words)].join(', ');
  return [
    {
      span: { start: keyword.length + 1, end: value.length },
      message:
        `${named}: read by ${readers}, on ${arch} only. Older kernels (Linux ${KERNEL_DOCS_VERSION}, whose documentation virt-tune follows, among them) ` +
        `ignore the whole value and keep ${fallback === undefined ? 'their default' : `the default, ${fallback}`}; other architectures read only the keyword.`,
      since: trailing.since,
      effectSaid: true,
    },
  ];
}

function integerProblems(value: string, min: number | undefined, max: number | undefined): ValueProblem[] {
  const span = { start: 0, end: value.length };
  if (!/^[0-9]+$/.test(value)) return [{ span, message: `'${value}' is not a whole number.` }];
  const number = BigInt(value);
  if (min !== undefined && number < BigInt(min)) return [{ span, message: `${value} is below ${min}.` }];
  if (max !== undefined && number > BigInt(max)) return [{ span, message: `${value} is above ${max}.` }];
  return [];
}

function countProblems(value: string, nodes: boolean): ValueProblem[] {
  if (/^[0-9]+$/.test(value)) return [];
  if (nodes && /^[0-9]+:[0-9]+(,[0-9]+:[0-9]+)*$/.test(value)) return [];
  const expected = nodes ? 'a count, or counts per NUMA node like 0:4,1:4' : 'a count';
  return [{ span: { start: 0, end: value.length }, message: `'${value}' is not ${expected}.` }];
}

function sizeProblems(value: string, suffixes: string, nodes: boolean): ValueProblem[] {
  if (nodes && value.includes(':')) {
    const problems: ValueProblem[] = [];
    let offset = 0;
    for (const entry of value.split(',')) {
      const colon = entry.indexOf(':');
      const start = offset + colon + 1;
      offset += entry.length + 1;
      if (colon < 0 || !/^[0-9]+$/.test(entry.slice(0, colon))) {
        problems.push({ span: { start: start - colon - 1, end: start - colon - 1 + entry.length }, message: `'${entry}' is not <node>:<size>.` });
        continue;
      }
      problems.push(...sizeProblems(entry.slice(colon + 1), suffixes, false).map((problem) => shift(problem, start)));
    }
    return problems;
  }
  const parsed = memparse(value);
  const span = { start: 0, end: value.length };
  const format = `a size such as 2M or 1G (a number and one of ${suffixes.split('').join(', ')})`;
  if (!parsed) return [{ span, message: `'${value}' is not ${format}.` }];
  if (parsed.length === value.length) return [];
  const read = value.slice(0, parsed.length);
  const rest = value.slice(parsed.length);
  if (/^[KMGTPE]$/i.test(read.slice(-1)) && /^(i?B)$/i.test(rest)) {
    return [
      {
        span: { start: parsed.length, end: value.length },
        message: `The kernel reads '${read}' and ignores '${rest}': write ${formatSize(parsed.bytes)}, the documented form.`,
        harmless: true,
        rewrite: formatSize(parsed.bytes),
      },
    ];
  }
  return [{ span: { start: parsed.length, end: value.length }, message: `'${value}' is not ${format}: the kernel would read '${read}' and stop at '${rest}'.` }];
}

function flaggedCpulistProblems(value: string, flags: readonly KernelEnumValue[]): ValueProblem[] {
  const problems: ValueProblem[] = [];
  let offset = 0;
  let rest = value;
  // Flags are words before the cpu list; `all` and `N` begin a list, not a flag.
  for (let match = /^([A-Za-z_]+),/.exec(rest); match && !/^(all|N)$/i.test(match[1]!); match = /^([A-Za-z_]+),/.exec(rest)) {
    const flag = match[1]!;
    if (!flags.some((entry) => entry.value === flag)) {
      problems.push({ span: { start: offset, end: offset + flag.length }, message: `'${flag}' is not a flag here: ${flags.map((entry) => entry.value).join(', ')}.` });
    }
    offset += match[0].length;
    rest = rest.slice(match[0].length);
  }
  if (problems.length > 0) return problems;
  if (rest === '' && offset > 0) return [{ span: { start: offset, end: offset }, message: 'The flags must be followed by a cpu list.' }];
  if (/^[A-Za-z_]+$/.test(rest) && !/^(all|N)$/i.test(rest)) {
    const known = flags.some((entry) => entry.value === rest);
    return [{ span: { start: offset, end: value.length }, message: known ? `'${rest}' needs a cpu list after it: ${rest},2-7.` : `'${rest}' is neither a flag (${flags.map((entry) => entry.value).join(', ')}) nor a cpu list.` }];
  }
  return cpulistProblems(rest).map((problem) => shift(problem, offset));
}

function shift<T extends { span: Span }>(problem: T, by: number): T {
  return { ...problem, span: { start: problem.span.start + by, end: problem.span.end + by } };
}

/** What a type accepts, in words, for messages. */
export function expectedText(type: KernelValueType): string {
  switch (type.kind) {
    case 'flag':
      return 'no value';
    case 'enum':
      return `${type.list ? 'options among' : 'one of'} ${type.values.map((entry) => entry.value).join(', ')}`;
    case 'bool':
      return `${(type.spellings ?? ['1', '0']).join(' or ')} (the kernel also reads y/n, on/off)`;
    case 'onoff':
      return 'on or off';
    case 'integer':
      return 'a whole number';
    case 'count':
      return type.nodes ? 'a count, or counts per node like 0:4,1:4' : 'a count';
    case 'size':
      return 'a size such as 2M or 1G';
    case 'cpulist':
      return 'a cpu list such as 2-7,10-15';
    case 'flaggedCpulist':
      return `optional flags (${type.flags.map((entry) => entry.value).join(', ')}) and a cpu list, such as domain,2-7`;
    case 'pattern':
      return type.expected;
    case 'string':
      return 'a value';
  }
}
