import type { HasDerived } from '../core/derived';
import { parseUnsigned } from '../core/numbers';
import { parseCpuset, type CpusetParse } from '../kb/cpuset';
import { toKiB } from '../kb/units';
import { attribute, attributeValue, childElements, elementText, firstChild } from '../xml/query';
import type { Span } from '../core/span';
import type { XmlAttribute, XmlElement } from '../xml/types';

/**
 * What a domain XML says, read once per document version from the tolerant tree. Every value keeps
 * the node it came from so rules and services can point at it. Values that do not parse are left
 * undefined here; the rules that check syntax report them.
 */
export interface DomainModel extends HasDerived {
  root: XmlElement;
  /** The root's `type` attribute, the hypervisor: `kvm`, `qemu`, `xen`, ... */
  type: string | undefined;
  os: OsModel | undefined;
  memory: MemorySize | undefined;
  currentMemory: MemorySize | undefined;
  maxMemory: MemorySize | undefined;
  vcpu: VcpuModel | undefined;
  cputune: CputuneModel | undefined;
  numatune: NumatuneModel | undefined;
  memtune: MemtuneModel | undefined;
  memoryBacking: MemoryBackingModel | undefined;
  blkiotune: XmlElement | undefined;
  cpu: CpuModel | undefined;
  disks: DiskModel[];
  interfaces: InterfaceModel[];
  controllers: ControllerModel[];
}

export interface OsModel {
  element: XmlElement;
  /** `<os><type arch=...>`: `x86_64`, `aarch64`, ...; undefined when not written (libvirt then picks the host's). */
  arch: string | undefined;
  machine: string | undefined;
}

/** A size with libvirt's unit applied. */
export interface MemorySize {
  element: XmlElement;
  value: number;
  unit: string;
  kib: number;
}

/** A cpuset or nodeset attribute with its parse. */
export interface IdSet {
  attribute: XmlAttribute;
  parse: CpusetParse;
}

export interface VcpuModel {
  element: XmlElement;
  /** The maximum vCPU count (the element's text). */
  count: number | undefined;
  countSpan: Span | undefined;
  current: number | undefined;
  placement: string | undefined;
  cpuset: IdSet | undefined;
}

export interface PinModel {
  element: XmlElement;
  cpuset: IdSet | undefined;
}

export interface VcpuPinModel extends PinModel {
  vcpu: number | undefined;
}

export interface CputuneModel {
  element: XmlElement;
  vcpupins: VcpuPinModel[];
  emulatorpin: PinModel | undefined;
}

export interface NumatuneModel {
  element: XmlElement;
  memory: { element: XmlElement; mode: string | undefined; placement: string | undefined; nodeset: IdSet | undefined } | undefined;
  memnodes: { element: XmlElement; cellid: number | undefined; mode: string | undefined; nodeset: IdSet | undefined }[];
}

export interface MemtuneModel {
  element: XmlElement;
  hardLimit: MemorySize | undefined;
  softLimit: MemorySize | undefined;
  swapHardLimit: MemorySize | undefined;
  minGuarantee: MemorySize | undefined;
}

export interface HugePageModel {
  element: XmlElement;
  size: number | undefined;
  unit: string | undefined;
  /** Page size in KiB, when size and unit are valid. */
  sizeKiB: number | undefined;
  nodeset: IdSet | undefined;
}

export interface MemoryBackingModel {
  element: XmlElement;
  hugepages: { element: XmlElement; pages: HugePageModel[] } | undefined;
  locked: XmlElement | undefined;
  nosharepages: XmlElement | undefined;
}

export interface NumaCellModel {
  element: XmlElement;
  id: number | undefined;
  cpus: IdSet | undefined;
  memory: MemorySize | undefined;
}

export interface CpuModel {
  element: XmlElement;
  mode: string | undefined;
  topology: { element: XmlElement; sockets?: number; dies?: number; clusters?: number; cores?: number; threads?: number } | undefined;
  cells: NumaCellModel[];
}

export interface DiskModel {
  element: XmlElement;
  /** The `type` attribute: `file`, `block`, `network`, ... */
  type: string | undefined;
  driver: XmlElement | undefined;
  iotune: XmlElement | undefined;
}

export interface InterfaceModel {
  element: XmlElement;
  /** The `type` attribute: `network`, `bridge`, `direct`, ... */
  type: string | undefined;
  modelType: string | undefined;
  driver: XmlElement | undefined;
}

export interface ControllerModel {
  element: XmlElement;
  type: string | undefined;
  model: string | undefined;
  driver: XmlElement | undefined;
}

function idSet(element: XmlElement, name: string): IdSet | undefined {
  const found = attribute(element, name);
  if (!found || found.value === undefined) return undefined;
  return { attribute: found, parse: parseCpuset(found.value) };
}

/** `<memory unit='GiB'>4</memory>` style: the size is the text, the unit an attribute (KiB by default). */
function textSize(element: XmlElement | undefined): MemorySize | undefined {
  if (!element) return undefined;
  const value = parseUnsigned(elementText(element)?.value);
  return sized(element, value, attributeValue(element, 'unit'));
}

/** `<cell memory='3' unit='GiB'>` style: the size is an attribute. */
function attributeSize(element: XmlElement, name: string): MemorySize | undefined {
  return sized(element, parseUnsigned(attributeValue(element, name)), attributeValue(element, 'unit'));
}

function sized(element: XmlElement, value: number | undefined, unitName: string | undefined): MemorySize | undefined {
  if (value === undefined) return undefined;
  const unit = unitName ?? 'KiB';
  const kib = toKiB(value, unit);
  return kib === undefined ? undefined : { element, value, unit, kib };
}

/** The root's children the model reads: the first of each name. */
interface RootChildren {
  os: XmlElement | undefined;
  memory: XmlElement | undefined;
  currentMemory: XmlElement | undefined;
  maxMemory: XmlElement | undefined;
  vcpu: XmlElement | undefined;
  cputune: XmlElement | undefined;
  numatune: XmlElement | undefined;
  memtune: XmlElement | undefined;
  memoryBacking: XmlElement | undefined;
  blkiotune: XmlElement | undefined;
  cpu: XmlElement | undefined;
}

/**
 * One pass over the root's children, instead of a search per name. A switch over the names, not a map:
 * the parser's names are internalized strings, so each case is a pointer comparison, and a document
 * costs no map.
 */
function rootChildren(root: XmlElement): RootChildren {
  const found: RootChildren = {
    os: undefined, memory: undefined, currentMemory: undefined, maxMemory: undefined, vcpu: undefined, cputune: undefined,
    numatune: undefined, memtune: undefined, memoryBacking: undefined, blkiotune: undefined, cpu: undefined,
  };
  const { children } = root;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind !== 'element') continue;
    switch (child.name) {
      case 'os': found.os ??= child; break;
      case 'memory': found.memory ??= child; break;
      case 'currentMemory': found.currentMemory ??= child; break;
      case 'maxMemory': found.maxMemory ??= child; break;
      case 'vcpu': found.vcpu ??= child; break;
      case 'cputune': found.cputune ??= child; break;
      case 'numatune': found.numatune ??= child; break;
      case 'memtune': found.memtune ??= child; break;
      case 'memoryBacking': found.memoryBacking ??= child; break;
      case 'blkiotune': found.blkiotune ??= child; break;
      case 'cpu': found.cpu ??= child; break;
    }
  }
  return found;
}

/** The disks, interfaces and controllers of every `<devices>`, read in one pass. */
interface DeviceModels {
  disks: DiskModel[];
  interfaces: InterfaceModel[];
  controllers: ControllerModel[];
}

/** Calls `visit` with every child element of every `<devices>` of the root, in document order. */
export function forEachDevice(root: XmlElement, visit: (device: XmlElement) => void): void {
  const sections = root.children;
  for (let i = 0; i < sections.length; i++) {
    const section = sections[i]!;
    if (section.kind !== 'element' || section.name !== 'devices') continue;
    const devices = section.children;
    for (let j = 0; j < devices.length; j++) {
      const device = devices[j]!;
      if (device.kind === 'element') visit(device);
    }
  }
}

function readDevices(root: XmlElement): DeviceModels {
  const found: DeviceModels = { disks: [], interfaces: [], controllers: [] };
  forEachDevice(root, (element) => {
    if (element.name === 'disk') {
      found.disks.push({ element, type: attributeValue(element, 'type'), driver: firstChild(element, 'driver'), iotune: firstChild(element, 'iotune') });
    } else if (element.name === 'interface') {
      const model = firstChild(element, 'model');
      found.interfaces.push({ element, type: attributeValue(element, 'type'), modelType: model && attributeValue(model, 'type'), driver: firstChild(element, 'driver') });
    } else if (element.name === 'controller') {
      found.controllers.push({ element, type: attributeValue(element, 'type'), model: attributeValue(element, 'model'), driver: firstChild(element, 'driver') });
    }
  });
  return found;
}

/**
 * The model of one document. Its disks, interfaces and controllers are read when first asked for: the
 * rules that read them run only on documents with the paths they need (a disk's `<driver>`, an
 * interface's), so most documents' lint never asks, and reading them was a share of building every model.
 */
class Model implements DomainModel {
  derived: unknown[] | undefined = undefined;
  readonly type: string | undefined;
  readonly os: OsModel | undefined;
  readonly memory: MemorySize | undefined;
  readonly currentMemory: MemorySize | undefined;
  readonly maxMemory: MemorySize | undefined;
  readonly vcpu: VcpuModel | undefined;
  readonly cputune: CputuneModel | undefined;
  readonly numatune: NumatuneModel | undefined;
  readonly memtune: MemtuneModel | undefined;
  readonly memoryBacking: MemoryBackingModel | undefined;
  readonly blkiotune: XmlElement | undefined;
  readonly cpu: CpuModel | undefined;
  private devices: DeviceModels | undefined = undefined;

  constructor(readonly root: XmlElement) {
    const first = rootChildren(root);
    this.type = attributeValue(root, 'type');
    this.os = readOs(first.os);
    this.memory = textSize(first.memory);
    this.currentMemory = textSize(first.currentMemory);
    this.maxMemory = textSize(first.maxMemory);
    this.vcpu = readVcpu(first.vcpu);
    this.cputune = readCputune(first.cputune);
    this.numatune = readNumatune(first.numatune);
    this.memtune = readMemtune(first.memtune);
    this.memoryBacking = readMemoryBacking(first.memoryBacking);
    this.blkiotune = first.blkiotune;
    this.cpu = readCpu(first.cpu);
  }

  get disks(): DiskModel[] {
    return (this.devices ??= readDevices(this.root)).disks;
  }

  get interfaces(): InterfaceModel[] {
    return (this.devices ??= readDevices(this.root)).interfaces;
  }

  get controllers(): ControllerModel[] {
    return (this.devices ??= readDevices(this.root)).controllers;
  }
}

export function buildDomainModel(root: XmlElement): DomainModel {
  return new Model(root);
}

function readOs(element: XmlElement | undefined): OsModel | undefined {
  if (!element) return undefined;
  const type = firstChild(element, 'type');
  return {
    element,
    arch: type && attributeValue(type, 'arch'),
    machine: type && attributeValue(type, 'machine'),
  };
}

function readVcpu(element: XmlElement | undefined): VcpuModel | undefined {
  if (!element) return undefined;
  const text = elementText(element);
  return {
    element,
    count: parseUnsigned(text?.value),
    countSpan: text?.span,
    current: parseUnsigned(attributeValue(element, 'current')),
    placement: attributeValue(element, 'placement'),
    cpuset: idSet(element, 'cpuset'),
  };
}

function readCputune(element: XmlElement | undefined): CputuneModel | undefined {
  if (!element) return undefined;
  const emulatorpin = firstChild(element, 'emulatorpin');
  return {
    element,
    vcpupins: childElements(element, 'vcpupin').map((pin) => ({
      element: pin,
      vcpu: parseUnsigned(attributeValue(pin, 'vcpu')),
      cpuset: idSet(pin, 'cpuset'),
    })),
    emulatorpin: emulatorpin && { element: emulatorpin, cpuset: idSet(emulatorpin, 'cpuset') },
  };
}

function readNumatune(element: XmlElement | undefined): NumatuneModel | undefined {
  if (!element) return undefined;
  const memory = firstChild(element, 'memory');
  return {
    element,
    memory: memory && {
      element: memory,
      mode: attributeValue(memory, 'mode'),
      placement: attributeValue(memory, 'placement'),
      nodeset: idSet(memory, 'nodeset'),
    },
    memnodes: childElements(element, 'memnode').map((memnode) => ({
      element: memnode,
      cellid: parseUnsigned(attributeValue(memnode, 'cellid')),
      mode: attributeValue(memnode, 'mode'),
      nodeset: idSet(memnode, 'nodeset'),
    })),
  };
}

function readMemtune(element: XmlElement | undefined): MemtuneModel | undefined {
  if (!element) return undefined;
  return {
    element,
    hardLimit: textSize(firstChild(element, 'hard_limit')),
    softLimit: textSize(firstChild(element, 'soft_limit')),
    swapHardLimit: textSize(firstChild(element, 'swap_hard_limit')),
    minGuarantee: textSize(firstChild(element, 'min_guarantee')),
  };
}

function readMemoryBacking(element: XmlElement | undefined): MemoryBackingModel | undefined {
  if (!element) return undefined;
  const hugepages = firstChild(element, 'hugepages');
  return {
    element,
    hugepages: hugepages && {
      element: hugepages,
      pages: childElements(hugepages, 'page').map((page) => {
        const size = parseUnsigned(attributeValue(page, 'size'));
        const unit = attributeValue(page, 'unit');
        return {
          element: page,
          size,
          unit,
          sizeKiB: size === undefined ? undefined : toKiB(size, unit ?? 'KiB'),
          nodeset: idSet(page, 'nodeset'),
        };
      }),
    },
    locked: firstChild(element, 'locked'),
    nosharepages: firstChild(element, 'nosharepages'),
  };
}

function readCpu(element: XmlElement | undefined): CpuModel | undefined {
  if (!element) return undefined;
  const topology = firstChild(element, 'topology');
  const numa = firstChild(element, 'numa');
  const count = (name: string): number | undefined => (topology ? parseUnsigned(attributeValue(topology, name)) : undefined);
  return {
    element,
    mode: attributeValue(element, 'mode'),
    topology: topology && {
      element: topology,
      sockets: count('sockets'),
      dies: count('dies'),
      clusters: count('clusters'),
      cores: count('cores'),
      threads: count('threads'),
    },
    cells: (numa ? childElements(numa, 'cell') : []).map((cell) => ({
      element: cell,
      id: parseUnsigned(attributeValue(cell, 'id')),
      cpus: idSet(cell, 'cpus'),
      memory: attributeSize(cell, 'memory'),
    })),
  };
}
