import { parseCpuset } from '../kb/cpuset';
import type { DomainModel, IdSet } from '../domain/model';
import type { HostModel } from '../host/types';
import { attribute, childElements } from '../xml/query';
import type { Guest } from '../guests/types';

/** One host node as the tuner sees it: what is free there for a new placement. */
export interface NodeView {
  id: number;
  /** Whole cores whose every online thread is free, each as its threads ascending; the core of CPU 0 last. */
  freeCores: number[][];
  /** Online CPUs of the node that are not free, with why (for the explanation). */
  taken: Map<number, string>;
  memFreeKiB: number | null;
  /** Free huge pages per size on this node (only sizes the node reports a free count for). */
  pages: { sizeKiB: number; free: number; total: number }[];
  /** Whether any core has more than one thread. */
  smt: boolean;
}

/** The ids of a cpuset as written, when it parses without a problem. */
function ids(set: IdSet | undefined): number[] {
  return set && set.parse.problems.length === 0 ? set.parse.ids : [];
}

/** Every host CPU a domain pins something to: vCPU pins, the static vCPU set, the emulator and I/O threads. */
export function pinnedCpus(model: DomainModel): number[] {
  const cpus = new Set<number>();
  if (model.vcpu?.placement !== 'auto') for (const id of ids(model.vcpu?.cpuset)) cpus.add(id);
  for (const pin of model.cputune?.vcpupins ?? []) for (const id of ids(pin.cpuset)) cpus.add(id);
  for (const id of ids(model.cputune?.emulatorpin?.cpuset)) cpus.add(id);
  const cputune = model.cputune?.element;
  for (const pin of cputune ? childElements(cputune, 'iothreadpin') : []) {
    const value = attribute(pin, 'cpuset')?.value;
    if (value !== undefined) {
      const parse = parseCpuset(value);
      if (parse.problems.length === 0) for (const id of parse.ids) cpus.add(id);
    }
  }
  return [...cpus].sort((a, b) => a - b);
}

/** The domain's `<name>`, as the other guests are told apart from it. */
export function domainName(model: DomainModel): string | undefined {
  const name = childElements(model.root, 'name')[0];
  const text = name?.children.find((child) => child.kind === 'text');
  return text && text.kind === 'text' ? text.value.trim() : undefined;
}

/**
 * Each host node with its free cores, memory and pages. A CPU is not free when another guest pins
 * something to it (shut-off guests too: their pins come back when they start), or when the kernel
 * command line isolates it and this guest does not already pin its vCPUs there (then the isolation
 * is someone else's).
 */
export function hostView(host: HostModel, self: DomainModel, guests: readonly Guest[], isolated: readonly number[]): NodeView[] {
  const reasons = new Map<number, string>();
  const selfName = domainName(self);
  for (const guest of guests) {
    if (selfName !== undefined && guest.name === selfName) continue;
    for (const cpu of pinnedCpus(guest.model)) {
      if (!reasons.has(cpu)) reasons.set(cpu, `pinned by ${guest.name}${guest.running ? '' : ' (not running)'}`);
    }
  }
  const ownVcpuCpus = new Set((self.cputune?.vcpupins ?? []).flatMap((pin) => ids(pin.cpuset)));
  for (const cpu of isolated) {
    if (!ownVcpuCpus.has(cpu) && !reasons.has(cpu)) reasons.set(cpu, 'isolated on the kernel command line');
  }
  const online = new Map(host.cpus.filter((cpu) => cpu.online).map((cpu) => [cpu.id, cpu]));
  return host.nodes.map((node) => {
    const cpus = node.cpus.filter((id) => online.has(id));
    const taken = new Map<number, string>();
    for (const id of cpus) {
      const reason = reasons.get(id);
      if (reason !== undefined) taken.set(id, reason);
    }
    const seen = new Set<number>();
    const cores: number[][] = [];
    for (const id of cpus) {
      if (seen.has(id)) continue;
      const siblings = online.get(id)!.siblings.filter((sibling) => online.has(sibling) && cpus.includes(sibling));
      const core = [...new Set([id, ...siblings])].sort((a, b) => a - b);
      for (const thread of core) seen.add(thread);
      cores.push(core);
    }
    const freeCores = cores
      .filter((core) => core.every((thread) => !taken.has(thread)))
      .sort((a, b) => Number(a.includes(0)) - Number(b.includes(0)) || a[0]! - b[0]!);
    return {
      id: node.id,
      freeCores,
      taken,
      memFreeKiB: node.memFreeKiB,
      pages: node.hugepages
        .filter((pages) => pages.free !== null)
        .map((pages) => ({ sizeKiB: pages.sizeKiB, free: pages.free!, total: pages.total ?? pages.free! }))
        .sort((a, b) => b.sizeKiB - a.sizeKiB),
      smt: cores.some((core) => core.length > 1),
    };
  });
}
