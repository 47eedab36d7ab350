import { libvirt, libvirtCode } from '../../../kb/sources';
import { firstChild } from '../../../xml/query';
import type { XmlDocument, XmlElement } from '../../../xml/types';
import type { DomainRule } from '../context';
import { lineOf } from '../guest';
import { addressNumber, devicesNamed, value } from './devices';

/** The host device a `<hostdev>` takes, as a key libvirt would compare, with words for it; undefined when not written in full. */
function hostKey(xml: XmlDocument, hostdev: XmlElement): { key: string; words: string } | undefined {
  const type = value(xml, hostdev, 'type');
  const source = firstChild(hostdev, 'source');
  if (!source || type === undefined) return undefined;
  const address = firstChild(source, 'address');
  const number = (element: XmlElement | undefined, name: string): number | undefined => addressNumber(value(xml, element, name));
  switch (type) {
    case 'pci': {
      const parts = ['domain', 'bus', 'slot', 'function'].map((name) => number(address, name) ?? (name === 'domain' ? 0 : undefined));
      if (!address || parts.some((part) => part === undefined)) return undefined;
      const [domain, bus, slot, fn] = parts as number[];
      const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
      const words = `PCI device ${hex(domain!, 4)}:${hex(bus!, 2)}:${hex(slot!, 2)}.${fn!.toString(16)}`;
      return { key: `pci ${parts.join(':')}`, words };
    }
    case 'mdev': {
      const uuid = value(xml, address, 'uuid')?.toLowerCase();
      return uuid === undefined ? undefined : { key: `mdev ${uuid}`, words: `mediated device ${uuid}` };
    }
    case 'scsi': {
      const adapter = value(xml, firstChild(source, 'adapter'), 'name');
      const parts = ['bus', 'target', 'unit'].map((name) => number(address, name));
      if (adapter === undefined || parts.some((part) => part === undefined)) return undefined;
      return { key: `scsi ${adapter} ${parts.join(':')}`, words: `SCSI device ${adapter} ${parts.join(':')}` };
    }
    case 'usb': {
      const vendor = number(firstChild(source, 'vendor'), 'id');
      const product = number(firstChild(source, 'product'), 'id');
      if (vendor !== undefined && product !== undefined) return { key: `usb id ${vendor}:${product}`, words: 'USB device with this vendor and product' };
      const bus = number(address, 'bus');
      const device = number(address, 'device');
      return bus !== undefined && device !== undefined ? { key: `usb at ${bus}:${device}`, words: `USB device ${bus}.${device}` } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * VT181: the same host device assigned twice (`<hostdev>` with the same PCI address, mediated device
 * UUID, SCSI adapter and address, or USB device). A host device goes to one place: libvirt refuses the
 * domain.
 */
export const hostdevDuplicate: DomainRule = {
  meta: {
    code: 'VT181',
    name: 'hostdev-duplicate',
    title: 'A host device can be assigned once',
    severity: 'error',
    sources: [libvirtCode('src/conf/domain_validate.c', 'virDomainDefHostdevValidate'), libvirt('host-device-assignment', 'Host device assignment')],
    fixable: false,
    libvirt: { stage: 'define', says: 'Hostdev already exists' },
  },
  paths: ['domain/devices/hostdev'],
  check(context, report) {
    const seen = new Map<string, number>();
    for (const hostdev of devicesNamed(context.model, 'hostdev')) {
      if ((value(context.xml, hostdev, 'mode') ?? 'subsystem') !== 'subsystem') continue;
      const host = hostKey(context.xml, hostdev);
      if (!host) continue;
      const earlier = seen.get(host.key);
      if (earlier === undefined) {
        seen.set(host.key, hostdev.start);
        continue;
      }
      const source = firstChild(hostdev, 'source')!;
      report({
        span: source.nameSpan,
        message: `The ${host.words} is already assigned by the <hostdev> on line ${lineOf(context, earlier)}: libvirt refuses the same host device twice.`,
      });
    }
  },
};
