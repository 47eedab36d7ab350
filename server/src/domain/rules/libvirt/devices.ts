import { derived } from '../../../core/derived';
import { attribute, firstChild } from '../../../xml/query';
import type { Span } from '../../../core/span';
import type { XmlDocument, XmlElement } from '../../../xml/types';
import { forEachDevice, type DomainModel } from '../../model';
import { writtenValue } from '../io/values';

/**
 * What the libvirt rules (VT170-VT199) share: the devices of a domain grouped by element name, read in
 * one pass and kept per model (so the rules of one keystroke walk `<devices>` once), and the value of
 * an attribute as libvirt would read it.
 */
export interface DeviceIndex {
  /** Every child element of every `<devices>`, in document order. */
  all: readonly XmlElement[];
  byName: ReadonlyMap<string, readonly XmlElement[]>;
  /** The devices with their own `<address>`, and those with a `<boot>`, found in the same pass. */
  addressed: readonly { device: XmlElement; address: XmlElement }[];
  booted: readonly { device: XmlElement; boot: XmlElement }[];
}

const NONE: readonly XmlElement[] = [];

export const deviceIndex: (model: DomainModel) => DeviceIndex = derived((model: DomainModel): DeviceIndex => {
  const all: XmlElement[] = [];
  const byName = new Map<string, XmlElement[]>();
  const addressed: { device: XmlElement; address: XmlElement }[] = [];
  const booted: { device: XmlElement; boot: XmlElement }[] = [];
  forEachDevice(model.root, (device) => {
    all.push(device);
    const list = byName.get(device.name);
    if (list) list.push(device);
    else byName.set(device.name, [device]);
    let address: XmlElement | undefined;
    let boot: XmlElement | undefined;
    const parts = device.children;
    for (let k = 0; k < parts.length; k++) {
      const child = parts[k]!;
      if (child.kind !== 'element') continue;
      if (child.name === 'address') address ??= child;
      else if (child.name === 'boot') boot ??= child;
    }
    if (address) addressed.push({ device, address });
    if (boot) booted.push({ device, boot });
  });
  return { all, byName, addressed, booted };
});

/** The devices of one element name (`disk`, `controller`, ...), in document order. */
export function devicesNamed(model: DomainModel, name: string): readonly XmlElement[] {
  return deviceIndex(model).byName.get(name) ?? NONE;
}

/** An attribute's value when it was written whole and soundly; undefined when absent or broken. */
export function value(xml: XmlDocument, element: XmlElement | undefined, name: string): string | undefined {
  return element ? writtenValue(xml, attribute(element, name)) : undefined;
}

/** Where to point at an attribute: its value when it is written soundly, else the element's name. */
export function spanOf(xml: XmlDocument, element: XmlElement, name?: string): Span {
  if (name !== undefined) {
    const found = attribute(element, name);
    if (found?.valueSpan && writtenValue(xml, found) !== undefined) return found.valueSpan;
  }
  return element.nameSpan;
}

/** The device's own `<address>` (not the host address inside `<source>`). */
export function addressOf(device: XmlElement): XmlElement | undefined {
  return firstChild(device, 'address');
}

/** A number as libvirt reads address parts: decimal, or hexadecimal with 0x. */
export function addressNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const exact = exactAddressNumber(text);
  if (exact !== undefined) return exact;
  const trimmed = text.trim();
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return Number.parseInt(trimmed.slice(2), 16);
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed);
  return undefined;
}

/**
 * The common case of addressNumber without a regular expression: up to 15 decimal digits or 0x and up to
 * 13 hexadecimal ones, no white space, where the sum of the digits is exact and so equals what Number and
 * parseInt give. Undefined for anything else, which addressNumber then reads the long way.
 */
function exactAddressNumber(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 15) return undefined;
  let number = 0;
  if (length > 2 && text.charCodeAt(0) === 0x30 && (text.charCodeAt(1) | 0x20) === 0x78) {
    for (let i = 2; i < length; i++) {
      const c = text.charCodeAt(i);
      const lower = c | 0x20;
      let digit: number;
      if (c >= 0x30 && c <= 0x39) digit = c - 0x30;
      else if (lower >= 0x61 && lower <= 0x66) digit = lower - 0x61 + 10;
      else return undefined;
      number = number * 16 + digit;
    }
    return number;
  }
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    number = number * 10 + (c - 0x30);
  }
  return number;
}

/**
 * The bus of a disk: its target's `bus`, else the one libvirt's parser gives from the device and the
 * target's name (a floppy is on fdc; hd, sd, vd and xvd names on ide, scsi, virtio and xen).
 */
export function busOf(bus: string | undefined, dev: string | undefined, device: string | undefined): string | undefined {
  if (bus !== undefined) return bus;
  if (device === 'floppy' || dev?.startsWith('fd')) return 'fdc';
  if (dev?.startsWith('hd')) return 'ide';
  if (dev?.startsWith('sd')) return 'scsi';
  if (dev?.startsWith('vd')) return 'virtio';
  if (dev?.startsWith('xvd')) return 'xen';
  return undefined;
}
