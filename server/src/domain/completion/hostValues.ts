import { formatCpuset } from '../../kb/cpuset';
import { memoryUnit } from '../../kb/units';
import { attributeValue } from '../../xml/query';
import type { XmlElement } from '../../xml/types';
import { availablePages, onlineCpus, supportedPageSizes } from '../../host/queries';
import { pageSizeLabel, roundedKiB } from '../../host/sizes';
import type { HostCpu, HostModel } from '../../host/types';
import type { ValueChoice } from './valueChoices';

const CPUSET_PATHS: ReadonlySet<string> = new Set([
  'domain/vcpu',
  'domain/cputune/vcpupin',
  'domain/cputune/emulatorpin',
  'domain/cputune/iothreadpin',
]);
const NODESET_PATHS: ReadonlySet<string> = new Set(['domain/numatune/memory', 'domain/numatune/memnode']);
/** A big host has hundreds of CPUs: single CPUs are offered up to this many, nodes and cores always. */
const MAX_SINGLE_CPUS = 256;

/**
 * Values taken from the host the guest will run on: host CPU lists per node and per core for
 * cpusets (`1,3,5,7` "node 1"), host nodes for numatune nodesets, and the huge page sizes the host
 * has for `<page size>`, in the page's unit. Empty without a host.
 */
export function hostValueChoices(host: HostModel | undefined, elementPath: string, name: string, element: XmlElement | undefined): ValueChoice[] {
  if (!host) return [];
  if (name === 'cpuset' && CPUSET_PATHS.has(elementPath)) return cpusetChoices(host);
  if (name === 'nodeset' && NODESET_PATHS.has(elementPath)) return nodesetChoices(host);
  if (name === 'size' && elementPath === 'domain/memoryBacking/hugepages/page') return pageSizeChoices(host, element && attributeValue(element, 'unit'));
  return [];
}

function cpusetChoices(host: HostModel): ValueChoice[] {
  const online = onlineCpus(host);
  const choices: ValueChoice[] = [];
  for (const node of host.nodes) {
    const cpus = online.filter((cpu) => cpu.node === node.id).map((cpu) => cpu.id);
    if (cpus.length > 0) choices.push(choice(formatCpuset(cpus), `node ${node.id}: all its online CPUs`));
  }
  const cores = new Map<string, HostCpu[]>();
  for (const cpu of online) {
    if (cpu.siblings.length < 2) continue;
    const key = formatCpuset(cpu.siblings);
    cores.set(key, [...(cores.get(key) ?? []), cpu]);
  }
  for (const [siblings, cpus] of cores) choices.push(choice(siblings, `${where(cpus[0]!)}: the threads of one core`));
  if (online.length <= MAX_SINGLE_CPUS) for (const cpu of online) choices.push(choice(String(cpu.id), where(cpu)));
  return unique(choices);
}

function nodesetChoices(host: HostModel): ValueChoice[] {
  const choices = host.nodes.map((node) => {
    const memory = node.memTotalKiB === null ? '' : `, ${node.memFreeKiB === null ? '' : `${roundedKiB(node.memFreeKiB)} free of `}${roundedKiB(node.memTotalKiB)}`;
    return choice(String(node.id), `host node ${node.id}: CPUs ${node.cpus.length > 0 ? formatCpuset(node.cpus) : 'none'}${memory}`);
  });
  if (host.nodes.length > 1) choices.push(choice(formatCpuset(host.nodes.map((node) => node.id)), 'every host node'));
  return choices;
}

function pageSizeChoices(host: HostModel, unitName: string | undefined): ValueChoice[] {
  const unit = memoryUnit(unitName ?? 'KiB');
  if (!unit) return [];
  const unitKiB = unit.bytes / 1024;
  return (supportedPageSizes(host) ?? []).flatMap((sizeKiB) => {
    const value = sizeKiB / unitKiB;
    if (!Number.isInteger(value) || value < 1) return [];
    const pages = availablePages(host, sizeKiB);
    const count = pages ? ` (${pages.count} ${pages.kind === 'free' ? 'free' : 'in all'} on the host)` : '';
    return [choice(String(value), `${pageSizeLabel(sizeKiB)} pages${count}`)];
  });
}

function where(cpu: HostCpu): string {
  const parts = [cpu.node === null ? undefined : `node ${cpu.node}`, cpu.socket === null ? undefined : `socket ${cpu.socket}`, cpu.core === null ? undefined : `core ${cpu.core}`];
  return `CPU ${cpu.id}: ${parts.filter((part) => part !== undefined).join(', ') || 'host CPU'}`;
}

function choice(value: string, detail: string): ValueChoice {
  return { value, detail, about: undefined, doc: undefined, kind: 'id' };
}

/** The first of each value (a one-CPU node and that CPU give the same list). */
function unique(choices: ValueChoice[]): ValueChoice[] {
  const seen = new Set<string>();
  return choices.filter((entry) => !seen.has(entry.value) && seen.add(entry.value));
}
