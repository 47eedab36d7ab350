import { parseXml } from '../../../server/src/xml/parser';
import type { XmlElement } from '../../../server/src/xml/types';

/** The devices libvirt lists under <devices>: a fragment made of them is wrapped in one. */
const DEVICES = new Set(['disk', 'interface', 'controller', 'hostdev', 'filesystem', 'memballoon', 'rng', 'video', 'graphics', 'serial', 'console', 'channel', 'input', 'sound', 'watchdog', 'tpm', 'emulator', 'redirdev', 'smartcard', 'hub', 'panic', 'shmem', 'memory', 'iommu', 'vsock', 'lease']);
/** Children of <domain> that a fragment may hold; `memory` is the domain's own here, not a DIMM device. */
const DOMAIN_CHILDREN = new Set(['memory', 'currentMemory', 'maxMemory', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'os', 'cpu', 'cputune', 'numatune', 'memtune', 'memoryBacking', 'blkiotune', 'features', 'clock', 'pm', 'resource', 'sysinfo', 'on_poweroff', 'on_reboot', 'on_crash', 'devices', 'seclabel', 'title', 'description', 'metadata', 'keywrap', 'launchSecurity', 'perf', 'idmap', 'genid', 'bootloader', 'throttlegroups']);

/** A fragment of a disk's children is put in a file-backed virtio disk. */
const DISK_CHILDREN = new Set(['iotune', 'driver', 'target', 'blockio', 'serial', 'readonly', 'shareable']);
/** Elements given alone, and the domain children (and grandchildren) they belong in. */
const WRAPPERS: Readonly<Record<string, readonly [string, string?]>> = {
  vcpupin: ['cputune'],
  emulatorpin: ['cputune'],
  iothreadpin: ['cputune'],
  hugepages: ['memoryBacking'],
  page: ['memoryBacking', 'hugepages'],
  memnode: ['numatune'],
  hard_limit: ['memtune'],
  soft_limit: ['memtune'],
  swap_hard_limit: ['memtune'],
};

/** The parts of the minimal guest a fragment may replace, in the order they are written. */
const BASE: readonly [string, string][] = [
  ['memory', "<memory unit='MiB'>256</memory>"],
  ['vcpu', '<vcpu>8</vcpu>'],
  ['os', "<os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n  </os>"],
];

export interface GuestImages {
  /** A raw and a qcow2 image the test made, for disks whose source is a file. */
  raw: string;
  qcow2: string;
}

/**
 * A minimal `type='qemu'` guest (it starts without /dev/kvm: TCG) holding a rule's example fragment:
 * the fragment's <memory>, <vcpu> or <os> replace the guest's own, other domain children are added,
 * devices go into <devices>. A fragment that is a whole <domain> is used as it is, with the type and
 * name set. File-backed disks point at the test's images, so a start is judged on the disk's settings
 * and not on a missing file.
 */
export function guestDomain(fragment: string, name: string, images?: GuestImages): string {
  const wrapped = parseXml(`<fragment>${fragment}</fragment>`);
  const top = (wrapped.root?.children ?? []).filter((node): node is XmlElement => node.kind === 'element');
  const text = wrapped.text;
  const slice = (element: XmlElement) => text.slice(element.span.start, element.span.end);
  const whole = top.find((element) => element.name === 'domain');
  if (whole) return withImages(renamed(slice(whole), name), images);

  const replaced = new Set<string>();
  const domainParts: string[] = [];
  const deviceParts: string[] = [];
  const diskParts = top.filter((element) => DISK_CHILDREN.has(element.name));
  if (diskParts.length > 0) {
    const driver = diskParts.some((element) => element.name === 'driver') ? '' : "<driver name='qemu' type='raw'/>";
    deviceParts.push(`<disk type='file' device='disk'>${driver}<source file='/var/lib/libvirt/images/vt-libvirt.raw'/><target dev='vda' bus='virtio'/>${diskParts.map(slice).join('')}</disk>`);
  }
  for (const element of top.filter((candidate) => !DISK_CHILDREN.has(candidate.name))) {
    const wrapper = WRAPPERS[element.name];
    if (wrapper) {
      replaced.add(wrapper[0]);
      domainParts.push(`<${wrapper[0]}>${wrapper[1] ? `<${wrapper[1]}>` : ''}${slice(element)}${wrapper[1] ? `</${wrapper[1]}>` : ''}</${wrapper[0]}>`);
      continue;
    }
    if (element.name === 'devices') deviceParts.push(...childTexts(element, text));
    else if (DOMAIN_CHILDREN.has(element.name)) {
      replaced.add(element.name);
      domainParts.push(slice(element));
    } else if (DEVICES.has(element.name)) deviceParts.push(slice(element));
    // Anything else stays a child of <domain>, where the example wrote it (the guide's <cpuset> wrapper).
    else domainParts.push(slice(element));
  }
  const base = BASE.filter(([element]) => !replaced.has(element)).map(([, xml]) => xml);
  const lines = [`<domain type='qemu'>`, `  <name>${name}</name>`, ...base.map(indent), ...domainParts.map(indent)];
  lines.push('  <devices>', ...deviceParts.map((part) => indent(indent(part))), '  </devices>', '</domain>');
  return withImages(lines.join('\n') + '\n', images);
}

function childTexts(element: XmlElement, text: string): string[] {
  return element.children.filter((node): node is XmlElement => node.kind === 'element').map((child) => text.slice(child.span.start, child.span.end));
}

function indent(text: string): string {
  return `  ${text}`;
}

function renamed(domain: string, name: string): string {
  const typed = domain.replace(/^<domain\b[^>]*>/, (tag) => (/\stype=/.test(tag) ? tag.replace(/\stype=(['"])[^'"]*\1/, " type='qemu'") : tag.replace('<domain', "<domain type='qemu'")));
  return /<name>[^<]*<\/name>/.test(typed) ? typed.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`) : typed.replace(/^(<domain\b[^>]*>)/, `$1\n  <name>${name}</name>`);
}

/** Points every file source at the test's image of the driver's format (raw unless it says qcow2). */
function withImages(domain: string, images: GuestImages | undefined): string {
  if (!images) return domain;
  return domain.replace(/<disk\b[^>]*>[\s\S]*?<\/disk>/g, (disk) => {
    const image = /<driver\b[^>]*\btype=(['"])qcow2\1/.test(disk) ? images.qcow2 : images.raw;
    return disk.replace(/(<source\b[^>]*\bfile=)(['"])[^'"]*\2/, `$1'${image}'`);
  });
}
