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
  const root = answers.capabilitiesXml !== null ? parseXml(answers.capabilitiesXml).root : undefined;
  const base = host ?? (answers.capabilitiesXml !== null && root?.name === 'capabilities' ? readCapabilitiesHost(answers.capabilitiesXml, answers.source) : undefined);
  const facts: LibvirtFacts = {
    source: answers.source,
    libvirtVersion: answers.version?.libvirt ?? null,
    hypervisor: answers.version?.hypervisor ?? null,
    guests: root?.name === 'capabilities' ? readCapabilitiesGuests(root) : [],
    domainCapabilities: answers.domainCapabilities,
  };
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
