import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliCacheVariant, isLongRun, LONG_RUN_PATHS } from '../../server/src/boot/cliVariant';

test('a lint with the built-in structure only and a lint judged by a RelaxNG schema keep code caches apart', () => {
  assert.equal(cliCacheVariant(['lint', '--schema', 'builtin', 'a.xml']), 'lint');
  assert.equal(cliCacheVariant(['lint', '--schema=builtin', 'a.xml']), 'lint');
  assert.equal(cliCacheVariant(['lint', '--schema', '/usr/share/libvirt/schemas/domain.rng', 'a.xml']), 'lintschema');
  assert.equal(cliCacheVariant(['lint', '--schema=schemas', 'a.xml']), 'lintschema');
  // auto, the default, is the host's schema when libvirt is installed.
  assert.equal(cliCacheVariant(['lint', 'a.xml']), 'lintschema');
  assert.equal(cliCacheVariant(['lint', '--schema', 'auto', 'a.xml']), 'lintschema');
});

test('the last --schema counts, and nothing after -- is an option', () => {
  assert.equal(cliCacheVariant(['lint', '--schema', 'domain.rng', '--schema', 'builtin', 'a.xml']), 'lint');
  assert.equal(cliCacheVariant(['lint', '--schema', 'builtin', '--', '--schema=domain.rng']), 'lint');
  assert.equal(cliCacheVariant(['lint', '--', '--schema', 'builtin']), 'lintschema');
  // A file named builtin after --schema's value is not the option's value.
  assert.equal(cliCacheVariant(['lint', '--schema', 'domain.rng', 'builtin']), 'lintschema');
});

test('the other commands keep one cache each, and anything else shares one', () => {
  for (const command of ['fix', 'rules', 'host', 'tune']) assert.equal(cliCacheVariant([command, '--schema', 'builtin']), command);
  assert.equal(cliCacheVariant(['--help']), 'other');
  assert.equal(cliCacheVariant([]), 'other');
});

test('a lint or fix naming many paths or a folder is a long run (the CLI sets its V8 flags); a few files, or another command, is not', () => {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-long-run-'));
  try {
    const file = join(folder, 'a.xml');
    writeFileSync(file, '<domain/>');
    const many = Array.from({ length: LONG_RUN_PATHS }, (_, i) => `f${i}.xml`);
    assert.equal(isLongRun(['lint', file]), false);
    assert.equal(isLongRun(['lint', '--schema', 'builtin', '--format', 'json', file, 'missing.xml']), false);
    assert.equal(isLongRun(['lint', ...many.slice(1)]), false);
    assert.equal(isLongRun(['lint', ...many]), true);
    assert.equal(isLongRun(['fix', ...many]), true);
    assert.equal(isLongRun(['lint', folder]), true);
    assert.equal(isLongRun(['fix', '--dry-run', folder]), true);
    assert.equal(isLongRun(['tune', folder]), false);
    assert.equal(isLongRun(['rules', ...many]), false);
    assert.equal(isLongRun([]), false);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
