/** Where a fact comes from. Every fact and every rule names at least one. */
export type Source =
  | { kind: 'guide'; section: string; title: string }
  | { kind: 'libvirt'; anchor: string; title: string }
  /** A function of libvirt's C code: `file` under libvirt's source tree (`src/conf/domain_validate.c`), `symbol` the function. */
  | { kind: 'libvirt-code'; file: string; symbol: string }
  | { kind: 'kernel'; path: string; title: string }
  /** A file of the ksmtuned package as Debian ships it (4.20150326): `ksmtuned` (the script), `ksmtuned.conf`, `default-ksm`. */
  | { kind: 'ksmtuned'; path: string; title: string }
  /** Another project's own documentation or source (dracut, systemd, Xen, a file of the Linux sources): `project`'s page at `url`. */
  | { kind: 'project'; project: string; title: string; url: string };

/** The values an attribute or an element's text takes. */
export type ValueType =
  | { kind: 'enum'; values: readonly EnumValue[] }
  /** libvirt's yes/no */
  | { kind: 'yesno' }
  /** libvirt's on/off */
  | { kind: 'onoff' }
  | { kind: 'integer'; min?: number; max?: number }
  /** A CPU list such as `0-10,^5`. */
  | { kind: 'cpuset' }
  /** A NUMA node list in the same syntax as a cpuset. */
  | { kind: 'nodeset' }
  /** A memory size; its unit comes from the element's `unit` attribute. */
  | { kind: 'memory' }
  /** libvirt's memory unit names (`KiB`, `M`, `GiB`, ...). */
  | { kind: 'memoryUnit' }
  | { kind: 'string' };

export interface EnumValue {
  value: string;
  /** Short description, in the project's own words. */
  doc?: string;
}

export interface AttributeSpec {
  name: string;
  type: ValueType;
  required?: boolean;
}

/**
 * Structure: where an element may stand, what it may hold. Keyed by element path
 * (`domain/cputune/vcpupin`); answered for the whole domain by kb/structure.ts from libvirt's schema.
 */
export interface ElementSpec {
  /** Slash-separated path from the root, `domain/devices/disk/driver`. */
  path: string;
  /** Child element names this element may have (only meaningful when `childrenKnown`). */
  children: readonly string[];
  /** When false, children that are not listed are not flagged: the structure is not complete there. */
  childrenKnown: boolean;
  attributes: readonly AttributeSpec[];
  /** When false, attributes that are not listed are not flagged. */
  attributesKnown: boolean;
  /** The element's text content, when it has one that matters. */
  text?: ValueType;
  /** Whether the element must be empty (`<locked/>`). */
  empty?: boolean;
  /** The children it must have in every form (`<target>` of a `<disk>`), when there are any. */
  requiredChildren?: readonly string[];
  /**
   * Whether it may occur more than once in its parent (`<vcpupin>` in `<cputune>`); false where
   * libvirt's schema allows one (`<hugepages>` in `<memoryBacking>`). Absent for the root.
   */
  repeatable?: boolean;
}

/**
 * A tuning fact: what an element, attribute or value does, and what the guide advises.
 * Keyed like structure: `domain/memtune/hard_limit`, `domain/devices/disk/driver@cache`,
 * `domain/devices/disk/driver@cache=none`.
 */
export interface Fact {
  key: string;
  /** One sentence, Markdown, in the project's own words. */
  summary: string;
  /** More detail: behaviour, interactions, pitfalls. Markdown. */
  details?: string;
  /** The guide's (or libvirt's) advice, when there is one. */
  advice?: string;
  default?: string;
  range?: string;
  unit?: string;
  sources: readonly Source[];
}
