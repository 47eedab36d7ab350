import { identity } from '../cmdline/mappedText';
import { tokenize } from '../cmdline/tokenize';
import { parseCpuset } from '../kb/cpuset';

/**
 * The host CPUs a kernel command line keeps from the general scheduler: `isolcpus=` (its leading
 * flags such as `managed_irq,` or `domain,` set aside) and `nohz_full=` (kernel-parameters.txt). Lists
 * that do not parse are left out; the cmdline rules report them.
 */
export function isolatedCpus(cmdline: string): number[] {
  const { params } = tokenize(identity(cmdline, { start: 0, end: cmdline.length }));
  const cpus = new Set<number>();
  for (const param of params) {
    if (param.value === undefined || param.dynamic) continue;
    let list: string | undefined;
    if (param.name === 'isolcpus') list = param.value.replace(/^([a-z_]+,)*/, '');
    else if (param.name === 'nohz_full') list = param.value;
    if (list === undefined) continue;
    const parse = parseCpuset(list);
    if (parse.problems.length === 0) for (const id of parse.ids) cpus.add(id);
  }
  return [...cpus].sort((a, b) => a - b);
}
