import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCHEMA_INFO } from '../../server/src/kb/schema';
import { CORPUS_DIR, missing } from './shared';

const SCHEMA_DIR = resolve(CORPUS_DIR, 'schemas');
const REPO = resolve(__dirname, '../../..');
const COMMITTED = resolve(REPO, 'server/src/kb/schema/domain-structure.json');

/** The generator's hash (scripts/gen-schema.mjs): sha256 over each file's name and text, by name. */
function hashSchemaFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of [...files].sort()) {
    hash.update(name).update('\0').update(readFileSync(resolve(SCHEMA_DIR, name), 'utf8')).update('\0');
  }
  return hash.digest('hex');
}

test("the generated structure matches libvirt's schema files", (t) => {
  const reason = missing(SCHEMA_DIR);
  if (reason) {
    t.skip(reason);
    return;
  }
  assert.equal(SCHEMA_INFO.libvirtVersion, '11.3.0');
  assert.ok(SCHEMA_INFO.schemaFiles.includes('domaincommon.rng'));
  assert.equal(
    hashSchemaFiles(SCHEMA_INFO.schemaFiles),
    SCHEMA_INFO.schemaHash,
    `libvirt's schema changed since server/src/kb/schema/domain-structure.json was generated: run npm run gen:schema`,
  );
});

test('regenerating gives the committed file byte for byte, in seconds', (t) => {
  const reason = missing(SCHEMA_DIR);
  if (reason) {
    t.skip(reason);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-schema-'));
  try {
    const out = join(folder, 'domain-structure.json');
    const run = spawnSync(
      process.execPath,
      [resolve(REPO, 'scripts/gen-schema.mjs'), resolve(SCHEMA_DIR, 'domain.rng'), '--out', out],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.ok(
      readFileSync(out, 'utf8') === readFileSync(COMMITTED, 'utf8'),
      'scripts/gen-schema.mjs now writes something else than the committed structure: run npm run gen:schema',
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
