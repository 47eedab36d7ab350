import type { SpanEdit } from '../core/types';
import { formatCpuset } from '../kb/cpuset';
import type { DomainModel } from '../domain/model';
import { insertAttributeAfter, removeElement, replaceValue } from '../domain/rules/edits';
import { documentQuote, indentStep, lineIndent } from '../domain/rules/memory/layout';
import { attribute, attributeValue, childElements, firstChild } from '../xml/query';
import type { XmlElement } from '../xml/types';
import { guestTopology } from './topology';
import type { Placement } from './types';
import { keptChildren, render, sizeWithUnit, type NewElement, type Style } from './xmlText';

/**
 * The edits that write a placement into a domain. The tuner owns these blocks and writes them whole:
 * <vcpu>, <iothreads>, <cputune>, <numatune>, <memtune> (when memory is locked), <memoryBacking>,
 * and in <cpu> its <topology> and <numa>; in the devices, only the iothread attribute of virtio disks'
 * <driver> and the queues attribute of virtio-net and virtio-scsi <driver>s. Children of those blocks
 * the tuner does not own (<shares>, <soft_limit>, <nosharepages/>, comments, ...) are kept as written.
 * Everything else stays byte for byte.
 */

/** Top-level elements in the order libvirt writes them: new blocks go beside their neighbours. */
const TOP_ORDER = [
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'maxMemory', 'memory', 'currentMemory', 'blkiotune',
  'memtune', 'memoryBacking', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'cputune', 'numatune', 'resource',
  'sysinfo', 'bootloader', 'bootloader_args', 'os', 'idmap', 'features', 'cpu', 'clock', 'on_poweroff',
  'on_reboot', 'on_crash', 'pm', 'perf', 'devices',
];

/** Interface types libvirt gives several queues (tap-based and macvtap). */
const MULTIQUEUE_INTERFACES = new Set(['network', 'bridge', 'direct', 'ethernet']);

interface Writer {
  text: string;
  root: XmlElement;
  style: Style;
  /** The indent of the root's children. */
  indent: string;
  edits: SpanEdit[];
  /** New top-level blocks, by the offset they go in at. */
  inserts: Map<number, string[]>;
}

function styleOf(text: string, root: XmlElement): { style: Style; indent: string } {
  const step = indentStep(text, root, root);
  const first = childElements(root)[0];
  const indent = first ? lineIndent(text, first.span.start) : step;
  return { style: { eol: text.includes('\r\n') ? '\r\n' : '\n', step, quote: documentQuote(root) }, indent };
}

/** Rewrites an element whole (nothing when it already reads so), or puts a new one beside its neighbours. */
function put(writer: Writer, existing: XmlElement | undefined, element: NewElement, indent = writer.indent): void {
  const rendered = render(element, indent, writer.style);
  if (existing) {
    if (writer.text.slice(existing.span.start, existing.span.end) !== rendered) writer.edits.push({ span: existing.span, newText: rendered });
    return;
  }
  const at = TOP_ORDER.indexOf(element.name);
  const present = childElements(writer.root);
  // Beside its closest neighbour in libvirt's order: after the nearest one before it, else before the nearest one after.
  const order = (child: XmlElement) => TOP_ORDER.indexOf(child.name);
  const earlier = present.filter((child) => order(child) >= 0 && order(child) < at);
  const later = present.filter((child) => order(child) > at);
  const after = earlier.reduce<XmlElement | undefined>((best, child) => (!best || order(child) >= order(best) ? child : best), undefined);
  const before = later.reduce<XmlElement | undefined>((best, child) => (!best || order(child) < order(best) ? child : best), undefined);
  const { eol } = writer.style;
  if (after) {
    queue(writer, after.span.end, `${eol}${indent}${rendered}`);
  } else if (before) {
    queue(writer, before.span.start, `${rendered}${eol}${indent}`);
  } else {
    const last = present[present.length - 1];
    if (last) queue(writer, last.span.end, `${eol}${indent}${rendered}`);
  }
}

function queue(writer: Writer, offset: number, text: string): void {
  writer.inserts.set(offset, [...(writer.inserts.get(offset) ?? []), text]);
}

function cpuList(ids: readonly number[]): string {
  return formatCpuset(ids);
}

function pageElement(sizeKiB: number, nodeset: string | undefined): NewElement {
  const [size, unit] = sizeWithUnit(sizeKiB);
  return { name: 'page', attributes: [['size', size], ['unit', unit], ...(nodeset !== undefined ? [['nodeset', nodeset] as [string, string]] : [])] };
}

/** The `<hugepages>` of a placement: one `<page>` when every cell uses the same size, else one per size with its cells. */
function hugepages(placement: Placement): NewElement | undefined {
  const sizes = [...new Set(placement.cells.map((cell) => cell.pageKiB))];
  if (sizes.every((size) => size === undefined)) return undefined;
  if (sizes.length === 1) return { name: 'hugepages', attributes: [], children: [pageElement(sizes[0]!, undefined)] };
  const pages = sizes
    .filter((size): size is number => size !== undefined)
    .sort((a, b) => b - a)
    .map((size) => pageElement(size, cpuList(placement.cells.filter((cell) => cell.pageKiB === size).map((cell) => cell.id))));
  return { name: 'hugepages', attributes: [], children: pages };
}

function virtioDisks(model: DomainModel): XmlElement[] {
  return model.disks
    .map((disk) => disk.element)
    .filter((element) => {
      const target = firstChild(element, 'target');
      return target !== undefined && attributeValue(target, 'bus') === 'virtio';
    });
}

/** How many I/O threads the guest gets: one per virtio disk, or as many as it already has if more. */
export function iothreadCount(model: DomainModel): number {
  const written = model.root.children.find((child) => child.kind === 'element' && child.name === 'iothreads');
  const text = written && written.kind === 'element' ? written.children.find((child) => child.kind === 'text') : undefined;
  const existing = text && text.kind === 'text' && /^\s*\d+\s*$/.test(text.value) ? Number(text.value) : 0;
  return Math.max(virtioDisks(model).length, existing);
}

/** Sets one attribute of a device's `<driver>`, adding the attribute or the `<driver/>` when missing. */
function setDriverAttribute(writer: Writer, device: XmlElement, name: string, value: string): void {
  const driver = firstChild(device, 'driver');
  if (driver) {
    if (!driver.startTagClosed) return;
    const found = attribute(driver, name);
    if (found) {
      if (found.value !== value) {
        const edit = replaceValue(found, value);
        if (edit) writer.edits.push(edit);
      }
      return;
    }
    const last = driver.attributes[driver.attributes.length - 1];
    if (last) writer.edits.push(insertAttributeAfter(last, name, value));
    else writer.edits.push({ span: { start: driver.nameSpan.end, end: driver.nameSpan.end }, newText: ` ${name}=${writer.style.quote}${value}${writer.style.quote}` });
    return;
  }
  if (!device.startTagClosed) return;
  if (device.selfClosing) {
    // `<controller .../>` opens to hold its <driver/>: only the closing `/>` is replaced.
    const close = writer.text.lastIndexOf('/>', device.span.end);
    if (close < device.span.start) return;
    const indent = lineIndent(writer.text, device.span.start);
    const inner = indent + writer.style.step;
    const element = render({ name: 'driver', attributes: [[name, value]] }, inner, writer.style);
    const { eol } = writer.style;
    writer.edits.push({ span: { start: close, end: device.span.end }, newText: `>${eol}${inner}${element}${eol}${indent}</${device.name}>` });
    return;
  }
  if (!device.endTagSpan) return;
  const children = childElements(device);
  const last = children[children.length - 1];
  const indent = last ? lineIndent(writer.text, last.span.start) : lineIndent(writer.text, device.span.start) + writer.style.step;
  const element = render({ name: 'driver', attributes: [[name, value]] }, indent, writer.style);
  if (last) writer.edits.push({ span: { start: last.span.end, end: last.span.end }, newText: `${writer.style.eol}${indent}${element}` });
}

/** The attributes of the existing guest cell of that id that the tuner does not write. */
function keptCellAttributes(model: DomainModel, id: number): [string, string][] {
  const cell = model.cpu?.cells.find((each, index) => (each.id ?? index) === id);
  if (!cell) return [];
  return cell.element.attributes
    .filter((each) => !['id', 'cpus', 'memory', 'unit'].includes(each.name) && each.value !== undefined)
    .map((each) => [each.name, each.value!]);
}

/** `<topology>` and `<numa>` inside `<cpu>`, the rest of `<cpu>` as written. */
function writeCpu(writer: Writer, model: DomainModel, topology: NewElement, numa: NewElement): void {
  const cpu = model.cpu?.element;
  if (!cpu) {
    put(writer, undefined, { name: 'cpu', attributes: [], children: [topology, numa] });
    return;
  }
  if (!cpu.startTagClosed || (!cpu.selfClosing && !cpu.endTagSpan)) return;
  const indent = lineIndent(writer.text, cpu.span.start);
  if (cpu.selfClosing) {
    const tag = writer.text.slice(cpu.span.start + 1, cpu.span.end).replace(/\s*\/>$/, '');
    const inner = indent + writer.style.step;
    const { eol } = writer.style;
    const children = [topology, numa].map((child) => inner + render(child, inner, writer.style)).join(eol);
    writer.edits.push({ span: cpu.span, newText: `<${tag}>${eol}${children}${eol}${indent}</cpu>` });
    return;
  }
  const inner = childElements(cpu)[0] ? lineIndent(writer.text, childElements(cpu)[0]!.span.start) : indent + writer.style.step;
  const { eol } = writer.style;
  const existingTopology = firstChild(cpu, 'topology');
  const existingNuma = firstChild(cpu, 'numa');
  const renderedTopology = render(topology, inner, writer.style);
  const renderedNuma = render(numa, inner, writer.style);
  if (existingTopology) {
    if (writer.text.slice(existingTopology.span.start, existingTopology.span.end) !== renderedTopology) {
      writer.edits.push({ span: existingTopology.span, newText: renderedTopology });
    }
  } else {
    // After <model>/<vendor> when there, else first: where libvirt writes it.
    const anchor = [...childElements(cpu)].reverse().find((child) => child.name === 'model' || child.name === 'vendor');
    if (anchor) writer.edits.push({ span: { start: anchor.span.end, end: anchor.span.end }, newText: `${eol}${inner}${renderedTopology}` });
    else writer.edits.push({ span: { start: cpu.startTagSpan.end, end: cpu.startTagSpan.end }, newText: `${eol}${inner}${renderedTopology}` });
  }
  if (existingNuma) {
    if (writer.text.slice(existingNuma.span.start, existingNuma.span.end) !== renderedNuma) writer.edits.push({ span: existingNuma.span, newText: renderedNuma });
  } else {
    const last = childElements(cpu).at(-1);
    const at = last ? last.span.end : cpu.startTagSpan.end;
    // With no <topology> before it either, both go in at the same offset: keep topology first.
    const sameOffset = writer.edits.find((edit) => edit.span.start === at && edit.span.end === at);
    if (sameOffset) sameOffset.newText += `${eol}${inner}${renderedNuma}`;
    else writer.edits.push({ span: { start: at, end: at }, newText: `${eol}${inner}${renderedNuma}` });
  }
}

/** The edits that write `placement` into the domain (none when it already reads so). */
export function placementEdits(text: string, model: DomainModel, placement: Placement): SpanEdit[] {
  const root = model.root;
  const { style, indent } = styleOf(text, root);
  const writer: Writer = { text, root, style, indent, edits: [], inserts: new Map() };
  const top = (name: string) => firstChild(root, name);

  const current = model.vcpu?.current;
  const keepCurrent = current !== undefined && current >= 1 && current < placement.vcpus;
  put(writer, top('vcpu'), {
    name: 'vcpu',
    attributes: [['placement', 'static'], ...(keepCurrent ? [['current', current] as [string, number]] : [])],
    text: String(placement.vcpus),
  });

  const iothreads = iothreadCount(model);
  if (iothreads > 0) put(writer, top('iothreads'), { name: 'iothreads', attributes: [], text: String(iothreads) });

  const cputune = top('cputune');
  const emulator = cpuList(placement.emulatorCpus);
  put(writer, cputune, {
    name: 'cputune',
    attributes: [],
    children: [
      ...keptChildren(text, cputune, ['vcpupin', 'emulatorpin', 'iothreadpin']),
      ...placement.cells.flatMap((cell) =>
        cell.vcpus.map((vcpu, index): NewElement => ({ name: 'vcpupin', attributes: [['vcpu', vcpu], ['cpuset', cell.hostCpus[index]!]] })),
      ),
      { name: 'emulatorpin', attributes: [['cpuset', emulator]] },
      ...Array.from({ length: iothreads }, (_, index): NewElement => ({ name: 'iothreadpin', attributes: [['iothread', index + 1], ['cpuset', emulator]] })),
    ],
  });

  put(writer, top('numatune'), {
    name: 'numatune',
    attributes: [],
    children: [
      ...keptChildren(text, top('numatune'), ['memory', 'memnode']),
      { name: 'memory', attributes: [['mode', 'strict'], ['nodeset', cpuList(placement.nodes)]] },
      ...placement.cells.map((cell): NewElement => ({ name: 'memnode', attributes: [['cellid', cell.id], ['mode', 'strict'], ['nodeset', cell.node]] })),
    ],
  });

  if (placement.hardLimitKiB !== undefined) {
    const memtune = top('memtune');
    const [value, unit] = sizeWithUnit(placement.hardLimitKiB);
    put(writer, memtune, {
      name: 'memtune',
      attributes: [],
      children: [{ name: 'hard_limit', attributes: [['unit', unit]], text: String(value) }, ...keptChildren(text, memtune, ['hard_limit'])],
    });
  }

  const memoryBacking = top('memoryBacking');
  const pages = hugepages(placement);
  const lock = placement.hardLimitKiB !== undefined;
  const backing: (NewElement | { raw: string })[] = [
    ...(pages ? [pages] : []),
    ...keptChildren(text, memoryBacking, ['hugepages', 'locked']),
    ...(lock ? [{ name: 'locked', attributes: [] } as NewElement] : []),
  ];
  if (backing.length > 0) put(writer, memoryBacking, { name: 'memoryBacking', attributes: [], children: backing });
  else if (memoryBacking) {
    const edit = removeElement(text, memoryBacking);
    if (edit) writer.edits.push(edit);
  }

  const shape = guestTopology(model, placement);
  const topology: NewElement = {
    name: 'topology',
    attributes: [['sockets', shape.sockets], ...shape.layers, ['cores', shape.cores], ['threads', shape.threads]],
  };
  const numa: NewElement = {
    name: 'numa',
    attributes: [],
    children: placement.cells.map((cell): NewElement => {
      const [value, unit] = sizeWithUnit(cell.memoryKiB);
      // What else the user gave the cell (memAccess='shared' for vhost-user or virtiofs, discard) stays.
      const kept = keptCellAttributes(model, cell.id);
      return { name: 'cell', attributes: [['id', cell.id], ['cpus', cpuList(cell.vcpus)], ['memory', value], ['unit', unit], ...kept] };
    }),
  };
  writeCpu(writer, model, topology, numa);

  virtioDisks(model).forEach((disk, index) => setDriverAttribute(writer, disk, 'iothread', String(index + 1)));
  const queues = String(placement.vcpus);
  for (const device of model.interfaces) {
    if (device.modelType !== 'virtio' || !MULTIQUEUE_INTERFACES.has(device.type ?? '')) continue;
    if (placement.vcpus > 1 || (device.driver && attribute(device.driver, 'queues'))) setDriverAttribute(writer, device.element, 'queues', queues);
  }
  for (const controller of model.controllers) {
    if (controller.type !== 'scsi' || controller.model !== 'virtio-scsi') continue;
    if (placement.vcpus > 1 || (controller.driver && attribute(controller.driver, 'queues'))) setDriverAttribute(writer, controller.element, 'queues', queues);
  }

  for (const [offset, texts] of writer.inserts) {
    writer.edits.push({ span: { start: offset, end: offset }, newText: texts.join('') });
  }
  return writer.edits.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
