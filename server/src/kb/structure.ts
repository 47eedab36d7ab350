import { CPU_SPECS } from './structure/cpu';
import { DEVICE_SPECS } from './structure/devices';
import { DOMAIN_SPECS } from './structure/domain';
import { MEMORY_SPECS } from './structure/memory';
import type { XmlElement } from '../xml/types';
import type { ElementSpec } from './types';

/**
 * Where each element of a domain may stand and what it may hold, keyed by element path
 * (`domain/cputune/vcpupin`), transcribed from libvirt 11.3.0's RelaxNG schema (domaincommon.rng)
 * and checked against every domain XML of libvirt's test suite that the schema accepts.
 *
 * A spec with `childrenKnown`/`attributesKnown` lists everything the schema allows there, so anything
 * else is an error; every child such a spec lists has a spec of its own (an `openElement` where the
 * knowledge base does not describe the content). Names with a namespace prefix (`qemu:commandline`,
 * `xmlns:qemu`) belong to other schemas and are never judged: see `isForeignName`.
 */
export const DOMAIN_STRUCTURE: readonly ElementSpec[] = [...DOMAIN_SPECS, ...CPU_SPECS, ...MEMORY_SPECS, ...DEVICE_SPECS];

const BY_PATH = new Map(DOMAIN_STRUCTURE.map((spec) => [spec.path, spec]));

const BY_NAME = new Map<string, ElementSpec[]>();
for (const spec of DOMAIN_STRUCTURE) {
  const name = lastSegment(spec.path);
  const specs = BY_NAME.get(name);
  if (specs) specs.push(spec);
  else BY_NAME.set(name, [spec]);
}

export function elementSpec(path: string): ElementSpec | undefined {
  return BY_PATH.get(path);
}

/**
 * Every spec whose element has that name, wherever it stands: `vcpupin` -> `domain/cputune/vcpupin`,
 * `driver` -> the disk's, the controller's and the interface's. For "<vcpupin> belongs in <cputune>".
 */
export function elementsNamed(name: string): readonly ElementSpec[] {
  return BY_NAME.get(name) ?? [];
}

/**
 * Whether a name belongs to another XML namespace and so is outside the structure: a prefixed element
 * or attribute (`qemu:commandline`, `xmlns:qemu`) or the default namespace declaration `xmlns`.
 */
export function isForeignName(name: string): boolean {
  return name === 'xmlns' || name.includes(':');
}

/**
 * Whether an element is outside libvirt's (namespace-less) domain vocabulary: a prefixed name, or an
 * element that declares another default namespace (`<commandline xmlns='http://libvirt.org/schemas/domain/qemu/1.0'>`).
 * Everything under such an element is foreign too.
 */
export function isForeignElement(element: Pick<XmlElement, 'name' | 'attributes'>): boolean {
  return isForeignName(element.name) || element.attributes.some((attribute) => attribute.name === 'xmlns' && attribute.value !== '');
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
