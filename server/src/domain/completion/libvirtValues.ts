import { domainCapabilitiesFor, guestArchFor } from '../../host/libvirtQueries';
import type { HostModel } from '../../host/types';
import { attributeValue } from '../../xml/query';
import type { XmlElement } from '../../xml/types';
import { buildDomainModel } from '../model';
import { domainCapabilitiesQuery } from '../libvirtKey';
import type { ValueChoice } from './valueChoices';

/** Attribute values domcapabilities enumerates: element path and attribute, the device and its enum. */
const DEVICE_ENUMS: Readonly<Record<string, readonly [string, string]>> = {
  'domain/devices/graphics@type': ['graphics', 'type'],
  'domain/devices/video/model@type': ['video', 'modelType'],
  'domain/devices/disk/target@bus': ['disk', 'bus'],
  'domain/devices/disk@device': ['disk', 'diskDevice'],
  'domain/devices/hostdev@type': ['hostdev', 'subsysType'],
  'domain/devices/rng/backend@model': ['rng', 'backendModel'],
  'domain/devices/tpm@model': ['tpm', 'model'],
  'domain/os/loader@type': ['', 'type'],
};

/**
 * Values this host's libvirt offers (host.libvirt): the emulator's machine types for `<type machine>`,
 * the supported CPU modes, the CPU models it knows for `<cpu><model>`, and device types from the enums
 * of domcapabilities. Empty when libvirt was not asked.
 */
export function libvirtValueChoices(host: HostModel | undefined, path: string, name: string, element: XmlElement | undefined): ValueChoice[] {
  const facts = host?.libvirt;
  const root = element && rootOf(element);
  if (!facts || !root) return [];
  const query = domainCapabilitiesQuery(buildDomainModel(root), root);
  if (path === 'domain/os/type' && name === 'machine') {
    const guest = guestArchFor(facts, { ...query, arch: (element && attributeValue(element, 'arch')) ?? query.arch });
    return (guest?.machines ?? [])
      .filter((machine) => !machine.deprecated)
      .map((machine) => choice(machine.name, machine.canonical ? `alias of ${machine.canonical} (this host's QEMU)` : `this host's QEMU${machine.maxCpus ? `, up to ${machine.maxCpus} vCPUs` : ''}`));
  }
  const caps = domainCapabilitiesFor(facts, query);
  if (!caps) return [];
  if (path === 'domain/cpu' && name === 'mode') return caps.cpuModes.filter((mode) => mode.supported).map((mode) => choice(mode.name, `supported by this host's ${caps.domain ?? ''} hypervisor`.replace('  ', ' ')));
  const device = DEVICE_ENUMS[`${path}@${name}`];
  if (!device) return [];
  const feature = device[0] === '' ? caps.loader : caps.devices[device[0]];
  return (feature?.enums[device[1]] ?? []).map((value) => choice(value, "offered by this host's QEMU"));
}

/** The CPU models this host's hypervisor knows, for the text of `<cpu><model>`, usable ones first. */
export function libvirtTextChoices(host: HostModel | undefined, path: string, element: XmlElement): ValueChoice[] {
  const facts = host?.libvirt;
  const root = rootOf(element);
  if (!facts || !root || path !== 'domain/cpu/model') return [];
  const caps = domainCapabilitiesFor(facts, domainCapabilitiesQuery(buildDomainModel(root), root));
  const models = caps?.cpuModes.find((mode) => mode.name === 'custom')?.models ?? [];
  const ordered = [...models.filter((model) => model.usable !== false), ...models.filter((model) => model.usable === false)];
  return ordered.map((model) => choice(model.name, `${model.vendor && model.vendor !== 'unknown' ? `${model.vendor}, ` : ''}${model.usable === false ? "this host's CPU cannot run it" : 'this host can run it'}`));
}

function rootOf(element: XmlElement): XmlElement | undefined {
  let node: XmlElement | undefined = element;
  while (node?.parent) node = node.parent;
  return node?.name === 'domain' ? node : undefined;
}

function choice(value: string, detail: string): ValueChoice {
  return { value, detail, about: undefined, doc: undefined, kind: 'enum' };
}

