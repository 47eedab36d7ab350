import type { Span } from '../core/span';

/**
 * libvirt's CPU and NUMA node list syntax (cpuset, nodeset, cell cpus): comma-separated ids and
 * ranges, `^N` to take one id out again, `0-10,^5`. A negated range, a reversed range and an empty
 * list are refused by libvirt (virBitmapParse). Source: libvirt formatdomain, CPU Allocation.
 */
export interface CpusetParse {
  /** The ids the list selects, ascending, without duplicates. */
  ids: number[];
  /** Problems with spans relative to the start of the value. */
  problems: { span: Span; message: string }[];
}

/** Ids above this are refused by libvirt (VIR_DOMAIN_CPUMASK_LEN). */
export const MAX_CPU_ID = 16383;

export function parseCpuset(value: string): CpusetParse {
  const plain = plainCpusetIds(value);
  return plain !== undefined ? { ids: plain, problems: [] } : readCpuset(value);
}

/** parseCpuset for any list: entry by entry, with the problems. Exported for the test that plainCpusetIds agrees with it. */
export function readCpuset(value: string): CpusetParse {
  const problems: CpusetParse['problems'] = [];
  const selected = new Set<number>();
  const excluded: number[] = [];
  if (value.trim() === '') {
    return { ids: [], problems: [{ span: { start: 0, end: value.length }, message: 'The list is empty: give ids like 0-3,^2.' }] };
  }
  let offset = 0;
  for (const part of value.split(',')) {
    const span = { start: offset, end: offset + part.length };
    offset += part.length + 1;
    const entry = part.trim();
    const lead = part.length - part.trimStart().length;
    const entrySpan = entry === '' ? span : { start: span.start + lead, end: span.start + lead + entry.length };
    const match = /^(\^)?([0-9]+)(?:-([0-9]+))?$/.exec(entry);
    if (!match) {
      problems.push({
        span: entrySpan,
        message: entry === '' ? 'Empty entry between commas.' : `'${entry}' is not an id, a range like 2-5, or an exclusion like ^3.`,
      });
      continue;
    }
    const first = Number(match[2]);
    const last = match[3] === undefined ? first : Number(match[3]);
    if (match[1] && match[3] !== undefined) {
      problems.push({ span: entrySpan, message: `'${entry}': libvirt excludes single ids only (^${first},^${last}, ...).` });
      continue;
    }
    if (last < first) {
      problems.push({ span: entrySpan, message: `'${entry}' is a reversed range: write ${last}-${first}.` });
      continue;
    }
    if (last > MAX_CPU_ID) {
      problems.push({ span: entrySpan, message: `'${entry}' is beyond the largest id libvirt accepts (${MAX_CPU_ID}).` });
      continue;
    }
    if (match[1]) {
      excluded.push(first);
    } else {
      for (let id = first; id <= last; id++) selected.add(id);
    }
  }
  for (const id of excluded) selected.delete(id);
  if (problems.length === 0 && selected.size === 0) {
    problems.push({ span: { start: 0, end: value.length }, message: 'The list selects no id at all.' });
  }
  return { ids: [...selected].sort((a, b) => a - b), problems };
}

/**
 * The ids of a list in the form nearly every list is written in (`2`, `0-3`, `0-3,8-11`): ids and ranges
 * without blanks or exclusions, each beyond the one before, none reversed or past MAX_CPU_ID. Undefined
 * for any other list, which parseCpuset then reads the long way; for these it gives the same ids, in
 * order, with no problem, without splitting the text or matching each entry.
 */
export function plainCpusetIds(value: string): number[] | undefined {
  const ids: number[] = [];
  let previous = -1;
  // The entry's first id once its '-' is read, and the number being read (-1 before its first digit).
  let first = -1;
  let number = -1;
  for (let i = 0; i <= value.length; i++) {
    // The end of the text closes the last entry as a comma would.
    const c = i < value.length ? value.charCodeAt(i) : 0x2c;
    if (c >= 0x30 && c <= 0x39) {
      number = (number < 0 ? 0 : number * 10) + (c - 0x30);
      if (number > MAX_CPU_ID) return undefined;
    } else if (c === 0x2d && first < 0 && number >= 0) {
      first = number;
      number = -1;
    } else if (c === 0x2c && number >= 0) {
      const from = first < 0 ? number : first;
      if (from <= previous || number < from) return undefined;
      for (let id = from; id <= number; id++) ids.push(id);
      previous = number;
      first = -1;
      number = -1;
    } else {
      return undefined;
    }
  }
  return ids;
}

/** Written as libvirt writes a cpuset; defined with the protocol, which the panel shares. */
export { formatCpuset } from '../protocol';
