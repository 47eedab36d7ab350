import { formatCpuset } from '../../kb/cpuset';
import { attribute, childElements, elementText } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlDocument } from '../../xml/types';
import type { DomainModel, HugePageModel, IdSet, MemorySize, NumaCellModel } from '../model';
import type { DomainRuleContext } from './context';
import { writtenValue } from './io/values';
import { brokenByXml } from './structure/values';

/**
 * What libvirt makes of the model for the memory and CPU rules: counts with libvirt's defaults
 * applied, id lists and sizes only where they were written soundly (where they are not, the
 * structure rules speak and these rules stay silent).
 */

/** libvirt's "no limit" for `<memtune>` values (VIR_DOMAIN_MEMORY_PARAM_UNLIMITED), in KiB. */
export const UNLIMITED_KIB = 9007199254740991;

/** The ids of a cpuset or nodeset written soundly and without a syntax problem; undefined otherwise. */
export function cleanIds(xml: XmlDocument, set: IdSet | undefined): number[] | undefined {
  if (!set || set.parse.problems.length > 0 || !soundAttribute(xml, set.attribute)) return undefined;
  return set.parse.ids;
}

/** Whether an attribute's value was written whole between quotes and no well-formedness problem touches it. */
export function soundAttribute(xml: XmlDocument, attribute: XmlAttribute): attribute is XmlAttribute & { valueSpan: Span } {
  return writtenValue(xml, attribute) !== undefined;
}

/** Where a size's number is written (the element's text), when it is sound. */
export function sizeSpan(xml: XmlDocument, size: MemorySize): Span | undefined {
  const text = elementText(size.element);
  return text && !brokenByXml(xml, text.span) ? text.span : undefined;
}

/** The maximum vCPU count: `<vcpu>`'s text, or 1 when there is no `<vcpu>` (libvirt's default); undefined when it does not parse. */
export function maxVcpus(model: DomainModel): number | undefined {
  if (!model.vcpu) return 1;
  const count = model.vcpu.count;
  return count !== undefined && count >= 1 ? count : undefined;
}

/** A guest NUMA cell with the id libvirt gives it: its `id`, or its place among the cells when it has none. */
export interface GuestCell {
  cell: NumaCellModel;
  id: number;
  /** The vCPUs the cell lists; undefined when it lists none or the list does not parse. */
  cpus: number[] | undefined;
}

export function guestCells(xml: XmlDocument, model: DomainModel): GuestCell[] {
  return (model.cpu?.cells ?? []).map((cell, index) => ({ cell, id: cell.id ?? index, cpus: cleanIds(xml, cell.cpus) }));
}

/**
 * Whether a hugepages `<page>` serves all guest memory, as one without nodeset does. On a guest without NUMA
 * cells libvirt clears a nodeset of just node 0 after parsing, so that page becomes the default size
 * (virDomainDefPostParseMemtune; `virsh define` on libvirt 9.0 keeps `<page>` without the nodeset).
 */
export function servesAllMemory(xml: XmlDocument, model: DomainModel, page: HugePageModel): boolean {
  if (!attribute(page.element, 'nodeset')) return true;
  if (!page.nodeset) return false;
  if ((model.cpu?.cells.length ?? 0) > 0) return false;
  const ids = cleanIds(xml, page.nodeset);
  return ids !== undefined && ids.length === 1 && ids[0] === 0;
}

/** The sum of the cells' memory in KiB, when the guest has cells and every one gives its size. */
export function numaMemoryKiB(model: DomainModel): number | undefined {
  const cells = model.cpu?.cells ?? [];
  if (cells.length === 0 || cells.some((cell) => cell.memory === undefined)) return undefined;
  return cells.reduce((sum, cell) => sum + cell.memory!.kib, 0);
}

/**
 * The memory the guest boots with, in KiB. With NUMA cells libvirt takes it from the cells and
 * overwrites `<memory>` with their sum; without cells it is `<memory>`.
 */
export function guestMemoryKiB(model: DomainModel): number | undefined {
  if ((model.cpu?.cells.length ?? 0) > 0) return numaMemoryKiB(model);
  return model.memory?.kib;
}

/** Whether the guest has `<memory>` devices (DIMMs), whose sizes count into `<memory>` too. */
export function hasMemoryDevices(model: DomainModel): boolean {
  return childElements(model.root, 'devices').some((devices) => childElements(devices, 'memory').length > 0);
}

/** Whether libvirt's QEMU driver runs the domain (`<domain type='kvm'>` or `'qemu'`). */
export function runsOnQemu(model: DomainModel): boolean {
  return model.type === 'kvm' || model.type === 'qemu';
}

/** The 1-based line of an offset, for messages that point at another place. */
export function lineOf(context: DomainRuleContext, offset: number): number {
  return context.document.textDocument.positionAt(offset).line + 1;
}

/** `0-3,6`; `vCPU 2` or `vCPUs 0-3,6` with a noun. */
export function idList(ids: Iterable<number>, noun?: string): string {
  const list = formatCpuset(ids);
  if (noun === undefined) return list;
  const many = list.includes(',') || list.includes('-');
  return `${noun}${many ? 's' : ''} ${list}`;
}
