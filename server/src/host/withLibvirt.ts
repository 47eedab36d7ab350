import { readCapabilitiesHost } from './capabilities';
import { readCapabilitiesGuests } from './domainCapabilities';
import { hostFingerprint } from './fingerprint';
import type { DomainCapabilities, LibvirtFacts } from './libvirtTypes';
import type { HostModel, HugePageCount } from './types';
import { parseXml } from '../xml/parser';

/** What libvirt answered, as the host model takes it (the adapter's results, no connection). */
export interface LibvirtAnswers {
  source: string;
  version: { libvirt: string; hypervisor: { name: string; version: string } | null } | null;
  capabilitiesXml: string | null;
  domainCapabilities: DomainCapabilities[];
  /** `virsh freepages --all`. */
  freePages: { node: number; sizeKiB: number; free: number }[] | null;
}

/**
 * The host with what libvirt says added: `host.libvirt`, and free huge pages per node where the host
 * did not know them (a host read from capabilities). Without a host (no sysfs to read, or the CLI's
 * `--libvirt` alone) the host is the one libvirt's capabilities describe.
 */
export function withLibvirt(host: HostModel | undefined, answers: LibvirtAnswers): HostModel | undefined {
  const read = readAnswers(answers);
  const base = host ?? read.capabilitiesHost();
  const facts = read.facts;
  const model: Omit<HostModel, 'fingerprint'> = base ?? emptyHost(answers.source);
  const nodes = model.nodes.map((node) => ({ ...node, hugepages: node.hugepages.map((pages) => withFree(pages, node.id, answers.freePages)) }));
  const hugepages = model.hugepages.map((pages) => {
    if (pages.free !== null || !answers.freePages) return pages;
    const free = answers.freePages.filter((entry) => entry.sizeKiB === pages.sizeKiB);
    return free.length > 0 ? { ...pages, free: free.reduce((sum, entry) => sum + entry.free, 0) } : pages;
  });
  const merged: Omit<HostModel, 'fingerprint'> = { ...model, nodes, hugepages, libvirt: facts };
  return { ...merged, fingerprint: hostFingerprint(merged) };
}

function withFree(pages: HugePageCount, node: number, freePages: LibvirtAnswers['freePages']): HugePageCount {
  if (pages.free !== null || !freePages) return pages;
  const entry = freePages.find((candidate) => candidate.node === node && candidate.sizeKiB === pages.sizeKiB);
  return entry ? { ...pages, free: entry.free } : pages;
}

/** A host of which only libvirt's answers are known (domcapabilities files alone). */
function emptyHost(source: string): Omit<HostModel, 'fingerprint'> {
  return { source, nodes: [], numa: false, cpus: [], hugepages: [], defaultHugepageKiB: null, ksm: null, thp: null, pci: [], meminfo: {}, cmdline: null, gaps: [] };
}

/** What withLibvirt reads from one set of answers, whatever the host. */
interface ReadAnswers {
  facts: LibvirtFacts;
  /** The host libvirt's capabilities describe, for when there is no other (read when first asked). */
  capabilitiesHost(): HostModel | undefined;
}

/**
 * Each set of answers read once: the language server decorates every re-read of the live host (one
 * every few seconds while the user types) with the same answers, and parsing the capabilities again
 * each time put a few milliseconds into whichever keystroke, completion or hover came first.
 */
const readSets = new WeakMap<LibvirtAnswers, ReadAnswers>();

function readAnswers(answers: LibvirtAnswers): ReadAnswers {
  const known = readSets.get(answers);
  if (known) return known;
  const root = answers.capabilitiesXml !== null ? parseXml(answers.capabilitiesXml).root : undefined;
  const capabilities = answers.capabilitiesXml !== null && root?.name === 'capabilities' ? answers.capabilitiesXml : undefined;
  let capabilitiesHost: { host: HostModel | undefined } | undefined;
  const read: ReadAnswers = {
    facts: {
      source: answers.source,
      libvirtVersion: answers.version?.libvirt ?? null,
      hypervisor: answers.version?.hypervisor ?? null,
      guests: root?.name === 'capabilities' ? readCapabilitiesGuests(root) : [],
      domainCapabilities: answers.domainCapabilities,
    },
    capabilitiesHost() {
      capabilitiesHost ??= { host: capabilities !== undefined ? readCapabilitiesHost(capabilities, answers.source) : undefined };
      return capabilitiesHost.host;
    },
  };
  readSets.set(answers, read);
  return read;
}
