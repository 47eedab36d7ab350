import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildDomainModel } from '../../server/src/domain/model';
import { loadHostPath } from '../../server/src/host/load';
import type { HostModel } from '../../server/src/host/types';
import { isolatedCpus, tuneDomain, type TuneInput } from '../../server/src/tune';
import { parseXml } from '../../server/src/xml/parser';
import { guideHost, makeHost } from './hosts';

const ROOT = join(__dirname, '..', '..', '..');

/** The guest of guide 9.3.4: 4 vCPUs, 6 GiB, nothing tuned yet. */
const GUIDE_GUEST = `<domain type='kvm'>
  <name>rhel7</name>
  <memory unit='GiB'>6</memory>
  <vcpu placement='static'>4</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
  </os>
</domain>
`;

function input(text: string, host: HostModel, extra: Partial<TuneInput> = {}): TuneInput {
  const xml = parseXml(text);
  return { text, xml, model: buildDomainModel(xml.root!), host, ...extra };
}

test("guide 9.3.4's host as the guide lists it: the guide's own placement, vCPUs 0-1 on CPUs 1,5 and 2-3 on 2,6, 3 GiB per node", () => {
  const result = tuneDomain(input(GUIDE_GUEST, guideHost()));
  const best = result.choices[0];
  assert.ok(best, result.notes.join('\n'));
  assert.deepEqual(best.placement.nodes, [1, 2]);
  assert.deepEqual(best.placement.cells.map((cell) => [cell.node, cell.vcpus, cell.hostCpus, cell.memoryKiB]), [
    [1, [0, 1], [1, 5], 3 * 1024 * 1024],
    [2, [2, 3], [2, 6], 3 * 1024 * 1024],
  ]);
  // Every CPU of the two nodes carries a vCPU: the emulator shares node 1's, and the note says why.
  assert.deepEqual(best.placement.emulatorCpus, [1, 5]);
  assert.match(best.markdown, /every other CPU of these nodes carries a vCPU/);
  assert.match(best.summary, /^across nodes 1-2 with 2 guest NUMA cells/);
});

test('the saved guide-4-node host of the examples: nodes 1 and 2 hold their memory as huge pages, so the guest spans all four nodes and says why', async () => {
  const host = await loadHostPath(join(ROOT, 'examples', 'hosts', 'guide-4-node'));
  const result = tuneDomain(input(GUIDE_GUEST, host));
  const best = result.choices[0];
  assert.ok(best, result.notes.join('\n'));
  assert.deepEqual(best.placement.nodes, [0, 1, 2, 3]);
  assert.deepEqual(best.placement.cells.map((cell) => cell.pageKiB), [undefined, 2048, 2048, undefined]);
  // One vCPU per core, the sibling thread left free: the emulator goes on one on node 0.
  assert.deepEqual(best.placement.cells.map((cell) => cell.hostCpus), [[4], [1], [2], [3]]);
  assert.match(best.markdown, /node 1: 207 MiB free and huge pages 2 of 1 GiB, 768 of 2 MiB, 3 GiB needed/);
});

test('a node with room takes the whole guest; huge pages of a size the node has enough of; --node narrows the choice', () => {
  const host = makeHost([
    { cores: [[0, 4], [1, 5]], memFreeKiB: 8 << 20 },
    { cores: [[2, 6], [3, 7]], memFreeKiB: 1 << 20, pages: { 1048576: 8 } },
  ]);
  const small = GUIDE_GUEST.replace('>4</vcpu>', '>2</vcpu>').replace('>6</memory>', '>4</memory>');
  const result = tuneDomain(input(small, host));
  assert.deepEqual(result.choices.map((choice) => choice.placement.nodes), [[1], [0]]);
  assert.equal(result.choices[0]!.placement.cells[0]!.pageKiB, 1048576);
  assert.equal(result.choices[0]!.summary, 'on node 1: cores 2+6,3+7 free, 1 GiB free, 8 of 8 1 GiB pages free');
  assert.equal(result.choices[1]!.placement.cells[0]!.pageKiB, undefined);
  assert.deepEqual(tuneDomain(input(small, host, { node: 0 })).choices.map((choice) => choice.placement.nodes), [[0]]);
});

test("a guest whose topology wants 2 threads per core, on a host whose cores have one: the free cores are counted and the threads named", () => {
  const host = makeHost([{ cores: [[0], [1]], memFreeKiB: 8 << 20 }]);
  const smt = GUIDE_GUEST.replace('>4</vcpu>', '>2</vcpu>').replace('</os>', "</os>\n  <cpu><topology sockets='1' cores='1' threads='2'/></cpu>");
  const result = tuneDomain(input(smt, host));
  assert.deepEqual(result.choices, []);
  assert.ok(
    result.notes.some((note) => note.includes("node 0: 2 free cores, 0 of them with 2 threads; 1 core of 2 threads needed (the guest's <topology> has 2 threads per core)")),
    result.notes.join('\n'),
  );
});

test("CPUs other guests pin and CPUs the kernel command line isolates are left alone, unless this guest's own vCPUs are there", () => {
  const host = makeHost([{ cores: [[0], [1], [2], [3], [4]], memFreeKiB: 8 << 20 }], 'root=/dev/sda isolcpus=managed_irq,domain,3-4');
  assert.deepEqual(isolatedCpus(host.cmdline!), [3, 4]);
  const other = parseXml("<domain type='kvm'><name>db</name><vcpu>1</vcpu><cputune><vcpupin vcpu='0' cpuset='1'/></cputune></domain>");
  const guests = [{ name: 'db', origin: { kind: 'file' as const, path: 'db.xml' }, running: true, autostart: true, model: buildDomainModel(other.root!) }];
  const guest = GUIDE_GUEST.replace('>4</vcpu>', '>1</vcpu>').replace('>6</memory>', '>1</memory>');
  const result = tuneDomain(input(guest, host, { guests, isolatedCpus: isolatedCpus(host.cmdline!) }));
  const best = result.choices[0]!;
  assert.deepEqual([best.placement.cells[0]!.hostCpus, best.placement.emulatorCpus], [[2], [0]]);
  assert.match(best.markdown, /1 \(pinned by db\), 3 \(isolated on the kernel command line\)/);
  // Pinned there already: the isolation is taken to be for this guest.
  const own = guest.replace('</vcpu>', "</vcpu>\n  <cputune>\n    <vcpupin vcpu='0' cpuset='3'/>\n  </cputune>");
  const again = tuneDomain(input(own, host, { guests, isolatedCpus: [3, 4] })).choices[0]!;
  assert.deepEqual(again.placement.cells[0]!.hostCpus, [2]);
  assert.ok(!again.placement.emulatorCpus.some((cpu) => cpu === 1 || cpu === 4));
});

test('the example with everyday mistakes: its pins, pages and queues rewritten, every other line as it was', async () => {
  const host = await loadHostPath(join(ROOT, 'examples', 'hosts', 'guide-4-node'));
  const text = readFileSync(join(ROOT, 'examples', 'everyday-mistakes.xml'), 'utf8');
  const best = tuneDomain(input(text, host)).choices[0]!;
  assert.ok(best);
  // <vcpu> already reads placement='static', so it stays; the blocks the tuner owns are rewritten whole.
  const replaced = best.edits.filter((edit) => edit.span.end > edit.span.start).map((edit) => text.slice(edit.span.start, edit.span.end).split('\n')[0]!.trim());
  assert.deepEqual(replaced, ['<cputune>', '<memoryBacking>', '300']);
  const inserted = best.edits.filter((edit) => edit.span.end === edit.span.start).map((edit) => edit.newText.trim().split(/\s|>/)[0]);
  assert.deepEqual(inserted, ['<iothreads', '<numatune', '<memtune', '<cpu', "iothread='1'"]);
});

test('nothing is offered for XML that is not well-formed, without a vCPU count it can read, or for a domain QEMU does not run', () => {
  const host = guideHost();
  assert.match(tuneDomain(input(GUIDE_GUEST.replace('</vcpu>', ''), host)).notes[0]!, /not well-formed/);
  assert.match(tuneDomain(input(GUIDE_GUEST.replace('>4</vcpu>', '>four</vcpu>'), host)).notes[0]!, /vCPU count/);
  assert.match(tuneDomain(input(GUIDE_GUEST.replace("type='kvm'", "type='xen'"), host)).notes[0]!, /QEMU\/KVM settings; this domain is type='xen'/);
});

test("a guest with an assigned PCI device goes to the device's node first (guide 9.3.11); a hard_limit the file gives above its memory is kept", async () => {
  const host = await loadHostPath(join(ROOT, 'examples', 'hosts', 'guide-4-node'));
  // ens1f0 (0000:41:00.0) sits on node 1. One vCPU and 512 MiB fit on every node.
  const guest = GUIDE_GUEST.replace('>4</vcpu>', '>1</vcpu>')
    .replace("<memory unit='GiB'>6</memory>", "<memory unit='MiB'>512</memory>\n  <memtune>\n    <hard_limit unit='MiB'>1024</hard_limit>\n  </memtune>")
    .replace('</os>', "</os>\n  <devices>\n    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n        <address domain='0x0000' bus='0x41' slot='0x00' function='0x0'/>\n      </source>\n    </hostdev>\n  </devices>");
  const result = tuneDomain(input(guest, host));
  assert.deepEqual(result.choices.map((choice) => choice.placement.nodes[0]), [1, 2, 3, 0], "the device's node, then the other node with huge pages, then by free memory, node 0 last");
  assert.equal(result.choices[0]!.placement.hardLimitKiB, 1024 * 1024);
  assert.match(result.choices[0]!.markdown, /the limit the file already gave/);
  assert.match(result.choices[0]!.markdown, /assigned PCI device sits on node 1, so its DMA/);
});

test("the dies and clusters the user wrote stay where they divide each socket's cores, and are said to go where they cannot", async () => {
  const withTopology = (topology: string) => GUIDE_GUEST.replace('</os>', `</os>\n  <cpu mode='host-passthrough'>\n    ${topology}\n  </cpu>`);
  const written = (text: string, edits: { span: { start: number; end: number }; newText: string }[]) =>
    [...edits].sort((a, b) => b.span.start - a.span.start).reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
  // Two cells of 2 vCPUs: 2 dies of 1 core per socket; the user's words stay as written.
  const twoNodes = withTopology("<topology sockets='1' dies='2' clusters='1' cores='2' threads='1'/>");
  const kept = tuneDomain(input(twoNodes, guideHost())).choices[0]!;
  assert.match(written(twoNodes, kept.edits), /<topology sockets='2' dies='2' clusters='1' cores='1' threads='1'\/>/);
  assert.doesNotMatch(kept.markdown, /left out/);
  // Four cells of 1 vCPU: a socket has 1 core, which 2 dies cannot divide.
  const host = await loadHostPath(join(ROOT, 'examples', 'hosts', 'guide-4-node'));
  const dropped = tuneDomain(input(twoNodes, host)).choices[0]!;
  assert.deepEqual(dropped.placement.nodes, [0, 1, 2, 3]);
  assert.match(written(twoNodes, dropped.edits), /<topology sockets='4' clusters='1' cores='1' threads='1'\/>/);
  assert.match(dropped.markdown, /the topology's dies='2' is left out: each socket has 1 core, which it does not divide/);
});

test('a guest whose vCPUs split evenly over no set of nodes is told why no spanning placement was tried', async () => {
  const host = await loadHostPath(join(ROOT, 'examples', 'hosts', 'guide-4-node'));
  const five = GUIDE_GUEST.replace('>4</vcpu>', '>5</vcpu>');
  const result = tuneDomain(input(five, host));
  assert.deepEqual(result.choices, []);
  assert.ok(result.notes.includes("Not tried across 2, 3 or 4 nodes: the guest's 5 vCPUs do not split into the same number of vCPUs per node, and each guest NUMA cell gets an equal share."), result.notes.join('\n'));
});
