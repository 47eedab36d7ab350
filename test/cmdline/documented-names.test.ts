import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { KERNEL_PARAMS, isDocumentedParam } from '../../server/src/kb/cmdline';
import { missing, SHARED_DIR } from '../kb/shared';

const REPO = resolve(__dirname, '../../..');
const REFERENCE = resolve(SHARED_DIR, 'reference/kernel-parameters-6.12.txt');

test("the committed list of documented names is what the generator makes of the kernel's kernel-parameters.txt", (t) => {
  const reason = missing(REFERENCE);
  if (reason) {
    t.skip(reason);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-kernel-params-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const out = join(folder, 'names.json');
  const run = spawnSync(process.execPath, [join(REPO, 'scripts', 'gen-kernel-params.mjs'), REFERENCE, '--out', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(
    readFileSync(out, 'utf8'),
    readFileSync(join(REPO, 'server/src/kb/cmdline/documented-names.json'), 'utf8'),
    'server/src/kb/cmdline/documented-names.json is stale: run node scripts/gen-kernel-params.mjs',
  );
});

test('every parameter the knowledge base describes is in the documented list, except elevator (gone since Linux 5.0) and the THP shmem/tmpfs ones (Linux 6.14)', () => {
  const undocumented = KERNEL_PARAMS.map((spec) => spec.name).filter((name) => !isDocumentedParam(name));
  assert.deepEqual(undocumented.sort(), ['elevator', 'transparent_hugepage_shmem', 'transparent_hugepage_tmpfs']);
});

test('the knowledge base draws every value on sources and says something about each parameter', () => {
  for (const spec of KERNEL_PARAMS) {
    assert.ok(spec.sources.length > 0, `${spec.name} names its sources`);
    assert.ok(spec.summary.endsWith('.'), `${spec.name}'s summary is a sentence`);
    assert.ok(!spec.name.includes('-'), `${spec.name} is written with underscores, as the kernel matches it`);
  }
});
