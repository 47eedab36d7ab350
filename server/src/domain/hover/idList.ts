import { parseCpuset } from '../../kb/cpuset';

const MAX_LISTED = 64;

/**
 * What the ids of a CPU or node list stand for. The syntax is the same everywhere; the meaning
 * depends on the attribute: a `cpuset` names host CPUs, a cell's `cpus` guest vCPUs, a hugepage
 * `nodeset` guest NUMA nodes and numatune's `nodeset` host NUMA nodes (libvirt formatdomain).
 */
function idsNoun(elementPath: string, attributeName: string, kind: 'cpuset' | 'nodeset'): string {
  if (kind === 'nodeset') {
    return elementPath.startsWith('domain/memoryBacking/') ? 'guest NUMA nodes' : 'host NUMA nodes';
  }
  if (attributeName === 'cpuset') return 'host CPUs';
  if (attributeName === 'cpus' || attributeName === 'vcpus') return 'vCPUs';
  return 'CPUs';
}

/** `Selects host CPUs 1, 3, 4 (3 in all).`, or what keeps the list from parsing. */
export function idListMarkdown(elementPath: string, attributeName: string, kind: 'cpuset' | 'nodeset', value: string): string {
  const noun = idsNoun(elementPath, attributeName, kind);
  const parse = parseCpuset(value);
  if (parse.problems.length > 0) {
    return `\`${value}\` is not a valid list of ${noun}: ${parse.problems.map((problem) => problem.message).join(' ')}`;
  }
  const ids = parse.ids;
  const shown = ids.length > MAX_LISTED ? [...ids.slice(0, MAX_LISTED - 1), '…', ids[ids.length - 1]] : ids;
  return `Selects ${noun} ${shown.join(', ')} (${ids.length} in all).`;
}
