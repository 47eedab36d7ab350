import { domainCapabilitiesFor } from '../../../host/libvirtQueries';
import { libvirt } from '../../../kb/sources';
import { attributeSpec } from '../../../kb/specLookup';
import { valueProblem } from '../../../kb/values';
import { attribute, childElements, elementPath, firstChild } from '../../../xml/query';
import type { XmlAttribute, XmlElement } from '../../../xml/types';
import type { DomainRule } from '../context';
import { FORMAT_DOMCAPS, hostLibvirtWords, libvirtOf } from './libvirtFacts';

/** A device value domcapabilities enumerates: where it is written, and the enum that lists what QEMU offers. */
interface Checked {
  what: string;
  device: string;
  enumName: string;
  /** libvirt 9.0's verdict on a value outside the enum (checked: graphics and video at define, a disk bus at start). */
  stage: 'define' | 'start';
  values(devices: XmlElement): OwnedAttribute[];
}

const CHECKED: readonly Checked[] = [
  { what: 'graphics type', device: 'graphics', enumName: 'type', stage: 'define', values: (devices) => attributes(childElements(devices, 'graphics'), 'type') },
  {
    what: 'video model',
    device: 'video',
    enumName: 'modelType',
    stage: 'define',
    values: (devices) => attributes(childElements(devices, 'video').flatMap((video) => firstChild(video, 'model') ?? []), 'type'),
  },
  {
    what: 'disk bus',
    device: 'disk',
    enumName: 'bus',
    stage: 'start',
    values: (devices) => attributes(childElements(devices, 'disk').flatMap((disk) => firstChild(disk, 'target') ?? []), 'bus'),
  },
  { what: 'disk device', device: 'disk', enumName: 'diskDevice', stage: 'start', values: (devices) => attributes(childElements(devices, 'disk'), 'device') },
  {
    what: 'hostdev type',
    device: 'hostdev',
    enumName: 'subsysType',
    stage: 'start',
    values: (devices) => attributes(childElements(devices, 'hostdev').filter((hostdev) => (attribute(hostdev, 'mode')?.value ?? 'subsystem') === 'subsystem'), 'type'),
  },
];

interface OwnedAttribute {
  owner: XmlElement;
  attribute: XmlAttribute;
}

function attributes(elements: XmlElement[], name: string): OwnedAttribute[] {
  return elements.flatMap((owner) => {
    const found = attribute(owner, name);
    return found ? [{ owner, attribute: found }] : [];
  });
}

/** A value libvirt's structure lists there: one it does not ('vnx') is the structure's finding (VT104), not a matter of this QEMU. */
function libvirtKnows({ owner, attribute: written }: OwnedAttribute, value: string): boolean {
  const type = attributeSpec(elementPath(owner), written.name)?.type;
  return type?.kind !== 'enum' || valueProblem(type, value) === undefined;
}

/**
 * VT165: a device type libvirt knows but this host's QEMU does not offer, per the enums of `virsh
 * domcapabilities`: graphics types, video models, disk buses and devices, hostdev types. libvirt
 * refuses a graphics type or video model when the domain is defined, a disk bus when it starts.
 */
export const deviceTypeUnsupported: DomainRule = {
  meta: {
    code: 'VT165',
    name: 'device-type-unsupported',
    title: "Device types must be ones this host's QEMU offers",
    severity: 'error',
    sources: [libvirt('graphical-framebuffers', 'Graphical framebuffers'), libvirt('video-devices', 'Video devices'), libvirt('hard-drives-floppy-disks-cdroms', 'Hard drives, floppy disks, CDROMs'), FORMAT_DOMCAPS],
    fixable: false,
    libvirt: { stage: 'define', says: 'not supported with this QEMU', hostDependent: true, example: "<graphics type='rdp'/>", fixed: "<graphics type='vnc'/>" },
  },
  needs: ['host'],
  check(context, report) {
    const found = libvirtOf(context);
    const devices = context.xml.root && firstChild(context.xml.root, 'devices');
    if (!found || !devices) return;
    const caps = domainCapabilitiesFor(found.facts, found.query);
    if (!caps) return;
    for (const checked of CHECKED) {
      const feature = caps.devices[checked.device];
      const offered = feature?.enums[checked.enumName];
      if (!feature || !offered || offered.length === 0) continue;
      for (const owned of checked.values(devices)) {
        const value = owned.attribute;
        if (!value.value || !value.valueSpan || offered.includes(value.value) || !libvirtKnows(owned, value.value)) continue;
        report({
          span: value.valueSpan,
          message:
            `This host's ${hostLibvirtWords(found.facts, found.guest)} offers no ${checked.what} '${value.value}' ` +
            `(it offers ${offered.map((entry) => `'${entry}'`).join(', ')}): ` +
            (checked.stage === 'define' ? 'libvirt refuses the domain when it is defined.' : 'libvirt defines the domain, but the guest does not start.'),
        });
      }
    }
  },
};
