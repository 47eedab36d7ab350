import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import data from '../../server/src/kb/schema/doc-anchors.json';
import { DOC_ANCHORS_INFO, documentationSection } from '../../server/src/kb/docSections';
import { elementSpec } from '../../server/src/kb/structure';
import { sourceUrl } from '../../server/src/kb/sources';
import { docutilsIds } from './formatdomain';
import { FORMATDOMAIN_FILE, missing } from './shared';

const REPO = resolve(__dirname, '../../..');
const COMMITTED = resolve(REPO, 'server/src/kb/schema/doc-anchors.json');
const STRUCTURE = resolve(REPO, 'server/src/kb/schema/domain-structure.json');

/** The generator's hash (scripts/gen-doc-anchors.mjs): sha256 over the page's text, then the structure's. */
function sourceHash(): string {
  return createHash('sha256')
    .update(readFileSync(FORMATDOMAIN_FILE, 'utf8'))
    .update('\0')
    .update(readFileSync(STRUCTURE, 'utf8'))
    .digest('hex');
}

function anchorOf(path: string): string | undefined {
  const section = documentationSection(path);
  return section?.kind === 'libvirt' ? section.anchor : undefined;
}

test('the doc anchor table matches the formatdomain page and the structure it was made from', (t) => {
  const reason = missing(FORMATDOMAIN_FILE);
  if (reason) {
    t.skip(reason);
    return;
  }
  assert.equal(
    sourceHash(),
    DOC_ANCHORS_INFO.sourceHash,
    'formatdomain.rst or the generated structure changed since doc-anchors.json was made: run npm run gen:doc-anchors',
  );
  const headings = docutilsIds(readFileSync(FORMATDOMAIN_FILE, 'utf8'));
  assert.deepEqual(
    DOC_ANCHORS_INFO.sections.map(([anchor, heading]) => [anchor, heading]),
    [...headings],
    'every heading of the page, in page order, with its docutils id',
  );
});

test('regenerating the doc anchor table gives the committed file byte for byte', (t) => {
  const reason = missing(FORMATDOMAIN_FILE);
  if (reason) {
    t.skip(reason);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-anchors-'));
  try {
    const out = join(folder, 'doc-anchors.json');
    const run = spawnSync(process.execPath, [resolve(REPO, 'scripts/gen-doc-anchors.mjs'), FORMATDOMAIN_FILE, '--out', out], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(
      readFileSync(out, 'utf8') === readFileSync(COMMITTED, 'utf8'),
      'scripts/gen-doc-anchors.mjs now writes something else than the committed table: run npm run gen:doc-anchors',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the table holds anchors and headings only, for element paths the structure has', () => {
  assert.deepEqual(Object.keys(data).sort(), [
    'format', 'generator', 'libvirtVersion', 'names', 'page', 'paths', 'sections', 'source', 'sourceHash',
  ]);
  for (const [anchor, heading] of DOC_ANCHORS_INFO.sections) {
    assert.match(anchor, /^[a-z][a-z0-9-]*$/);
    assert.ok(heading.length < 80 && !/[.!?]$/.test(heading), `${heading} reads like a sentence`);
  }
  const paths = Object.keys(data.paths);
  assert.ok(paths.length > 400, `only ${paths.length} element paths`);
  assert.deepEqual(paths.filter((path) => !elementSpec(path)), []);
  const sections = DOC_ANCHORS_INFO.sections.length;
  assert.ok([...Object.values(data.paths), ...Object.values(data.names)].every((index) => index >= 0 && index < sections));
});

test('elements link to the section of formatdomain that documents them', () => {
  assert.equal(anchorOf('domain/devices/disk'), 'hard-drives-floppy-disks-cdroms');
  assert.equal(anchorOf('domain/devices/disk/driver'), 'hard-drives-floppy-disks-cdroms');
  assert.equal(anchorOf('domain/devices/interface'), 'network-interfaces');
  assert.equal(anchorOf('domain/devices/interface/driver'), 'setting-nic-driver-specific-options');
  assert.equal(anchorOf('domain/devices/interface/coalesce'), 'coalesce-settings');
  assert.equal(anchorOf('domain/devices/graphics'), 'graphical-framebuffers');
  assert.equal(anchorOf('domain/devices/controller'), 'controllers');
  assert.equal(anchorOf('domain/cputune/vcpupin'), 'cpu-tuning');
  assert.equal(anchorOf('domain/numatune/memory'), 'numa-node-tuning');
  assert.equal(anchorOf('domain/memory'), 'memory-allocation');
  assert.equal(anchorOf('domain/features/hyperv'), 'hypervisor-features');
  assert.equal(anchorOf('domain/clock/timer'), 'time-keeping');
  assert.equal(anchorOf('domain/on_crash'), 'events-configuration');
  const boot = documentationSection('domain/os/boot');
  assert.equal(boot?.kind === 'libvirt' && boot.title, 'BIOS bootloader');
  assert.equal(sourceUrl(boot!), 'https://libvirt.org/formatdomain.html#bios-bootloader');
  // A place no example shows is documented with its nearest documented ancestor.
  assert.ok(!Object.hasOwn(data.paths, 'domain/cputune/emulatorsched') && !Object.hasOwn(data.names, 'emulatorsched'));
  assert.equal(anchorOf('domain/cputune/emulatorsched'), 'cpu-tuning');
  assert.equal(anchorOf('domain/features/pmu'), 'hypervisor-features');
  assert.equal(documentationSection('cputune'), undefined);
});
