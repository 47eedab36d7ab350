/**
 * The custom requests between the extension (client) and the language server, so that both see the
 * same machine (under Remote-SSH the server runs on the hypervisor). Both sides import this module and
 * nothing else of the other: request names, the shapes on the wire, and the two ways a wire value is
 * written for people (CPU lists, sizes), so that the panel says them as the server's messages and
 * `virt-tune host` do. No imports.
 */

/** The shortest list for a set of ids, libvirt's cpuset syntax: `[0, 1, 2, 3, 6]` -> `0-3,6`. */
export function formatCpuset(ids: Iterable<number>): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** `4679884` KiB -> `4.5 GiB`: a rounded size for pictures, where formatKiB would give exact KiB. */
export function roundedKiB(kib: number): string {
  const units: [string, number][] = [['TiB', 1024 ** 3], ['GiB', 1024 ** 2], ['MiB', 1024]];
  for (const [unit, size] of units) {
    if (kib >= size) {
      const value = kib / size;
      return `${value >= 100 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${unit}`;
    }
  }
  return `${kib} KiB`;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface HugePagesView {
  sizeKiB: number;
  total: number | null;
  free: number | null;
  surplus: number | null;
}

/** `virtTune/host`: the host as the server reads it now (re-read when older than a few seconds); null when none is set. */
export const HOST_REQUEST = 'virtTune/host';
/** `virtTune/domainLayout`: what a domain document asks of the host, with its host-aware findings. */
export const DOMAIN_LAYOUT_REQUEST = 'virtTune/domainLayout';

/** The host for the panel: `virt-tune host --format json`'s facts, with each PCI device's kind said by the server. */
export interface HostView {
  /** Where the host was read: `sysfs /`, `capabilities /path/caps.xml`. */
  source: string;
  nodes: { id: number; cpus: number[]; memTotalKiB: number | null; memFreeKiB: number | null; hugepages: HugePagesView[]; distances: number[] }[];
  cpus: { id: number; node: number | null; socket: number | null; core: number | null; siblings: number[]; online: boolean }[];
  ksm: { run: number | null; pagesSharing: number | null } | null;
  thp: string | null;
  /** `kind` from the PCI class: network and storage devices are the ones the panel shows (guide 9.3.11). */
  pci: { address: string; node: number | null; class: string | null; names: string[]; kind: 'network' | 'storage' | 'other' }[];
  hugepages: HugePagesView[];
  defaultHugepageKiB: number | null;
}

export interface DomainLayoutParams {
  uri: string;
}

/** A domain's claims on the host, for the panel to draw on top of the host. */
export interface DomainLayout {
  uri: string;
  /** `<name>`. */
  name: string | null;
  /** The vCPU count (`<vcpu>`). */
  vcpus: number | null;
  /**
   * Host CPUs per vCPU: its `<vcpupin>`, else `<vcpu cpuset>`; vCPUs with neither are left out. Pins the
   * linter flags are drawn too: a second pin of one vCPU (`duplicate`), a pin of a vCPU the guest lacks.
   */
  vcpuPins: { vcpu: number; cpus: number[]; from: 'vcpupin' | 'cpuset'; flag?: 'duplicate' | 'no-such-vcpu' }[];
  emulatorPin: number[] | null;
  /** `<numatune><memory>`: mode and host nodes (null with placement='auto' or no nodeset). */
  memory: { mode: string; nodes: number[] } | null;
  memnodes: { cell: number; mode: string; nodes: number[] }[];
  /** Guest NUMA cells: their vCPUs and memory. */
  cells: { id: number; vcpus: number[]; memoryKiB: number | null }[];
  /** Huge page sizes the guest asks for, with the guest cells each serves (null: all). */
  hugepages: { sizeKiB: number; cells: number[] | null }[];
  /** PCI addresses of the host devices given to the guest. */
  hostdevs: string[];
  /** The host-related findings: host-aware (VT150-VT169), across guests (VT110-VT119) and of the pins (VT130, VT131, VT139). */
  conflicts: { rule: string; severity: Severity; message: string; line: number }[];
  /** The host's other guests, when known (libvirt's domains or the domain files beside the document). */
  guests: GuestOnHost[];
  /** What the conflicts are about, to draw in the error colour; missing ones are those the host lacks. */
  marks: {
    cpus: number[];
    nodes: number[];
    /** Huge page counts (node and size) that fall short. */
    hugepages: { node: number; sizeKiB: number }[];
    pci: string[];
    missingCpus: number[];
    missingNodes: number[];
    missingPci: string[];
  };
}

/** Another guest of the host, drawn quieter than the open one. */
export interface GuestOnHost {
  name: string;
  /** Its file or libvirt connection: `web01.xml`, `libvirt qemu:///system`. */
  where: string;
  state: 'running' | 'autostart' | 'shut off';
  vcpus: number | null;
  /** Host CPUs its vCPUs are pinned to (vcpupin, else vcpu cpuset). */
  vcpuCpus: number[];
  emulatorPin: number[] | null;
  memory: { mode: string; nodes: number[] } | null;
  /** Host CPUs it pins that the open guest pins too, when both can run at once (VT110). */
  sharedCpus: number[];
}

/** `virtTune/libvirt/domains`: libvirt's defined domains, for the libvirt view and "Open libvirt domain...". */
export const LIBVIRT_DOMAINS_REQUEST = 'virtTune/libvirt/domains';
/** `virtTune/libvirt/read`: a domain's persistent XML (`virsh dumpxml --inactive`). */
export const LIBVIRT_READ_REQUEST = 'virtTune/libvirt/read';
/** `virtTune/libvirt/define`: defines a domain with validation, as `virsh edit` does when it saves. */
export const LIBVIRT_DEFINE_REQUEST = 'virtTune/libvirt/define';
/** `virtTune/libvirt/didChange` (server to client): the libvirt connection opened, closed or changed: list the domains again. */
export const LIBVIRT_CHANGED_NOTIFICATION = 'virtTune/libvirt/didChange';
/** The file system scheme of libvirt's domains in the editor: `libvirt:/NAME.xml`. */
export const LIBVIRT_SCHEME = 'libvirt';

export interface LibvirtDomainView {
  name: string;
  uuid: string;
  /** virsh's words: `running`, `shut off`, `paused`, ... */
  state: string;
  autostart: boolean;
  persistent: boolean;
  vcpus: number | null;
  memoryKiB: number | null;
  /** Whether its persistent XML pins vCPUs or emulator threads (null when it could not be read). */
  pinned: boolean | null;
}

export interface LibvirtDomainsResult {
  /** The connection's URI; null when virtTune.libvirt names none that answers. */
  uri: string | null;
  domains: LibvirtDomainView[];
  /** Why there are no domains to show, in words for the user. */
  problem?: string;
}

export interface LibvirtReadParams {
  name: string;
}

export type LibvirtReadResult = { ok: true; xml: string } | { ok: false; message: string };

export interface LibvirtDefineParams {
  xml: string;
  /** The domain the document was opened as: a define that changes its name or uuid is refused, as virsh edit does. */
  name?: string;
}

/** A refusal carries libvirt's words, and where in the text they point when that can be told (0-based). */
export type LibvirtDefineResult = { ok: true; name: string } | { ok: false; message: string; at?: { line: number; character: number; length: number } };

/**
 * What the editor adds to the language server's environment when it starts it. glibc's malloc raises its
 * trim threshold to twice the largest block it has given back to the system (up to 64 MB), and after the
 * server has loaded its bundle and judged a few large documents, memory freed in its arenas then stays
 * resident (~16 MB of the server's RSS with fifty 2,000-line domains open). A fixed threshold (glibc's
 * default, 128 KiB) gives it back. Other C libraries ignore the variable. A process cannot set this for
 * itself once started, so whoever starts the server does.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072' };

/** How many helper threads node gives V8 when not told otherwise, whatever the machine (node's --v8-pool-size). */
export const NODE_DEFAULT_V8_POOL_SIZE = 4;

/**
 * node's own options for the language server and the `virt-tune` command on a machine of `cores` CPUs. V8
 * compiles hot code and does parts of its garbage collection on a pool of helper threads, four by node's default. On a small machine
 * they compete with the server's one thread while the user types: on two cores, the slowest completions
 * and publications were found waiting for a CPU behind V8's optimizing compiler (test/bench/tailDecompose.ts),
 * and with one helper thread every pooled p99 of the server bench came out lower (completion 8.8 against
 * 11.4-12.7 ms, first publication 16 against 24-26 ms, as VS Code starts it, quiet machine, 3 rounds). So the
 * pool gets one thread fewer than the cores (at least one), and machines of five cores or more keep node's
 * default. The CLI's lint of many files waits behind them likewise (libvirt's 2,321 corpus files, 11 alternated
 * rounds: the main thread waited for a CPU 89 -> 12 ms, wall 654 -> 597 ms). server/src/boot/virt-tune.sh says
 * the same for `virt-tune` and `virt-tune-ls` (test/boot/nodeArgumentsForCores.test.ts).
 */
export function nodeArgumentsForCores(cores: number): string[] {
  const poolSize = Math.max(1, Math.min(NODE_DEFAULT_V8_POOL_SIZE, Math.floor(cores) - 1));
  return poolSize === NODE_DEFAULT_V8_POOL_SIZE ? [] : [`--v8-pool-size=${poolSize}`];
}

/**
 * Variables the editor moves out of the language server's environment, each to a name of its own.
 * NODE_EXTRA_CA_CERTS names certificates for node's TLS connections, and node reads and parses that file
 * before any script runs: with Debian's bundle (220 KB), 60 ms of every start and several MB of resident
 * memory. The server makes no TLS connection: it reads files, talks to its editor over stdio, IPC, a
 * local socket or pipe, and runs virsh (libvirt's TLS is its own, with its own certificates). The
 * programs it runs get the variable back under its own name (programEnvironment), so they see what the
 * editor would have handed them.
 */
export const SERVER_ENVIRONMENT_MOVED: Readonly<Record<string, string>> = { NODE_EXTRA_CA_CERTS: 'VIRT_TUNE_MOVED_NODE_EXTRA_CA_CERTS' };

type Environment = Readonly<Record<string, string | undefined>>;

/** The language server's environment, from the editor's own: SERVER_ENVIRONMENT added, SERVER_ENVIRONMENT_MOVED moved. */
export function serverEnvironment(base: Environment): Record<string, string> {
  const environment = definedOnly(base);
  for (const [name, movedTo] of Object.entries(SERVER_ENVIRONMENT_MOVED)) {
    const value = environment[name];
    delete environment[name];
    if (value !== undefined) environment[movedTo] = value;
  }
  return { ...environment, ...SERVER_ENVIRONMENT };
}

/** The environment of a program the language server runs: what serverEnvironment moved, given back. */
export function programEnvironment(base: Environment): Record<string, string> {
  const environment = definedOnly(base);
  for (const [name, movedTo] of Object.entries(SERVER_ENVIRONMENT_MOVED)) {
    const value = environment[movedTo];
    if (value === undefined) continue;
    delete environment[movedTo];
    environment[name] = value;
  }
  return environment;
}

function definedOnly(base: Environment): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined) environment[name] = value;
  return environment;
}
