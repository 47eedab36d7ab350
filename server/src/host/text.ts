import { formatCpuset } from '../kb/cpuset';
import { ioDevices, pciKind } from './pciClass';
import { pageSizeLabel, roundedKiB } from './sizes';
import type { HostCpu, HostModel, HostNode, HugePageCount } from './types';

const WIDTH = 100;

/**
 * `virt-tune host` for a terminal: one block per NUMA node with its CPUs by socket and core
 * (`[0 8]` is a core with two threads), memory and huge pages, distances, and the network and storage
 * devices on it; then what is host-wide: offline CPUs no node claims, KSM, THP, the kernel command line, and gaps.
 */
export function formatHostText(host: HostModel): string {
  const lines: string[] = [];
  const online = host.cpus.filter((cpu) => cpu.online);
  const sockets = new Set(host.cpus.flatMap((cpu) => (cpu.socket === null ? [] : [cpu.socket])));
  lines.push(
    `host (${host.source}): ${count(host.nodes.length, 'NUMA node')}${host.numa ? '' : ' (no NUMA files: one node assumed)'}, ` +
      `${count(host.cpus.length, 'CPU')} (${online.length} online)${sockets.size > 0 ? `, ${count(sockets.size, 'socket')}` : ''}`,
  );
  for (const node of host.nodes) lines.push('', ...nodeLines(host, node));
  lines.push('');
  const offline = host.cpus.filter((cpu) => !cpu.online && (cpu.node === null || !host.nodes.some((node) => node.id === cpu.node)));
  if (offline.length > 0) lines.push(`offline CPUs on no known node: ${formatCpuset(offline.map((cpu) => cpu.id))}`);
  const unplaced = ioDevices(host.pci).filter((device) => device.node === null);
  if (unplaced.length > 0) lines.push(...wrap('devices on no node:', unplaced.map(deviceLabel)));
  lines.push(`huge pages (host): ${host.hugepages.length > 0 ? host.hugepages.map(pagesLabel).join(', ') : 'none supported or unknown'}`);
  lines.push(`KSM: ${ksmLabel(host)}`);
  lines.push(`THP: ${host.thp ?? 'unknown'}`);
  if (host.cmdline !== null) lines.push(...wrap('cmdline:', host.cmdline.split(/\s+/)));
  if (host.gaps.length > 0) lines.push(...wrap(`not read (${host.gaps.length}):`, host.gaps.slice(0, 8).concat(host.gaps.length > 8 ? ['...'] : [])));
  return `${lines.join('\n')}\n`;
}

function nodeLines(host: HostModel, node: HostNode): string[] {
  const lines = [`node ${node.id}  CPUs ${node.cpus.length > 0 ? formatCpuset(node.cpus) : 'none'}  memory ${memoryLabel(node)}`];
  const cpus = host.cpus.filter((cpu) => cpu.node === node.id);
  const bySocket = new Map<string, HostCpu[]>();
  for (const cpu of cpus.filter((cpu) => cpu.online)) {
    const key = cpu.socket === null ? '?' : String(cpu.socket);
    bySocket.set(key, [...(bySocket.get(key) ?? []), cpu]);
  }
  for (const [socket, members] of bySocket) lines.push(...wrap(`  socket ${socket}:`, cores(members)));
  const offline = cpus.filter((cpu) => !cpu.online).map((cpu) => cpu.id);
  if (offline.length > 0) lines.push(`  offline: ${formatCpuset(offline)}`);
  if (node.hugepages.length > 0) lines.push(`  huge pages: ${node.hugepages.map(pagesLabel).join(', ')}`);
  if (node.distances.length > 0) lines.push(`  distances: ${node.distances.join(' ')}`);
  const devices = ioDevices(host.pci).filter((device) => device.node === node.id);
  if (devices.length > 0) lines.push(...wrap('  devices:', devices.map(deviceLabel)));
  return lines;
}

/** `[0 8]` per core (its online threads), in the order of the core's first CPU. */
function cores(cpus: HostCpu[]): string[] {
  const groups = new Map<string, number[]>();
  for (const cpu of cpus) {
    const key = cpu.core === null ? `cpu ${cpu.id}` : `core ${cpu.core}`;
    groups.set(key, [...(groups.get(key) ?? []), cpu.id]);
  }
  return [...groups.values()]
    .sort((a, b) => Math.min(...a) - Math.min(...b))
    .map((ids) => `[${ids.sort((x, y) => x - y).join(' ')}]`);
}

function memoryLabel(node: HostNode): string {
  if (node.memTotalKiB === null) return 'unknown';
  return node.memFreeKiB === null ? roundedKiB(node.memTotalKiB) : `${roundedKiB(node.memFreeKiB)} free of ${roundedKiB(node.memTotalKiB)}`;
}

function pagesLabel(pages: HugePageCount): string {
  const total = pages.total ?? '?';
  return pages.free === null ? `${pageSizeLabel(pages.sizeKiB)} ×${total}` : `${pageSizeLabel(pages.sizeKiB)} ${pages.free} free of ${total}`;
}

function deviceLabel(device: HostModel['pci'][number]): string {
  const names = device.names.length > 0 ? `${device.names.join(',')} ` : '';
  return `${names}(${pciKind(device)} ${device.address})`;
}

function ksmLabel(host: HostModel): string {
  const ksm = host.ksm;
  if (!ksm) return 'unknown';
  const state = ksm.run === 1 ? 'running' : ksm.run === 0 ? 'stopped' : ksm.run === 2 ? 'stopped, pages unmerged' : `run=${ksm.run ?? '?'}`;
  const parts = [state];
  if (ksm.pagesShared !== null) parts.push(`${ksm.pagesShared} pages shared`);
  if (ksm.pagesSharing !== null) parts.push(`${ksm.pagesSharing} sharing`);
  if (ksm.mergeAcrossNodes !== null) parts.push(`merge_across_nodes=${ksm.mergeAcrossNodes}`);
  return parts.join(', ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** `head item item ...` cut into lines no wider than WIDTH, continued with the head's indentation plus two. */
function wrap(head: string, items: string[]): string[] {
  const indent = ' '.repeat(head.length - head.trimStart().length + 2);
  const lines: string[] = [];
  let line = head;
  for (const item of items) {
    if (line.length + 1 + item.length > WIDTH && line.trim() !== head.trim()) {
      lines.push(line);
      line = indent + item;
    } else {
      line += ` ${item}`;
    }
  }
  lines.push(line);
  return lines;
}
