/**
 * What virt-tune asks of a libvirt daemon, behind one interface: the virsh-backed connection
 * (`virsh.ts`) talks to a real one, `fake.ts` answers from fixed data in tests. Nothing here throws for
 * an answer libvirt gives: a refusal or an unreachable daemon is a result carrying libvirt's words.
 */

/** Why an answer is not the value asked for. */
export type LibvirtFailureKind =
  /** libvirt answered and said no (a domain it refuses, a name it does not know). */
  | 'refused'
  /** No answer: virsh is missing, the URI does not connect, the call timed out or said something unreadable. */
  | 'unavailable';

export type LibvirtResult<T> = { ok: true; value: T } | { ok: false; kind: LibvirtFailureKind; message: string };

export interface LibvirtVersion {
  /** `9.0.0` */
  libvirt: string;
  /** The running hypervisor's name and version as virsh prints them (`QEMU`, `7.2.22`); null when not told. */
  hypervisor: { name: string; version: string } | null;
}

/** Which `virsh domcapabilities` to ask for; an absent part is left to libvirt's default. */
export interface DomainCapabilitiesKey {
  emulator?: string;
  arch?: string;
  machine?: string;
  /** The domain's `type=` (`kvm`, `qemu`). */
  virttype?: string;
}

/** Free pages of one size on one host NUMA node, from `virsh freepages --all`. */
export interface FreePages {
  node: number;
  sizeKiB: number;
  free: number;
}

export type DomainState = 'running' | 'idle' | 'paused' | 'in shutdown' | 'shut off' | 'crashed' | 'pmsuspended' | string;

export interface DomainSummary {
  name: string;
  uuid: string;
  state: DomainState;
  autostart: boolean;
  persistent: boolean;
  /** The vCPU count (`CPU(s)` of dominfo); null when virsh did not say. */
  vcpus: number | null;
  /** The maximum memory in KiB; null when virsh did not say. */
  memoryKiB: number | null;
}

export interface DefineOptions {
  /** `virsh define --validate`: the schema check `virsh edit` also does. */
  validate?: boolean;
}

export interface LibvirtConnection {
  /** The URI asked for (`qemu:///system`). */
  readonly uri: string;
  version(): Promise<LibvirtResult<LibvirtVersion>>;
  /** `virsh capabilities` XML. */
  capabilities(): Promise<LibvirtResult<string>>;
  /** `virsh domcapabilities` XML for an emulator, arch, machine type and virt type. */
  domainCapabilities(key: DomainCapabilitiesKey): Promise<LibvirtResult<string>>;
  freePages(): Promise<LibvirtResult<FreePages[]>>;
  listDomains(): Promise<LibvirtResult<DomainSummary[]>>;
  /** `virsh dumpxml --inactive NAME`: the persistent definition. */
  dumpXml(name: string): Promise<LibvirtResult<string>>;
  /** `virsh define`: the defined domain's name, or libvirt's refusal. */
  define(xml: string, options?: DefineOptions): Promise<LibvirtResult<string>>;
  /** `virsh create`: starts a transient domain; its name, or libvirt's refusal (at start). */
  create(xml: string): Promise<LibvirtResult<string>>;
  /** `virsh undefine NAME` (with its NVRAM, if any). */
  undefine(name: string): Promise<LibvirtResult<void>>;
  /** `virsh destroy NAME`: stops a running domain at once. */
  destroy(name: string): Promise<LibvirtResult<void>>;
}
