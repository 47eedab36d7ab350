import { parseUnsigned } from '../core/numbers';
import { toKiB } from '../kb/units';
import { parseXml } from '../xml/parser';
import { attributeValue, childElements, elementText, firstChild } from '../xml/query';
import type { XmlElement } from '../xml/types';
import { HostLoadError } from './errors';
import { hostFingerprint } from './fingerprint';
import { byId, kernelIdList } from './idLists';
import type { HostCpu, HostModel, HostNode, HugePageCount } from './types';

/**
 * A host from `virsh capabilities` XML, for a host the user cannot open: NUMA cells with their
 * memory, page counts, distances and CPUs (socket, core, siblings). libvirt writes only the id of an
 * offline CPU, so a CPU without siblings counts as offline. Capabilities say nothing of free memory,
 * free pages, KSM, THP or PCI devices: those stay unknown.
 */
export function readCapabilitiesHost(text: string, source: string): HostModel {
  const xml = parseXml(text);
  if (xml.root?.name !== 'capabilities') throw new HostLoadError(`${source} is not virsh capabilities XML (its root is not <capabilities>)`);
  // A <capabilities> without <host> is a host with nothing known, not an error.
  const host = firstChild(xml.root, 'host');
  const hostCpu = host && firstChild(host, 'cpu');
  const supportedKiB = (hostCpu ? childElements(hostCpu, 'pages') : []).flatMap((pages) => pageSize(pages) ?? []);
  // The first and smallest size libvirt lists is the ordinary page (4 KiB on x86), not a huge one.
  const basePageKiB = supportedKiB.length > 0 ? Math.min(...supportedKiB) : 4;
  const topology = host && firstChild(host, 'topology');
  const cells = topology ? firstChild(topology, 'cells') : undefined;
  const cellElements = cells ? childElements(cells, 'cell') : [];
  const nodes: HostNode[] = [];
  const cpus: HostCpu[] = [];
  cellElements.forEach((cell, index) => {
    const id = parseUnsigned(attributeValue(cell, 'id')) ?? index;
    const cellCpus = cellCpuElements(cell).map((cpu) => readCpu(cpu, id)).filter((cpu): cpu is HostCpu => cpu !== undefined);
    cpus.push(...cellCpus);
    nodes.push({
      id,
      cpus: cellCpus.map((cpu) => cpu.id).sort((a, b) => a - b),
      memTotalKiB: sizeKiB(firstChild(cell, 'memory')),
      memFreeKiB: null,
      hugepages: childElements(cell, 'pages').flatMap((pages) => hugePageCount(pages, basePageKiB) ?? []).sort(bySize),
      distances: distances(cell),
    });
  });
  const model: Omit<HostModel, 'fingerprint'> = {
    source: `capabilities ${source}`,
    nodes: nodes.sort(byId),
    numa: nodes.length > 0,
    cpus: cpus.sort(byId),
    hugepages: hostHugePages(supportedKiB, basePageKiB, nodes),
    defaultHugepageKiB: null,
    ksm: null,
    thp: null,
    pci: [],
    meminfo: {},
    cmdline: null,
    gaps: [],
  };
  return { ...model, fingerprint: hostFingerprint(model) };
}

function cellCpuElements(cell: XmlElement): XmlElement[] {
  const cpus = firstChild(cell, 'cpus');
  return cpus ? childElements(cpus, 'cpu') : [];
}

function readCpu(element: XmlElement, node: number): HostCpu | undefined {
  const id = parseUnsigned(attributeValue(element, 'id'));
  if (id === undefined) return undefined;
  const siblings = kernelIdList(attributeValue(element, 'siblings'));
  return {
    id,
    node,
    socket: parseUnsigned(attributeValue(element, 'socket_id')) ?? null,
    core: parseUnsigned(attributeValue(element, 'core_id')) ?? null,
    siblings: siblings ?? [],
    online: siblings !== undefined,
  };
}

function pageSize(pages: XmlElement): number | undefined {
  const size = parseUnsigned(attributeValue(pages, 'size'));
  return size === undefined ? undefined : toKiB(size, attributeValue(pages, 'unit') ?? 'KiB');
}

function hugePageCount(pages: XmlElement, basePageKiB: number): HugePageCount | undefined {
  const sizeKiB = pageSize(pages);
  if (sizeKiB === undefined || sizeKiB <= basePageKiB) return undefined;
  return { sizeKiB, total: parseUnsigned(elementText(pages)?.value) ?? null, free: null, surplus: null };
}

function sizeKiB(element: XmlElement | undefined): number | null {
  const value = element && parseUnsigned(elementText(element)?.value);
  if (value === undefined || !element) return null;
  return toKiB(value, attributeValue(element, 'unit') ?? 'KiB') ?? null;
}

function distances(cell: XmlElement): number[] {
  const holder = firstChild(cell, 'distances');
  const siblings = holder ? childElements(holder, 'sibling') : [];
  return siblings
    .map((sibling) => ({ id: parseUnsigned(attributeValue(sibling, 'id')), value: parseUnsigned(attributeValue(sibling, 'value')) }))
    .filter((entry): entry is { id: number; value: number } => entry.id !== undefined && entry.value !== undefined)
    .sort((a, b) => a.id - b.id)
    .map((entry) => entry.value);
}

/** Host-wide counts per size: every huge size libvirt says the CPU supports, with the cells' totals added up. */
function hostHugePages(supportedKiB: number[], basePageKiB: number, nodes: HostNode[]): HugePageCount[] {
  const sizes = new Set([...supportedKiB.filter((size) => size > basePageKiB), ...nodes.flatMap((node) => node.hugepages.map((pages) => pages.sizeKiB))]);
  return [...sizes].sort((a, b) => a - b).map((sizeKiB) => {
    const counts = nodes.map((node) => node.hugepages.find((pages) => pages.sizeKiB === sizeKiB)?.total);
    const known = counts.every((count) => count !== undefined && count !== null);
    return { sizeKiB, total: known && counts.length > 0 ? counts.reduce<number>((sum, count) => sum + (count ?? 0), 0) : null, free: null, surplus: null };
  });
}

function bySize(a: HugePageCount, b: HugePageCount): number {
  return a.sizeKiB - b.sizeKiB;
}
