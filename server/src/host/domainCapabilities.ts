import { parseUnsigned } from '../core/numbers';
import { parseXml } from '../xml/parser';
import { attributeValue, childElements, elementText, firstChild } from '../xml/query';
import type { XmlElement } from '../xml/types';
import { HostLoadError } from './errors';
import type { CpuMode, DomainCapabilities, Feature, GuestArch, MachineType } from './libvirtTypes';

/** `virsh domcapabilities` XML, read with the project's tolerant parser. */
export function readDomainCapabilities(text: string, source: string): DomainCapabilities {
  const root = parseXml(text).root;
  if (root?.name !== 'domainCapabilities') throw new HostLoadError(`${source} is not virsh domcapabilities XML (its root is not <domainCapabilities>)`);
  const os = firstChild(root, 'os');
  const cpu = firstChild(root, 'cpu');
  const devices = firstChild(root, 'devices');
  const features = firstChild(root, 'features');
  const iothreads = firstChild(root, 'iothreads');
  const vcpu = firstChild(root, 'vcpu');
  return {
    emulator: textOf(firstChild(root, 'path')),
    domain: textOf(firstChild(root, 'domain')),
    machine: textOf(firstChild(root, 'machine')),
    arch: textOf(firstChild(root, 'arch')),
    vcpuMax: (vcpu && parseUnsigned(attributeValue(vcpu, 'max'))) ?? null,
    iothreads: iothreads ? attributeValue(iothreads, 'supported') === 'yes' : null,
    os: os ? feature(os) : null,
    loader: os && firstChild(os, 'loader') ? feature(firstChild(os, 'loader')!) : null,
    cpuModes: cpu ? childElements(cpu, 'mode').map(cpuMode) : [],
    devices: devices ? featureMap(devices) : {},
    features: features ? featureMap(features) : {},
  };
}

/** The `<guest>` arches of `virsh capabilities`. */
export function readCapabilitiesGuests(root: XmlElement): GuestArch[] {
  return childElements(root, 'guest').flatMap((guest) => {
    const arch = firstChild(guest, 'arch');
    if (!arch) return [];
    return [
      {
        osType: textOf(firstChild(guest, 'os_type')) ?? 'hvm',
        arch: attributeValue(arch, 'name') ?? '',
        emulator: textOf(firstChild(arch, 'emulator')),
        machines: childElements(arch, 'machine').flatMap(machine),
        domainTypes: childElements(arch, 'domain').flatMap((domain) => attributeValue(domain, 'type') ?? []),
      },
    ];
  });
}

function machine(element: XmlElement): MachineType[] {
  const name = textOf(element);
  if (!name) return [];
  return [
    {
      name,
      canonical: attributeValue(element, 'canonical') ?? null,
      maxCpus: parseUnsigned(attributeValue(element, 'maxCpus')) ?? null,
      deprecated: attributeValue(element, 'deprecated') === 'yes',
    },
  ];
}

function cpuMode(element: XmlElement): CpuMode {
  return {
    name: attributeValue(element, 'name') ?? '',
    supported: attributeValue(element, 'supported') === 'yes',
    models: childElements(element, 'model').flatMap((model) => {
      const name = textOf(model);
      if (!name) return [];
      const usable = attributeValue(model, 'usable');
      return [{ name, usable: usable === undefined ? null : usable === 'yes', vendor: attributeValue(model, 'vendor') ?? null }];
    }),
  };
}

function featureMap(holder: XmlElement): Record<string, Feature> {
  const map: Record<string, Feature> = {};
  for (const child of holder.children) if (child.kind === 'element') map[child.name] = feature(child);
  return map;
}

function feature(element: XmlElement): Feature {
  const enums: Record<string, string[]> = {};
  for (const entry of childElements(element, 'enum')) {
    const name = attributeValue(entry, 'name');
    if (name) enums[name] = childElements(entry, 'value').flatMap((value) => textOf(value) ?? []);
  }
  return { supported: attributeValue(element, 'supported') !== 'no', enums };
}

function textOf(element: XmlElement | undefined): string | null {
  const value = element && elementText(element)?.value.trim();
  return value ? value : null;
}
