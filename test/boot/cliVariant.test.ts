import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cliCacheVariant, isLongRun, LONG_RUN_PATHS } from '../../server/src/boot/cliVariant';
import { LINT_OPTIONS } from '../../server/src/cli/lintCommand';
import { Random } from '../fuzz/random';

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

/** What lint itself makes of the words: its --schema, or undefined when its parseArgs refuses them (a usage error: no cache matters). */
function lintSchema(args: string[]): string | undefined {
  try {
    return parseArgs({ args, allowPositionals: true, options: LINT_OPTIONS }).values.schema;
  } catch {
    return undefined;
  }
}

/** Words a lint command line is made of: every option lint takes, in each of its spellings, values, files and `--`. */
const WORDS = [
  '--schema', '--schema', '--schema=builtin', '--schema=auto', '--schema=domain.rng', '--schema=', 'builtin', 'builtin', 'auto', 'domain.rng', '-',
  '--', '-f', '-fjson', '--format', '--format=sarif', 'text', '-v', '--verbose', '-vf', '--host', '--host=live', 'none', '--kind', 'domain',
  '--libvirt', '--libvirt=none', 'a.xml', '--format=--schema', '-f--schema=builtin', '--host=--schema=builtin',
];

test("cliVariant reads --schema from a lint command line as lint's own parseArgs does, so the two cannot drift", () => {
  const lists: string[][] = [
    ['--schema', 'builtin', 'a.xml'],
    ['--schema=builtin'],
    ['a.xml', '--schema', 'builtin'],
    ['--schema', 'domain.rng', '--schema=builtin'],
    ['--schema=builtin', '--schema', 'domain.rng'],
    ['--schema', 'builtin', '--', '--schema=domain.rng'],
    ['--', '--schema', 'builtin'],
    ['-f', 'json', '--schema', 'builtin'],
    ['-fjson', '--schema=builtin', 'a.xml'],
    ['-vf', 'sarif', '--schema', 'builtin'],
    ['--format=--schema', 'builtin'],
    ['--host=--schema=builtin', 'a.xml'],
    ['-f--schema=builtin', 'a.xml'],
    ['--schema', '-', 'a.xml'],
    ['--schema=', 'a.xml'],
  ];
  const random = new Random(20261206);
  for (let i = 0; i < 4000; i++) lists.push(Array.from({ length: random.between(0, 6) }, () => random.pick(WORDS)));
  let compared = 0;
  let builtin = 0;
  for (const args of lists) {
    const schema = lintSchema(args);
    if (schema === undefined) continue;
    compared++;
    if (schema === 'builtin') builtin++;
    assert.equal(cliCacheVariant(['lint', ...args]), schema === 'builtin' ? 'lint' : 'lintschema', `lint ${args.join(' ')}: lint reads --schema ${JSON.stringify(schema)}`);
  }
  // Enough command lines lint takes, of both kinds, for the comparison to mean something.
  assert.ok(compared > 1000 && builtin > 100, `${compared} command lines compared, ${builtin} of them builtin`);
});
