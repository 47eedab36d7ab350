import type { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDiagnostics } from '../domain/diagnostics';
import { domainDocument } from '../domain/document';
import type { DomainModel } from '../domain/model';
import { cleanIds, guestCells, maxVcpus } from '../domain/rules/guest';
import { HOST_RULE_CODES } from '../domain/rules/host';
import { hugePageDemands } from '../domain/rules/host/hugepageDemand';
import { assignedPciDevices } from '../domain/rules/host/hostdevs';
import { guestHostNodes, memoryBinding, vcpuHostCpus } from '../domain/rules/host/placement';
import { elementText, firstChild } from '../xml/query';
import type { XmlDocument } from '../xml/types';
import { GUEST_RULE_CODES } from '../domain/rules/guests';
import { canRun, claimsOf, guestClaims, otherGuestsOf } from '../domain/rules/guests/claims';
import { guestXml } from '../guests/load';
import type { Guests } from '../guests/types';
import type { DomainLayout, GuestOnHost } from '../protocol';
import { availablePages, hostCpuIds, hostNodeIds, nodesOfCpus } from '../host/queries';
import type { HostModel } from '../host/types';

/**
 * What a domain document claims of the host, for the panel: vCPU pins, emulator pin, memory binding,
 * guest cells, huge page sizes, assigned devices, and the host-aware findings with what they are
 * about. Undefined for a document that is not a domain.
 */
export function domainLayout(textDocument: TextDocument, host: HostModel | undefined, guests?: Guests): DomainLayout | undefined {
  const { xml, model } = domainDocument(textDocument);
  if (!model) return undefined;
  const findings = domainDiagnostics(textDocument, { ...(host ? { host } : {}), ...(guests ? { guests } : {}) }).filter((finding) => CONFLICT_CODES.has(finding.rule));
  const conflicts = findings.map((finding) => ({ rule: finding.rule, severity: finding.severity, message: finding.message, line: finding.range.start.line + 1 }));
  const name = firstChild(model.root, 'name');
  const binding = memoryBinding(xml, model);
  return {
    uri: textDocument.uri,
    name: (name && elementText(name)?.value) ?? null,
    vcpus: maxVcpus(model) ?? null,
    vcpuPins: vcpuPins(xml, model),
    emulatorPin: cleanIds(xml, model.cputune?.emulatorpin?.cpuset) ?? null,
    memory: binding ? { mode: binding.mode, nodes: binding.nodes } : null,
    memnodes: (model.numatune?.memnodes ?? []).flatMap((memnode) => {
      const nodes = cleanIds(xml, memnode.nodeset);
      return memnode.cellid === undefined || !nodes ? [] : [{ cell: memnode.cellid, mode: memnode.mode ?? 'strict', nodes }];
    }),
    cells: guestCells(xml, model).map((cell) => ({ id: cell.id, vcpus: cell.cpus ?? [], memoryKiB: cell.cell.memory?.kib ?? null })),
    hugepages: (model.memoryBacking?.hugepages?.pages ?? []).flatMap((page) =>
      page.sizeKiB === undefined ? [] : [{ sizeKiB: page.sizeKiB, cells: page.nodeset ? (cleanIds(xml, page.nodeset) ?? null) : null }],
    ),
    hostdevs: assignedPciDevices(model).map((device) => device.address),
    conflicts,
    guests: guestsOnHost(xml, model, textDocument, guests ?? [], host),
    marks: host ? marks(xml, model, host, new Set(findings.map((finding) => finding.rule))) : emptyMarks(),
  };
}

/** The findings the panel lists under Conflicts: about the host, the other guests, or the pins it draws. */
const CONFLICT_CODES: ReadonlySet<string> = new Set([...HOST_RULE_CODES, ...GUEST_RULE_CODES, 'VT130', 'VT131', 'VT139']);

function guestsOnHost(xml: XmlDocument, model: DomainModel, textDocument: TextDocument, guests: Guests, host: HostModel | undefined): GuestOnHost[] {
  const others = otherGuestsOf(model, textDocument.uri, guests);
  const ownCpus = new Set(documentPins(xml, model, host));
  return others.map((guest) => {
    const guestModel = guest.model;
    const guestTree = guestXml(guest);
    const claims = guestClaims(guest, host?.defaultHugepageKiB ?? null);
    const pinned = claims.pins.flatMap((pin) => pin.cpus);
    const binding = memoryBinding(guestTree, guestModel);
    return {
      name: guest.name,
      where: guest.origin.kind === 'file' ? guest.origin.path.slice(guest.origin.path.lastIndexOf('/') + 1) : `libvirt ${guest.origin.uri}`,
      state: guest.running ? 'running' : guest.autostart ? 'autostart' : 'shut off',
      vcpus: maxVcpus(guestModel) ?? null,
      vcpuCpus: unique(vcpuPins(guestTree, guestModel).filter((pin) => !pin.flag).flatMap((pin) => pin.cpus)),
      emulatorPin: cleanIds(guestTree, guestModel.cputune?.emulatorpin?.cpuset) ?? null,
      memory: binding ? { mode: binding.mode, nodes: binding.nodes } : null,
      sharedCpus: canRun(guest) ? unique(pinned.filter((cpu) => ownCpus.has(cpu))) : [],
    };
  });
}

/** The open guest's vcpupin and emulatorpin CPUs (what VT110 compares). */
function documentPins(xml: XmlDocument, model: DomainModel, host: HostModel | undefined): number[] {
  return claimsOf(xml, model, host?.defaultHugepageKiB ?? null).pins.flatMap((pin) => pin.cpus);
}

function vcpuPins(xml: XmlDocument, model: DomainModel): DomainLayout['vcpuPins'] {
  const count = maxVcpus(model) ?? 0;
  const pins: DomainLayout['vcpuPins'] = [];
  const seen = new Set<number>();
  for (const pin of model.cputune?.vcpupins ?? []) {
    const cpus = cleanIds(xml, pin.cpuset);
    if (pin.vcpu === undefined || !cpus) continue;
    const flag = pin.vcpu >= count ? 'no-such-vcpu' : seen.has(pin.vcpu) ? 'duplicate' : undefined;
    seen.add(pin.vcpu);
    pins.push({ vcpu: pin.vcpu, cpus, from: 'vcpupin', ...(flag ? { flag } : {}) });
  }
  const defaultSet = model.vcpu?.placement === 'auto' ? undefined : cleanIds(xml, model.vcpu?.cpuset);
  if (defaultSet) for (let vcpu = 0; vcpu < Math.min(count, 4096); vcpu++) if (!seen.has(vcpu)) pins.push({ vcpu, cpus: defaultSet, from: 'cpuset' });
  return pins.sort((a, b) => a.vcpu - b.vcpu);
}

function emptyMarks(): DomainLayout['marks'] {
  return { cpus: [], nodes: [], hugepages: [], pci: [], missingCpus: [], missingNodes: [], missingPci: [] };
}

/** The host CPUs, nodes and devices the host-aware findings are about. */
function marks(xml: XmlDocument, model: DomainModel, host: HostModel, rules: Set<string>): DomainLayout['marks'] {
  const result = emptyMarks();
  const cpus = new Set<number>();
  const nodes = new Set<number>();
  const pinnedCpus = [...vcpuPins(xml, model).filter((pin) => !pin.flag).flatMap((pin) => pin.cpus), ...(cleanIds(xml, model.cputune?.emulatorpin?.cpuset) ?? [])];
  const known = hostCpuIds(host);
  if (rules.has('VT150') && known) result.missingCpus = unique(pinnedCpus.filter((id) => !known.has(id)));
  if (rules.has('VT151')) for (const cpu of host.cpus) if (!cpu.online && pinnedCpus.includes(cpu.id)) cpus.add(cpu.id);
  const nodeIds = hostNodeIds(host);
  const binding = memoryBinding(xml, model);
  if (rules.has('VT152') && nodeIds) {
    const asked = [...(binding?.nodes ?? []), ...(model.numatune?.memnodes ?? []).flatMap((memnode) => cleanIds(xml, memnode.nodeset) ?? [])];
    result.missingNodes = unique(asked.filter((id) => !nodeIds.has(id)));
  }
  if (rules.has('VT154')) {
    for (const demand of hugePageDemands(xml, model, host.defaultHugepageKiB)) {
      const available = availablePages(host, demand.sizeKiB, demand.nodes);
      if (!available || available.count >= demand.pages) continue;
      for (const node of demand.nodes ?? host.nodes.map((entry) => entry.id)) {
        nodes.add(node);
        result.hugepages.push({ node, sizeKiB: demand.sizeKiB });
      }
    }
  }
  if (rules.has('VT155') && binding?.nodes.length === 1) {
    for (const id of vcpuHostCpus(xml, model) ?? []) {
      const [node] = nodesOfCpus(host, [id]);
      if (node !== undefined && node !== binding.nodes[0]) cpus.add(id);
    }
  }
  const assigned = assignedPciDevices(model).map((device) => device.address);
  if (rules.has('VT157')) {
    const guestNodes = guestHostNodes(xml, model, host);
    for (const device of host.pci) if (assigned.includes(device.address) && device.node !== null && !guestNodes.includes(device.node)) result.pci.push(device.address);
  }
  if (rules.has('VT158')) result.missingPci = assigned.filter((address) => !host.pci.some((device) => device.address === address));
  result.cpus = [...cpus].sort((a, b) => a - b);
  result.nodes = [...nodes].sort((a, b) => a - b);
  return result;
}

function unique(ids: number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}
