import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { domainDiagnostics } from '../../server/src/domain/diagnostics';
import { buildDomainModel } from '../../server/src/domain/model';
import type { HostModel } from '../../server/src/host/types';
import type { Guest } from '../../server/src/guests/types';
import { tuneDomain, type TuneChoice } from '../../server/src/tune';
import { parseXml } from '../../server/src/xml/parser';
import { attribute, childElements, firstChild } from '../../server/src/xml/query';
import type { XmlElement } from '../../server/src/xml/types';
import { Random } from '../fuzz/random';
import { makeHost, type NodeSpec } from './hosts';

const CASES = 150;
const SEED = 15;

function randomHost(random: Random): { host: HostModel; specs: NodeSpec[] } {
  const nodes = random.between(1, 8);
  const smt = random.chance(0.5);
  const coresPerNode = random.between(1, 6);
  const specs: NodeSpec[] = [];
  let next = 0;
  const total = nodes * coresPerNode;
  for (let node = 0; node < nodes; node++) {
    const cores: number[][] = [];
    for (let core = 0; core < coresPerNode; core++) {
      const first = next++;
      cores.push(smt ? [first, first + total] : [first]);
    }
    const pages: Record<number, number> = {};
    if (random.chance(0.5)) pages[2048] = random.pick([0, 256, 512, 1024, 2048]);
    if (random.chance(0.3)) pages[1048576] = random.between(0, 4);
    specs.push({ cores, memFreeKiB: random.pick([512, 1024, 2048, 4096, 8192, 16384]) * 1024, pages });
  }
  return { host: makeHost(specs), specs };
}

function guestXml(random: Random, vcpus: number, memoryMiB: number): string {
  const indent = random.pick(['  ', '    ', '\t']);
  const q = random.pick(["'", '"']);
  const i = (depth: number) => indent.repeat(depth);
  const lines = [`<domain type=${q}kvm${q}>`, `${i(1)}<name>g${random.below(1000)}</name>`, `${i(1)}<memory unit=${q}MiB${q}>${memoryMiB}</memory>`];
  lines.push(`${i(1)}<vcpu placement=${q}static${q}>${vcpus}</vcpu>`);
  if (random.chance(0.4)) lines.push(`${i(1)}<cputune>`, `${i(2)}<shares>2048</shares>`, `${i(2)}<vcpupin vcpu=${q}0${q} cpuset=${q}0${q}/>`, `${i(1)}</cputune>`);
  if (random.chance(0.3)) lines.push(`${i(1)}<memoryBacking>`, `${i(2)}<nosharepages/>`, `${i(1)}</memoryBacking>`);
  lines.push(`${i(1)}<os>`, `${i(2)}<type arch=${q}x86_64${q} machine=${q}q35${q}>hvm</type>`, `${i(1)}</os>`);
  const cpu = random.below(3);
  if (cpu === 1) lines.push(`${i(1)}<cpu mode=${q}host-passthrough${q}/>`);
  if (cpu === 2 && vcpus % 2 === 0) {
    // A topology with two threads per core: the tuner pins each pair of vCPUs on the threads of one host core.
    lines.push(`${i(1)}<cpu mode=${q}host-passthrough${q}>`, `${i(2)}<topology sockets=${q}1${q} cores=${q}${vcpus / 2}${q} threads=${q}2${q}/>`);
    lines.push(`${i(2)}<numa>`, `${i(3)}<cell id=${q}0${q} cpus=${q}0-${vcpus - 1}${q} memory=${q}${memoryMiB}${q} unit=${q}MiB${q} memAccess=${q}shared${q}/>`, `${i(2)}</numa>`, `${i(1)}</cpu>`);
  }
  lines.push(`${i(1)}<devices>`);
  if (random.chance(0.6)) {
    lines.push(`${i(2)}<disk type=${q}file${q} device=${q}disk${q}>`);
    if (random.chance(0.5)) lines.push(`${i(3)}<driver name=${q}qemu${q} type=${q}raw${q} cache=${q}none${q}/>`);
    lines.push(`${i(3)}<source file=${q}/var/lib/libvirt/images/g.img${q}/>`, `${i(3)}<target dev=${q}vda${q} bus=${q}virtio${q}/>`, `${i(2)}</disk>`);
  }
  if (random.chance(0.6)) {
    lines.push(`${i(2)}<interface type=${q}network${q}>`, `${i(3)}<source network=${q}default${q}/>`, `${i(3)}<model type=${q}virtio${q}/>`);
    if (random.chance(0.5)) lines.push(`${i(3)}<driver name=${q}vhost${q} queues=${q}300${q}/>`);
    lines.push(`${i(2)}</interface>`);
  }
  if (random.chance(0.4)) lines.push(`${i(2)}<controller type=${q}scsi${q} index=${q}0${q} model=${q}virtio-scsi${q}/>`);
  lines.push(`${i(1)}</devices>`, '</domain>', '');
  return lines.join(random.chance(0.2) ? '\r\n' : '\n');
}

/** Other guests pinned to a few CPUs of the host. */
function otherGuests(random: Random, host: HostModel): Guest[] {
  const guests: Guest[] = [];
  const count = random.between(0, 2);
  for (let index = 0; index < count; index++) {
    const cpu = random.pick(host.cpus).id;
    const xml = parseXml(`<domain type='kvm'><name>other${index}</name><vcpu>1</vcpu><cputune><vcpupin vcpu='0' cpuset='${cpu}'/></cputune></domain>`);
    guests.push({ name: `other${index}`, origin: { kind: 'file', path: `/other${index}.xml` }, running: random.chance(0.5), autostart: false, model: buildDomainModel(xml.root!) });
  }
  return guests;
}

function apply(text: string, choice: TuneChoice): string {
  const document = TextDocument.create('file:///t.xml', 'xml', 1, text);
  return TextDocument.applyEdits(
    document,
    choice.edits.map((edit) => ({ range: { start: document.positionAt(edit.span.start), end: document.positionAt(edit.span.end) }, newText: edit.newText })),
  );
}

const OWNED_TOP = new Set(['vcpu', 'iothreads', 'cputune', 'numatune', 'memtune', 'memoryBacking']);

/** The stretches of the original the tuner may rewrite: its blocks (with their lines), cpu's topology and numa, owned driver attributes. */
function ownedSpans(text: string, root: XmlElement): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const withLine = (element: XmlElement) => {
    const lineStart = text.lastIndexOf('\n', element.span.start - 1) + 1;
    const newline = text.indexOf('\n', element.span.end);
    spans.push({ start: lineStart, end: newline < 0 ? text.length : newline + 1 });
  };
  for (const child of childElements(root)) if (OWNED_TOP.has(child.name)) withLine(child);
  const cpu = firstChild(root, 'cpu');
  for (const child of cpu ? childElements(cpu) : []) if (child.name === 'topology' || child.name === 'numa') withLine(child);
  if (cpu?.selfClosing) spans.push(cpu.span);
  for (const devices of childElements(root, 'devices')) {
    for (const device of childElements(devices)) {
      if (device.selfClosing) spans.push({ start: device.span.end - 2, end: device.span.end });
      const driver = firstChild(device, 'driver');
      for (const name of ['queues', 'iothread']) {
        const found = driver && attribute(driver, name);
        if (found?.valueSpan) spans.push(found.valueSpan);
      }
    }
  }
  return spans;
}

function errorsAndWarnings(text: string, host: HostModel): string[] {
  const document = TextDocument.create(`file:///tuned-${Math.random()}.xml`, 'xml', 1, text);
  return domainDiagnostics(document, { host })
    .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
    .map((finding) => `${finding.rule} ${finding.message}`);
}

test('every tuning proposed on generated hosts lints clean there, keeps every byte outside its blocks and is idempotent', () => {
  const random = new Random(SEED);
  let tuned = 0;
  let spanning = 0;
  let paged = 0;
  let threaded = 0;
  for (let index = 0; index < CASES; index++) {
    const { host } = randomHost(random);
    const vcpus = random.pick([1, 2, 4, 6, 8]);
    const memoryMiB = random.pick([512, 1024, 2048, 3072, 4096, 8192]);
    const text = guestXml(random, vcpus, memoryMiB);
    const guests = otherGuests(random, host);
    const xml = parseXml(text);
    const model = buildDomainModel(xml.root!);
    const result = tuneDomain({ text, xml, model, host, guests });
    const label = `case ${index} (seed ${SEED})`;
    if (result.choices.length === 0) assert.ok(result.notes.length > 0, `${label}: no choice and no reason`);
    const owned = ownedSpans(text, xml.root!);
    for (const choice of result.choices) {
      tuned++;
      if (choice.placement.cells.length > 1) spanning++;
      if (choice.placement.cells.some((cell) => cell.pageKiB !== undefined)) paged++;
      if (choice.placement.threads === 2) {
        threaded++;
        for (const cell of choice.placement.cells) {
          cell.cores.forEach((core, index) => assert.deepEqual(cell.hostCpus.slice(index * 2, index * 2 + 2), core.slice(0, 2), `${label}: a thread pair split`));
        }
      }
      for (const edit of choice.edits) {
        if (edit.span.start === edit.span.end) continue;
        assert.ok(
          owned.some((span) => span.start <= edit.span.start && edit.span.end <= span.end),
          `${label}: an edit replaces ${JSON.stringify(text.slice(edit.span.start, edit.span.end))}, outside the tuner's blocks`,
        );
      }
      const after = apply(text, choice);
      // Written in the file's own style: its line ends and its indent.
      if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), `${label}: a bare LF in a CRLF file`);
      const unit = /\n([ \t]+)</.exec(text)![1]!;
      for (const line of after.split(/\r?\n/).filter((each) => !text.includes(each))) {
        const indent = /^[ \t]*/.exec(line)![0];
        assert.ok(indent === unit.repeat(indent.length / unit.length), `${label}: ${JSON.stringify(line)} is not indented in steps of ${JSON.stringify(unit)}`);
      }
      assert.deepEqual(errorsAndWarnings(after, host), [], `${label}: ${choice.summary}\n${after}`);
      for (const taken of guests.flatMap((guest) => guest.model.cputune?.vcpupins ?? []).flatMap((pin) => pin.cpuset?.parse.ids ?? [])) {
        assert.ok(!choice.placement.cells.some((cell) => cell.hostCpus.includes(taken)), `${label}: pinned onto CPU ${taken} of another guest`);
        assert.ok(!choice.placement.emulatorCpus.includes(taken), `${label}: emulator on CPU ${taken} of another guest`);
      }
      const again = parseXml(after);
      const second = tuneDomain({ text: after, xml: again, model: buildDomainModel(again.root!), host, guests });
      const same = second.choices.find((other) => other.placement.nodes.join() === choice.placement.nodes.join());
      assert.ok(same, `${label}: the placement on ${choice.placement.nodes.join(',')} is not offered again`);
      assert.deepEqual(same.edits, [], `${label}: tuning the tuned guest again changes it\n${after}`);
    }
  }
  // The generator must reach what it is for: single nodes, spans and huge pages.
  assert.ok(tuned > 100, `only ${tuned} tunings checked`);
  assert.ok(spanning > 5, `only ${spanning} spanning placements`);
  assert.ok(paged > 5, `only ${paged} placements with huge pages`);
  assert.ok(threaded > 5, `only ${threaded} placements with two threads per core`);
});
