import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FACTS, fact } from '../../server/src/kb/facts';
import { GUIDE_SECTIONS, LIBVIRT_SECTIONS } from '../../server/src/kb/facts/cite';
import { domainStructure, elementSpec } from '../../server/src/kb/structure';
import type { Fact } from '../../server/src/kb/types';
import { docutilsIds } from './formatdomain';
import { FORMATDOMAIN_FILE, GUIDE_FILE, missing } from './shared';
import { wordRuns } from '../ownWords';

/** `path`, `path@attribute` or `path@attribute=value`. */
function parseKey(key: string): { path: string; attribute?: string; value?: string } {
  const match = /^([A-Za-z0-9_/]+)(?:@([A-Za-z0-9_]+)(?:=(.+))?)?$/.exec(key);
  assert.ok(match, `malformed key ${key}`);
  return { path: match[1]!, attribute: match[2], value: match[3] };
}

function texts(entry: Fact): string[] {
  return [entry.summary, entry.details, entry.advice].filter((text): text is string => text !== undefined);
}

test('every fact has a one-sentence summary and at least one source', () => {
  for (const entry of FACTS) {
    const summary = entry.summary.trim();
    assert.ok(summary.length > 0, `${entry.key}: empty summary`);
    assert.ok(/[.]$/.test(summary), `${entry.key}: the summary should end with a full stop`);
    assert.ok(!/[.!?] [A-Z]/.test(summary), `${entry.key}: the summary should be one sentence: ${summary}`);
    assert.ok(entry.sources.length > 0, `${entry.key}: no source`);
    for (const text of texts(entry)) assert.ok(text.trim().length > 0, `${entry.key}: empty text`);
  }
});

// The structure is libvirt's generated schema structure (kb/structure.ts): facts join it by element path.
test('fact keys are unique and name a place of the generated schema structure', () => {
  const keys = FACTS.map((entry) => entry.key);
  assert.deepEqual(keys.filter((key, index) => keys.indexOf(key) !== index), []);
  for (const key of keys) {
    const { path, attribute, value } = parseKey(key);
    const spec = elementSpec(path);
    assert.ok(spec, `${key}: no spec for ${path}`);
    if (attribute === undefined) continue;
    const attributeSpec = spec.attributes.find((candidate) => candidate.name === attribute);
    assert.ok(attributeSpec, `${key}: ${path} has no attribute ${attribute}`);
    if (value === undefined) continue;
    assert.equal(attributeSpec.type.kind, 'enum', `${key}: a value fact needs an enumerated attribute`);
    if (attributeSpec.type.kind === 'enum') {
      assert.ok(attributeSpec.type.values.some((entry) => entry.value === value), `${key}: ${value} is not among the values`);
    }
    assert.ok(fact(`${path}@${attribute}`), `${key}: its attribute has no fact`);
  }
  assert.equal(fact('domain/cputune/vcpupin')?.key, 'domain/cputune/vcpupin');
  assert.equal(fact('domain/nothing'), undefined);
});

/** Everything the guide's chapters 3, 5, 7, 8 and 9 name in domain XML; each needs a fact. */
const GUIDE_NAMED = [
  'domain/vcpu', 'domain/vcpu@placement', 'domain/vcpu@placement=static', 'domain/vcpu@placement=auto',
  'domain/vcpu@cpuset', 'domain/vcpu@current',
  'domain/cputune', 'domain/cputune/vcpupin', 'domain/cputune/vcpupin@vcpu', 'domain/cputune/vcpupin@cpuset',
  'domain/cputune/emulatorpin', 'domain/cputune/emulatorpin@cpuset',
  'domain/numatune', 'domain/numatune/memory', 'domain/numatune/memory@mode', 'domain/numatune/memory@mode=strict',
  'domain/numatune/memory@mode=interleave', 'domain/numatune/memory@mode=preferred', 'domain/numatune/memory@nodeset',
  'domain/numatune/memory@placement', 'domain/numatune/memory@placement=static', 'domain/numatune/memory@placement=auto',
  'domain/memtune', 'domain/memtune/hard_limit', 'domain/memtune/soft_limit', 'domain/memtune/swap_hard_limit',
  'domain/memtune/min_guarantee',
  'domain/memoryBacking', 'domain/memoryBacking/hugepages', 'domain/memoryBacking/hugepages/page',
  'domain/memoryBacking/hugepages/page@size', 'domain/memoryBacking/hugepages/page@unit',
  'domain/memoryBacking/hugepages/page@nodeset', 'domain/memoryBacking/locked', 'domain/memoryBacking/nosharepages',
  'domain/blkiotune', 'domain/blkiotune/weight', 'domain/blkiotune/device', 'domain/blkiotune/device/weight',
  'domain/devices/disk', 'domain/devices/disk/driver', 'domain/devices/disk/driver@cache',
  ...['none', 'writethrough', 'writeback', 'directsync', 'unsafe', 'default'].map((value) => `domain/devices/disk/driver@cache=${value}`),
  'domain/devices/disk/driver@io', 'domain/devices/disk/driver@io=native', 'domain/devices/disk/driver@io=threads',
  'domain/devices/disk/iotune',
  ...['total', 'read', 'write'].flatMap((direction) => [
    `domain/devices/disk/iotune/${direction}_bytes_sec`,
    `domain/devices/disk/iotune/${direction}_iops_sec`,
  ]),
  'domain/devices/controller@type=scsi', 'domain/devices/controller@model=virtio-scsi', 'domain/devices/controller/driver',
  'domain/devices/controller/driver@queues',
  'domain/devices/interface', 'domain/devices/interface@type=network', 'domain/devices/interface@type=bridge',
  'domain/devices/interface/model@type', 'domain/devices/interface/driver', 'domain/devices/interface/driver@name=vhost',
  'domain/devices/interface/driver@queues', 'domain/devices/interface/coalesce', 'domain/devices/interface/coalesce/rx',
  'domain/devices/interface/coalesce/rx/frames', 'domain/devices/interface/coalesce/rx/frames@max',
  'domain/cpu', 'domain/cpu@mode', 'domain/cpu@mode=host-model', 'domain/cpu@mode=host-passthrough',
  'domain/cpu/topology', 'domain/cpu/topology@sockets', 'domain/cpu/topology@cores', 'domain/cpu/topology@threads',
  'domain/cpu/numa', 'domain/cpu/numa/cell', 'domain/cpu/numa/cell@id', 'domain/cpu/numa/cell@cpus',
  'domain/cpu/numa/cell@memory', 'domain/cpu/numa/cell@unit',
];

test('everything the guide names has a fact that cites the guide', () => {
  for (const key of GUIDE_NAMED) {
    const entry = fact(key);
    assert.ok(entry, `no fact for ${key}`);
    assert.ok(entry.sources.some((source) => source.kind === 'guide'), `${key} does not cite the guide`);
  }
});

test('sections named in a text are among its sources, and every cited section is used', () => {
  const problems: string[] = [];
  const usedGuide = new Set<string>();
  const usedLibvirt = new Set<string>();
  for (const entry of FACTS) {
    const cited = new Set<string>();
    for (const source of entry.sources) {
      if (source.kind === 'guide') cited.add(source.section);
      if (source.kind === 'guide') usedGuide.add(source.section);
      if (source.kind === 'libvirt') usedLibvirt.add(source.anchor);
    }
    for (const text of texts(entry)) {
      for (const match of text.matchAll(/guide ((?:\d+(?:\.\d+)*)(?:(?:, | and )\d+(?:\.\d+)*)*)/g)) {
        for (const section of match[1]!.split(/, | and /)) {
          if (!cited.has(section)) problems.push(`${entry.key} mentions guide ${section} without citing it`);
        }
      }
    }
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(GUIDE_SECTIONS).filter((section) => !usedGuide.has(section)), []);
  assert.deepEqual(Object.keys(LIBVIRT_SECTIONS).filter((anchor) => !usedLibvirt.has(anchor)), []);
});

/** Attributes libvirt's formatdomain does not document, so there is no source to state a fact from. */
const UNDOCUMENTED = new Set(['domain/cpu@deprecated_features']);

test('every element and attribute of the described tuning part has a fact', () => {
  const topLevel = [
    'vcpus?', 'iothreads', 'iothreadids', 'defaultiothread', 'cputune', 'cpu', 'numatune', 'memtune', 'memoryBacking',
    'blkiotune', 'memory', 'currentMemory', 'maxMemory',
  ].join('|');
  const devices = 'disk/(driver|iotune)|controller/driver|interface/(driver|model|coalesce)';
  const tuning = new RegExp(`^domain/(${topLevel})(/|$)|^domain/devices/(disk|controller|interface)$|^domain/devices/(${devices})(/|$)`);
  const missingFacts: string[] = [];
  for (const spec of domainStructure()) {
    if (!spec.childrenKnown || !tuning.test(spec.path)) continue;
    if (!/^domain\/devices\/(disk|controller|interface)$/.test(spec.path) && !fact(spec.path)) missingFacts.push(spec.path);
    if (spec.path.startsWith('domain/devices/') && spec.path.split('/').length === 3) continue;
    for (const attribute of spec.attributes) {
      const key = `${spec.path}@${attribute.name}`;
      if (!fact(key) && !UNDOCUMENTED.has(key)) missingFacts.push(key);
    }
  }
  assert.deepEqual(missingFacts, []);
  for (const path of ['domain/devices/disk', 'domain/devices/controller', 'domain/devices/interface']) assert.ok(fact(path), path);
});

/** The guide's numbered headings, `9.3.4` -> `Domain vCPU Threads` (as printed, in any case). */
function guideHeadings(text: string): Map<string, string[]> {
  const headings = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const match = /^(\d+(?:\.\d+)+)\. (.+?)(?:\t\d+)?$/.exec(line.trim());
    if (!match) continue;
    const titles = headings.get(match[1]!) ?? [];
    titles.push(match[2]!);
    headings.set(match[1]!, titles);
  }
  return headings;
}

function sameTitle(a: string, b: string): boolean {
  const normal = (title: string): string => title.replace(/`/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return normal(a) === normal(b);
}

test("guide sources name a section of the guide with the guide's own title", (t) => {
  const reason = missing(GUIDE_FILE);
  if (reason) {
    t.skip(reason);
    return;
  }
  const headings = guideHeadings(readFileSync(GUIDE_FILE, 'utf8'));
  assert.ok(headings.size > 50, 'the guide headings were not found');
  const cited = new Map<string, string>(Object.entries(GUIDE_SECTIONS));
  for (const entry of FACTS) {
    for (const source of entry.sources) if (source.kind === 'guide') cited.set(source.section, source.title);
  }
  for (const [section, title] of cited) {
    const found = headings.get(section) ?? [];
    assert.ok(found.some((heading) => sameTitle(heading, title)), `guide ${section} is "${found.join('" / "')}", not "${title}"`);
  }
});

test('libvirt sources name a heading of formatdomain by its docutils id', (t) => {
  const reason = missing(FORMATDOMAIN_FILE);
  if (reason) {
    t.skip(reason);
    return;
  }
  const ids = docutilsIds(readFileSync(FORMATDOMAIN_FILE, 'utf8'));
  assert.equal(ids.get('block-i-o-tuning'), 'Block I/O Tuning');
  assert.equal(ids.get('hard-drives-floppy-disks-cdroms'), 'Hard drives, floppy disks, CDROMs');
  assert.equal(ids.get('common-os-element-configuration'), 'Common <os> element configuration');
  const cited = new Map<string, string>(Object.entries(LIBVIRT_SECTIONS));
  for (const entry of FACTS) {
    for (const source of entry.sources) if (source.kind === 'libvirt') cited.set(source.anchor, source.title);
  }
  for (const [anchor, title] of cited) {
    assert.ok(ids.has(anchor), `no heading with the id ${anchor}`);
    assert.equal(title, ids.get(anchor), `the heading ${anchor} is titled "${ids.get(anchor)}"`);
  }
});

const RUN = 12;

function runs(text: string): Set<string> {
  return wordRuns(text, RUN);
}

test("no fact repeats a run of 12 words from the guide or libvirt's page (own words)", (t) => {
  const sourceFiles = [GUIDE_FILE, FORMATDOMAIN_FILE].filter((file) => !missing(file));
  if (sourceFiles.length === 0) {
    t.skip('neither the guide nor formatdomain is available');
    return;
  }
  const copied = new Set<string>();
  for (const file of sourceFiles) for (const run of runs(readFileSync(file, 'utf8'))) copied.add(run);
  const problems: string[] = [];
  for (const entry of FACTS) {
    for (const text of texts(entry)) {
      for (const run of runs(text)) if (copied.has(run)) problems.push(`${entry.key}: "${run}"`);
    }
  }
  assert.deepEqual(problems, []);
  // The check itself works: a sentence of the guide is caught.
  const guideSentence = 'Strict policy means that the allocation will fail if the memory cannot be allocated on the target node.';
  if (sourceFiles.includes(GUIDE_FILE)) assert.ok([...runs(guideSentence)].some((run) => copied.has(run)));
});
