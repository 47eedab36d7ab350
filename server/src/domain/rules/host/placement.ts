import { parseCpuset } from '../../../kb/cpuset';
import { attribute, childElements } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { XmlAttribute, XmlDocument } from '../../../xml/types';
import type { DomainModel, IdSet } from '../../model';
import type { DomainRuleContext } from '../context';
import { cleanIds, maxVcpus, soundAttribute } from '../guest';
import type { HostModel } from '../../../host/types';
import { nodesOfCpus } from '../../../host/queries';

/** Where the guest asks for host CPUs and nodes: what the host-aware rules compare with the host. */

/** A host CPU list written soundly in the domain: a pin, the vCPU default set, an iothread pin. */
export interface CpuList {
  /** `<vcpupin vcpu='2'>`, `<emulatorpin>`, `<vcpu cpuset>`, `<iothreadpin iothread='1'>`. */
  label: string;
  attribute: XmlAttribute & { valueSpan: Span };
  ids: number[];
}

/** Every host CPU list of the domain, in document order of kind: vcpu cpuset, vcpupins, emulatorpin, iothreadpins. */
export function cpuLists(context: DomainRuleContext): CpuList[] {
  return cpuListsOf(context.xml, context.model);
}

/** cpuLists of any domain's tree and model (another guest's too). */
export function cpuListsOf(xml: XmlDocument, model: DomainModel): CpuList[] {
  const lists: CpuList[] = [];
  const add = (label: string, set: IdSet | undefined) => {
    const ids = cleanIds(xml, set);
    if (ids && set && soundAttribute(xml, set.attribute)) lists.push({ label, attribute: set.attribute, ids });
  };
  // With placement='auto' libvirt ignores the cpuset (VT137 says so).
  if (model.vcpu?.placement !== 'auto') add('<vcpu cpuset>', model.vcpu?.cpuset);
  for (const pin of model.cputune?.vcpupins ?? []) add(`<vcpupin vcpu='${pin.vcpu ?? '?'}'>`, pin.cpuset);
  add('<emulatorpin>', model.cputune?.emulatorpin?.cpuset);
  const cputune = model.cputune?.element;
  for (const pin of cputune ? childElements(cputune, 'iothreadpin') : []) {
    const found = attribute(pin, 'cpuset');
    if (found?.value !== undefined) add(`<iothreadpin iothread='${attribute(pin, 'iothread')?.value ?? '?'}'>`, { attribute: found, parse: parseCpuset(found.value) });
  }
  return lists;
}

/**
 * The host CPUs the vCPUs are pinned to: each vCPU's own pin, and `<vcpu cpuset>` for the vCPUs
 * without one. vCPUs with neither float over the whole host and add nothing. Undefined when no vCPU
 * is pinned at all.
 */
export function vcpuHostCpus(xml: XmlDocument, model: DomainModel): number[] | undefined {
  const count = maxVcpus(model);
  const pins = (model.cputune?.vcpupins ?? []).filter((pin) => pin.vcpu !== undefined && (count === undefined || pin.vcpu < count));
  const cpus = new Set<number>();
  for (const pin of pins) for (const id of cleanIds(xml, pin.cpuset) ?? []) cpus.add(id);
  const pinned = new Set(pins.map((pin) => pin.vcpu));
  const someUnpinned = count !== undefined && Array.from({ length: count }, (_, vcpu) => vcpu).some((vcpu) => !pinned.has(vcpu));
  const defaultSet = model.vcpu?.placement === 'auto' ? undefined : cleanIds(xml, model.vcpu?.cpuset);
  if (someUnpinned) for (const id of defaultSet ?? []) cpus.add(id);
  return cpus.size > 0 ? [...cpus].sort((a, b) => a - b) : undefined;
}

/** `<numatune><memory>`'s host nodes when libvirt uses them (not placement='auto'), with its mode (strict by default). */
export interface MemoryBinding {
  nodes: number[];
  mode: string;
  attribute: XmlAttribute & { valueSpan: Span };
}

export function memoryBinding(xml: XmlDocument, model: DomainModel): MemoryBinding | undefined {
  const memory = model.numatune?.memory;
  if (!memory || memory.placement === 'auto' || !memory.nodeset) return undefined;
  const nodes = cleanIds(xml, memory.nodeset);
  const found = memory.nodeset.attribute;
  if (!nodes || !soundAttribute(xml, found)) return undefined;
  return { nodes, mode: memory.mode ?? 'strict', attribute: found };
}

/** The host nodes the guest is tied to: those of its pinned vCPUs and those its memory is bound to. */
export function guestHostNodes(xml: XmlDocument, model: DomainModel, host: HostModel): number[] {
  const nodes = new Set(nodesOfCpus(host, vcpuHostCpus(xml, model) ?? []));
  for (const node of memoryBinding(xml, model)?.nodes ?? []) nodes.add(node);
  return [...nodes].sort((a, b) => a - b);
}
