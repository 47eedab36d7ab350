import type { Span } from '../../core/span';

export interface CpulistProblem {
  /** Relative to the start of the list. */
  span: Span;
  message: string;
}

const ITEM = /^(?:(all)|([0-9]+|N)(?:-([0-9]+|N)(?::([0-9]+)\/([0-9]+))?)?)$/i;

/**
 * The problems of a cpu list in the kernel's syntax (admin-guide/kernel-parameters.rst, "cpu lists";
 * lib/bitmap's parselist): comma-separated ids and ascending ranges, a range split into groups with
 * `first-last:used/group`, `N` for the last CPU, `all` for every CPU. Unlike libvirt's lists there is
 * no `^` to take an id out again, and no spaces.
 */
export function cpulistProblems(list: string): CpulistProblem[] {
  if (list === '') return [{ span: { start: 0, end: 0 }, message: 'The cpu list is empty.' }];
  const problems: CpulistProblem[] = [];
  let offset = 0;
  for (const item of list.split(',')) {
    const span = { start: offset, end: offset + item.length };
    offset += item.length + 1;
    const problem = itemProblem(item);
    if (problem) problems.push({ span: item === '' ? { start: span.start, end: span.start } : span, message: problem });
  }
  return problems;
}

function itemProblem(item: string): string | undefined {
  if (item === '') return 'Empty entry between commas.';
  if (item.startsWith('^')) return `'${item}': the kernel's cpu lists have no '^' exclusions (that is libvirt's syntax): list only the CPUs you want.`;
  if (/\s/.test(item)) return `'${item}': a cpu list has no spaces.`;
  const match = ITEM.exec(item);
  if (!match) return `'${item}' is not a CPU number, a range like 2-7, a grouped range like 0-15:2/4, N (the last CPU) or all.`;
  if (match[1]) return undefined;
  const first = number(match[2]!);
  const last = match[3] === undefined ? first : number(match[3]);
  if (last < first) return `'${item}' is a reversed range: the kernel wants it ascending.`;
  if (match[4] !== undefined) {
    const used = Number(match[4]);
    const group = Number(match[5]);
    if (group === 0) return `'${item}': the group size after '/' must be at least 1.`;
    if (used > group) return `'${item}': the used size (${used}) cannot be larger than the group size (${group}).`;
  }
  return undefined;
}

/** `N` (the last CPU) is larger than any number written. */
function number(text: string): number {
  return /^n$/i.test(text) ? Number.POSITIVE_INFINITY : Number(text);
}

/** The CPUs of a valid cpu list: a set, or `all` when it reaches to the last CPU (`all`, `N`), whose number is not known here. */
export interface CpuSet {
  cpus: ReadonlySet<number>;
  /** The list runs to the last CPU (`all`, or a range ending in `N`): the host's count decides the rest. */
  open: boolean;
}

/** Lists longer than this many CPUs are not expanded (no host has that many; a typo must not cost memory). */
const MAX_CPUS = 65536;

/** The CPUs a cpu list names, or undefined when it is not a valid list. */
export function cpulistCpus(list: string): CpuSet | undefined {
  if (cpulistProblems(list).length > 0) return undefined;
  const cpus = new Set<number>();
  let open = false;
  for (const item of list.split(',')) {
    const match = ITEM.exec(item)!;
    if (match[1]) {
      cpus.add(0);
      open = true;
      continue;
    }
    const first = match[2]!.toUpperCase() === 'N' ? undefined : Number(match[2]);
    const lastText = match[3] ?? match[2]!;
    const last = lastText.toUpperCase() === 'N' ? undefined : Number(lastText);
    if (last === undefined) open = true;
    if (first === undefined) continue;
    const end = Math.min(last ?? first, first + MAX_CPUS);
    const used = match[4] === undefined ? 1 : Number(match[4]);
    const group = match[5] === undefined ? 1 : Number(match[5]);
    for (let cpu = first; cpu <= end; cpu++) if ((cpu - first) % group < used) cpus.add(cpu);
  }
  return { cpus, open };
}

/** A cpu set written back as a kernel cpu list, ranges joined: `2-5,8`. */
export function formatCpus(set: CpuSet): string {
  const sorted = [...set.cpus].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let index = 0; index < sorted.length; ) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end++;
    parts.push(end === index ? `${sorted[index]}` : `${sorted[index]}-${sorted[end]}`);
    index = end + 1;
  }
  return parts.join(',') + (set.open ? (parts.length > 0 ? ',...' : 'all') : '');
}
