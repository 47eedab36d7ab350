import { childElements, elementText, firstChild } from '../xml/query';
import type { XmlElement } from '../xml/types';
import type { DomainModel } from './model';

/** Which `virsh domcapabilities` describe a domain: its emulator, arch, machine type and virt type. */
export interface DomainCapabilitiesQuery {
  emulator?: string;
  arch?: string;
  machine?: string;
  virttype?: string;
}

/** The domcapabilities key of a domain, from what it writes (parts it leaves out are libvirt's defaults). */
export function domainCapabilitiesQuery(model: DomainModel, root: XmlElement | undefined): DomainCapabilitiesQuery {
  const devices = root && firstChild(root, 'devices');
  const emulator = devices && childElements(devices, 'emulator')[0];
  const path = emulator && elementText(emulator)?.value.trim();
  const query: DomainCapabilitiesQuery = {};
  if (path) query.emulator = path;
  if (model.os?.arch) query.arch = model.os.arch;
  if (model.os?.machine) query.machine = model.os.machine;
  if (model.type) query.virttype = model.type;
  return query;
}
