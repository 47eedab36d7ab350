import { formatCpuset, roundedKiB, type DomainLayout, type HostView } from '../../../server/src/protocol';
import { classes, escapeHtml, meter } from './html';
import { VCPU_COLOURS } from './styles';

type HostCpuView = HostView['cpus'][number];
type HostNodeView = HostView['nodes'][number];
type PciView = HostView['pci'][number];

/** What the guest puts on each host CPU, node and device: the pins inverted, for drawing. */
interface Claims {
  vcpusOn: Map<number, number[]>;
  /** vCPUs whose pin the linter flags (a duplicate, a vCPU the guest lacks), per host CPU. */
  flaggedOn: Map<number, number[]>;
  /** The other guests pinned to each host CPU (vCPUs or emulator). */
  othersOn: Map<number, string[]>;
  /** Host CPUs the open guest shares with another guest that can run beside it. */
  sharedCpus: Set<number>;
  emulator: Set<number>;
  conflictCpus: Set<number>;
  conflictNodes: Set<number>;
  /** `node:sizeKiB` of the huge page counts that fall short. */
  conflictPages: Set<string>;
  conflictPci: Set<string>;
  assigned: Set<string>;
  /** Host node -> `memory (strict)` and guest cells bound there. */
  memoryNodes: Map<number, string[]>;
}

/**
 * The panel's content: the host (nodes as boxes holding sockets, cores and their threads, memory and
 * huge page bars, network and storage devices; KSM and THP on top) and, over it, the active domain's
 * claims (vCPU numbers and colours on the CPUs they are pinned to, the emulator pin, memory binding
 * and guest cells on the nodes) with the host-aware findings in the error colour. A pure function of
 * its data, so it can be tested without VS Code.
 */
export function renderPanelBody(host: HostView | null, layout: DomainLayout | null, note?: string): string {
  const parts: string[] = [];
  if (note) parts.push(`<p class="empty muted">${escapeHtml(note)}</p>`);
  if (!host) {
    parts.push(
      '<p class="empty">No host to show: <code>virtTune.host</code> is <code>none</code>, or the language server is not on Linux. ' +
        'Set it to <code>live</code>, a root folder or a <code>virsh capabilities</code> file.</p>',
    );
    if (layout) parts.push(guestSection(layout));
    return parts.join('\n');
  }
  const claims = claimsOf(layout);
  parts.push(hostSummary(host));
  parts.push(layout ? guestSection(layout) + othersSection(layout) : '<p class="muted">Open a libvirt domain XML file to see its pins on this host.</p>');
  parts.push(`<div class="nodes">${host.nodes.map((node) => nodeBox(host, node, claims)).join('')}</div>`);
  const unplaced = host.cpus.filter((cpu) => cpu.node === null || !host.nodes.some((node) => node.id === cpu.node));
  if (unplaced.length > 0) parts.push(`<p class="muted">CPUs on no known node: ${unplaced.map((cpu) => cpuCell(cpu, claims)).join(' ')}</p>`);
  if (layout) parts.push(missingSection(layout), conflictsSection(layout));
  parts.push(legend(layout));
  return parts.filter((part) => part !== '').join('\n');
}

function hostSummary(host: HostView): string {
  const online = host.cpus.filter((cpu) => cpu.online).length;
  const facts = [
    `${host.nodes.length} NUMA node${host.nodes.length === 1 ? '' : 's'}`,
    `${host.cpus.length} CPUs (${online} online)`,
    `KSM ${ksmLabel(host)}`,
    `THP ${host.thp ?? 'unknown'}`,
  ];
  if (host.hugepages.length > 0) facts.push(`huge pages ${host.hugepages.map((pages) => roundedKiB(pages.sizeKiB)).join(', ')}`);
  return (
    `<header class="summary"><h1>Host</h1><span class="muted">${escapeHtml(host.source)}</span></header>` +
    `<ul class="facts">${facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>`
  );
}

function ksmLabel(host: HostView): string {
  const ksm = host.ksm;
  if (!ksm || ksm.run === null) return 'unknown';
  const state = ksm.run === 1 ? 'running' : 'stopped';
  return ksm.pagesSharing !== null && ksm.run === 1 ? `${state}, ${ksm.pagesSharing} pages sharing` : state;
}

function guestSection(layout: DomainLayout): string {
  const title = `<h2>Guest ${layout.name ? `<code>${escapeHtml(layout.name)}</code>` : ''} <span class="muted">${escapeHtml(fileName(layout.uri))}</span></h2>`;
  const legend = layout.vcpuPins.map(
    (pin) =>
      `<li${classes(pin.flag ? 'badge conflict' : colourClass(pin.vcpu))}>vCPU ${pin.vcpu} → ${escapeHtml(formatCpuset(pin.cpus))}${pin.from === 'cpuset' ? ' (cpuset)' : ''}` +
      `${pin.flag === 'duplicate' ? ' (second pin)' : pin.flag === 'no-such-vcpu' ? ' (no such vCPU)' : ''}</li>`,
  );
  if (layout.emulatorPin) legend.push(`<li class="badge">emulator → ${escapeHtml(formatCpuset(layout.emulatorPin))}</li>`);
  const facts: string[] = [`${layout.vcpus ?? '?'} vCPUs`];
  const pinned = new Set(layout.vcpuPins.filter((pin) => !pin.flag).map((pin) => pin.vcpu)).size;
  facts.push(pinned === 0 ? 'vCPUs not pinned' : `${pinned} pinned`);
  if (layout.memory) facts.push(`memory ${layout.memory.mode} on node${layout.memory.nodes.length === 1 ? '' : 's'} ${formatCpuset(layout.memory.nodes)}`);
  for (const cell of layout.cells) {
    const memnode = layout.memnodes.find((entry) => entry.cell === cell.id);
    facts.push(
      `cell ${cell.id}: vCPUs ${cell.vcpus.length > 0 ? formatCpuset(cell.vcpus) : '?'}${cell.memoryKiB === null ? '' : `, ${roundedKiB(cell.memoryKiB)}`}` +
        (memnode ? ` → node ${formatCpuset(memnode.nodes)}` : ''),
    );
  }
  for (const pages of layout.hugepages) {
    const cells = pages.cells && `for cell${pages.cells.length === 1 ? '' : 's'} ${formatCpuset(pages.cells)}`;
    facts.push(`${roundedKiB(pages.sizeKiB)} pages${cells ? ` ${cells}` : ''}`);
  }
  return `<section class="guest">${title}<ul class="facts">${facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>${
    legend.length > 0 ? `<ul class="legend">${legend.join('')}</ul>` : ''
  }</section>`;
}

/** The host's other guests, quieter than the open one: state, pins and what they share with it. */
function othersSection(layout: DomainLayout): string {
  if (layout.guests.length === 0) return '';
  const items = layout.guests.map((guest) => {
    const facts = [guest.state, `${guest.vcpus ?? '?'} vCPUs`];
    facts.push(guest.vcpuCpus.length > 0 ? `CPUs ${formatCpuset(guest.vcpuCpus)}` : 'not pinned');
    if (guest.emulatorPin) facts.push(`emulator ${formatCpuset(guest.emulatorPin)}`);
    if (guest.memory) facts.push(`memory ${guest.memory.mode} on ${formatCpuset(guest.memory.nodes)}`);
    const shared = guest.sharedCpus.length > 0 ? ` <span class="conflict">shares CPU ${escapeHtml(formatCpuset(guest.sharedCpus))}</span>` : '';
    return `<li${classes(guest.state === 'shut off' && 'off')}><code>${escapeHtml(guest.name)}</code> <span class="muted">${escapeHtml(guest.where)} · ${escapeHtml(facts.join(' · '))}</span>${shared}</li>`;
  });
  return `<section class="others"><h2>Other guests <span class="muted">(${layout.guests.length})</span></h2><ul>${items.join('')}</ul></section>`;
}

/** What the marks mean. */
function legend(layout: DomainLayout | null): string {
  const items = [
    '<li><span class="cpu v0">2<small>v0</small></span> vCPU 0 of the open guest on host CPU 2</li>',
    '<li><span class="cpu emulator">6<small>emu</small></span> its emulator threads</li>',
    '<li><span class="cpu others">9<small class="other">db01</small></span> another guest pinned there</li>',
    '<li><span class="cpu conflict">4</span> a conflict (see Conflicts)</li>',
    '<li><span class="cpu flagged conflict">5<small>v7!</small></span> a pin the linter flags</li>',
    '<li><span class="cpu offline">3</span> offline</li>',
  ];
  if (!layout) items.splice(0, 5);
  return `<section class="key"><h2>Legend</h2><ul class="key">${items.join('')}</ul><p class="muted">Bars: free memory and free huge pages of each node.</p></section>`;
}

function nodeBox(host: HostView, node: HostNodeView, claims: Claims): string {
  const cpus = host.cpus.filter((cpu) => cpu.node === node.id);
  const bound = claims.memoryNodes.get(node.id) ?? [];
  const conflict = claims.conflictNodes.has(node.id);
  const header =
    `<header><h3>Node ${node.id}</h3>` +
    bound.map((label) => `<span${classes('badge', label.startsWith('cell') ? 'cell' : 'memory', conflict && 'conflict')}>${escapeHtml(label)}</span>`).join('') +
    (node.distances.length > 1 ? `<span class="muted">distances ${escapeHtml(node.distances.join(' '))}</span>` : '') +
    '</header>';
  const sockets = groupBy(cpus, (cpu) => (cpu.socket === null ? 'socket ?' : `socket ${cpu.socket}`));
  const socketBoxes = [...sockets].map(([label, members]) => `<div class="socket"><h4>${escapeHtml(label)}</h4><div class="cores">${coreBoxes(members, claims)}</div></div>`);
  const devices = host.nodes.length === 1 ? host.pci : host.pci.filter((device) => device.node === node.id);
  return (
    `<section${classes('node', bound.length > 0 && 'bound', conflict && 'conflict')} data-node="${node.id}">` +
    header +
    (socketBoxes.length > 0 ? socketBoxes.join('') : '<p class="muted">no CPUs</p>') +
    bars(node, claims) +
    deviceList(devices, claims) +
    '</section>'
  );
}

/** A core's threads side by side (siblings together); CPUs without a core id stand alone. */
function coreBoxes(cpus: HostCpuView[], claims: Claims): string {
  const cores = groupBy(cpus, (cpu) => (cpu.core === null ? `cpu ${cpu.id}` : `core ${cpu.core}`));
  return [...cores.values()]
    .sort((a, b) => a[0]!.id - b[0]!.id)
    .map((threads) => `<div class="core">${threads.map((cpu) => cpuCell(cpu, claims)).join('')}</div>`)
    .join('');
}

function cpuCell(cpu: HostCpuView, claims: Claims): string {
  const vcpus = claims.vcpusOn.get(cpu.id) ?? [];
  const flagged = claims.flaggedOn.get(cpu.id) ?? [];
  const others = claims.othersOn.get(cpu.id) ?? [];
  const emulator = claims.emulator.has(cpu.id);
  const conflict = claims.conflictCpus.has(cpu.id) || claims.sharedCpus.has(cpu.id) || flagged.length > 0;
  const colour = vcpus.length === 1 ? colourClass(vcpus[0]!) : vcpus.length > 1 ? 'shared' : undefined;
  const label =
    vcpus.length > 0 ? `<small>v${escapeHtml(formatCpuset(vcpus))}</small>` : flagged.length > 0 ? `<small>v${escapeHtml(formatCpuset(flagged))}!</small>` : emulator ? '<small>emu</small>' : '';
  const otherLabel = others.length > 0 ? `<small class="other">${escapeHtml(others.length === 1 ? shortName(others[0]!) : `${others.length} guests`)}</small>` : '';
  const title = [
    `CPU ${cpu.id}`,
    cpu.node === null ? undefined : `node ${cpu.node}`,
    cpu.socket === null ? undefined : `socket ${cpu.socket}`,
    cpu.core === null ? undefined : `core ${cpu.core}`,
    cpu.online ? undefined : 'offline',
    vcpus.length > 0 ? `vCPU ${formatCpuset(vcpus)}` : undefined,
    flagged.length > 0 ? `flagged pin of vCPU ${formatCpuset(flagged)}` : undefined,
    emulator ? 'emulator threads' : undefined,
    others.length > 0 ? `also ${others.join(', ')}` : undefined,
  ].filter((part) => part !== undefined);
  return (
    `<span${classes('cpu', colour, !cpu.online && 'offline', emulator && 'emulator', flagged.length > 0 && 'flagged', others.length > 0 && vcpus.length === 0 && !emulator && 'others', conflict && 'conflict')} ` +
    `data-cpu="${cpu.id}" title="${escapeHtml(title.join(' · '))}">${cpu.id}${label}${otherLabel}</span>`
  );
}

/** A guest's name cut to fit a CPU cell: its end, where names of one host differ (`vt-guests-a`, `vt-guests-b`). */
function shortName(name: string): string {
  return name.length > 6 ? `…${name.slice(-5)}` : name;
}

function bars(node: HostNodeView, claims: Claims): string {
  const rows: string[] = [];
  if (node.memTotalKiB !== null) {
    const free = node.memFreeKiB;
    const text = free === null ? `${roundedKiB(node.memTotalKiB)} in all` : `${roundedKiB(free)} free of ${roundedKiB(node.memTotalKiB)}`;
    rows.push(barRow('memory', meter(free ?? 0, node.memTotalKiB, `memory: ${text}`), text, false));
  }
  for (const pages of node.hugepages) {
    const label = `${roundedKiB(pages.sizeKiB)} pages`;
    const conflict = claims.conflictPages.has(`${node.id}:${pages.sizeKiB}`);
    const total = pages.total ?? 0;
    const text = pages.free === null ? `${pages.total ?? '?'} in all` : `${pages.free} free of ${pages.total ?? '?'}`;
    rows.push(barRow(label, meter(pages.free ?? 0, total, `${label}: ${text}`, conflict), text, conflict));
  }
  return rows.length > 0 ? `<div class="bars">${rows.join('')}</div>` : '';
}

function barRow(label: string, svg: string, text: string, conflict: boolean): string {
  return `<span${classes(conflict && 'conflict')}>${escapeHtml(label)}</span><span${classes('value', conflict && 'conflict')}>${escapeHtml(text)}</span>${svg}`;
}

function deviceList(devices: PciView[], claims: Claims): string {
  const shown = devices.filter((device) => device.kind !== 'other' || claims.assigned.has(device.address));
  if (shown.length === 0) return '';
  const items = shown.map((device) => {
    const kind = device.kind;
    const names = device.names.length > 0 ? `${escapeHtml(device.names.join(', '))} ` : '';
    const assigned = claims.assigned.has(device.address);
    return (
      `<li${classes(kind, assigned && 'assigned', claims.conflictPci.has(device.address) && 'conflict')} data-pci="${escapeHtml(device.address)}">` +
      `<span class="kind">${kind === 'network' ? 'NET' : kind === 'storage' ? 'DISK' : 'PCI'}</span>${names}<code>${escapeHtml(device.address)}</code>` +
      `${assigned ? ' ← guest' : ''}</li>`
    );
  });
  return `<ul class="devices">${items.join('')}</ul>`;
}

function missingSection(layout: DomainLayout): string {
  const { missingCpus, missingNodes, missingPci } = layout.marks;
  const items: string[] = [];
  if (missingCpus.length > 0) items.push(`pinned host CPUs the host lacks: ${formatCpuset(missingCpus)}`);
  if (missingNodes.length > 0) items.push(`host NUMA nodes the host lacks: ${formatCpuset(missingNodes)}`);
  if (missingPci.length > 0) items.push(`PCI devices the host lacks: ${missingPci.join(', ')}`);
  if (items.length === 0) return '';
  return `<section class="missing"><h2>Not on this host</h2><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></section>`;
}

function conflictsSection(layout: DomainLayout): string {
  if (layout.conflicts.length === 0) return `<section class="conflicts"><h2>Conflicts</h2><p class="muted">None: the guest fits this host${layout.guests.length > 0 ? ' beside its other guests' : ''}.</p></section>`;
  const items = layout.conflicts.map(
    (conflict) =>
      `<li${classes(conflict.severity)} data-line="${conflict.line}" title="line ${conflict.line}: reveal in the editor"><b>${escapeHtml(conflict.rule)}</b> ` +
      `<span class="muted">${escapeHtml(conflict.severity)}, line ${conflict.line}</span> ${escapeHtml(conflict.message)}</li>`,
  );
  return `<section class="conflicts"><h2>Conflicts</h2><ul>${items.join('')}</ul></section>`;
}

function claimsOf(layout: DomainLayout | null): Claims {
  const claims: Claims = {
    vcpusOn: new Map(),
    flaggedOn: new Map(),
    othersOn: new Map(),
    sharedCpus: new Set((layout?.guests ?? []).flatMap((guest) => guest.sharedCpus)),
    emulator: new Set(layout?.emulatorPin ?? []),
    conflictCpus: new Set(layout?.marks.cpus ?? []),
    conflictNodes: new Set(layout?.marks.nodes ?? []),
    conflictPages: new Set((layout?.marks.hugepages ?? []).map((mark) => `${mark.node}:${mark.sizeKiB}`)),
    conflictPci: new Set(layout?.marks.pci ?? []),
    assigned: new Set(layout?.hostdevs ?? []),
    memoryNodes: new Map(),
  };
  if (!layout) return claims;
  for (const pin of layout.vcpuPins) {
    const map = pin.flag ? claims.flaggedOn : claims.vcpusOn;
    for (const cpu of pin.cpus) map.set(cpu, [...(map.get(cpu) ?? []), pin.vcpu]);
  }
  for (const guest of layout.guests) {
    for (const cpu of new Set([...guest.vcpuCpus, ...(guest.emulatorPin ?? [])])) claims.othersOn.set(cpu, [...(claims.othersOn.get(cpu) ?? []), guest.name]);
  }
  const mark = (node: number, label: string) => claims.memoryNodes.set(node, [...(claims.memoryNodes.get(node) ?? []), label]);
  for (const node of layout.memory?.nodes ?? []) mark(node, `memory (${layout.memory!.mode})`);
  for (const memnode of layout.memnodes) for (const node of memnode.nodes) mark(node, `cell ${memnode.cell}`);
  return claims;
}

function colourClass(vcpu: number): string {
  return `v${vcpu % VCPU_COLOURS}`;
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
