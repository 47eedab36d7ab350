import { derived } from '../../../core/derived';
import { attributeValue, firstChild } from '../../../xml/query';
import type { XmlElement } from '../../../xml/types';
import type { DomainModel } from '../../model';
import { deviceIndex } from '../libvirt/devices';

/** A host PCI device given to the guest: `<hostdev type='pci'>` or `<interface type='hostdev'>`. */
export interface AssignedPciDevice {
  /** `0000:03:00.0`, the form of /sys/bus/pci/devices. */
  address: string;
  /** The `<address>` inside `<source>`, for the finding. */
  element: XmlElement;
}

/**
 * The PCI devices the domain takes from the host, with addresses that parse: found once per model (two
 * rules ask on every keystroke), from the devices the libvirt rules' index has listed already.
 */
export const assignedPciDevices: (model: DomainModel) => readonly AssignedPciDevice[] = derived((model: DomainModel): readonly AssignedPciDevice[] => {
  const devices: AssignedPciDevice[] = [];
  const all = deviceIndex(model).all;
  for (let index = 0; index < all.length; index++) {
    const element = all[index]!;
    const pci =
      (element.name === 'hostdev' && attributeValue(element, 'mode') !== 'capabilities' && attributeValue(element, 'type') === 'pci') ||
      (element.name === 'interface' && attributeValue(element, 'type') === 'hostdev');
    const source = pci ? firstChild(element, 'source') : undefined;
    const address = source && firstChild(source, 'address');
    const text = address && pciAddress(address);
    if (address && text) devices.push({ address: text, element: address });
  }
  return devices;
});

/** `<address domain='0x0000' bus='0x03' slot='0x00' function='0x0'/>` -> `0000:03:00.0`. */
function pciAddress(element: XmlElement): string | undefined {
  const type = attributeValue(element, 'type');
  if (type !== undefined && type !== 'pci') return undefined;
  const domain = cNumber(attributeValue(element, 'domain') ?? '0');
  const bus = cNumber(attributeValue(element, 'bus'));
  const slot = cNumber(attributeValue(element, 'slot'));
  const fn = cNumber(attributeValue(element, 'function'));
  if (domain === undefined || bus === undefined || slot === undefined || fn === undefined) return undefined;
  if (domain > 0xffff || bus > 0xff || slot > 0x1f || fn > 7) return undefined;
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(slot, 2)}.${fn}`;
}

/** A number as libvirt reads these attributes (strtoul with base 0): `0x1f` hex, `010` octal, `16` decimal. */
function cNumber(value: string | undefined): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^0x[0-9a-f]+$/i.test(text)) return parseInt(text.slice(2), 16);
  if (/^0[0-7]*$/.test(text)) return parseInt(text, 8);
  if (/^[1-9][0-9]*$/.test(text)) return parseInt(text, 10);
  return undefined;
}
