import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { CORPUS_DIR } from '../kb/shared';
import { CLI, SELF_CLOSED_HUGEPAGES, folderWith } from './cliHarness';
import { MIN_FILES_FOR_WORKERS, workerCount } from '../../server/src/cli/lintPool';

/** The CLI with the number of lint threads fixed (0: this thread only). */
function lint(args: readonly string[], cwd: string, threads: number) {
  const result = spawnSync(process.execPath, [CLI, 'lint', ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, VIRT_TUNE_LINT_THREADS: String(threads) },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const corpus = existsSync(join(CORPUS_DIR, 'accepted.txt'));
/** Tuned guests of libvirt's tests: findings of many rules, errors among them. */
const files = corpus
  ? readFileSync(join(CORPUS_DIR, 'accepted.txt'), 'utf8').split('\n').filter((line) => /numa|cputune|hugepages|memtune|vcpu|iothread/.test(line)).slice(0, 90)
  : [];

test('lint over many files says the same, in the same order, on worker threads as on one', { skip: !corpus && 'the shared corpus is not here' }, () => {
  for (const format of ['json', 'text']) {
    const one = lint(['--format', format, '--schema', 'builtin', ...files], CORPUS_DIR, 0);
    const two = lint(['--format', format, '--schema', 'builtin', ...files], CORPUS_DIR, 2);
    assert.ok(one.status === 0 || one.status === 1, one.stderr);
    assert.ok(one.stdout.length > 0, 'the files have findings');
    assert.deepEqual(two, one);
  }
});

test("with libvirt's schema, worker threads give the same verdicts", { skip: !corpus && 'the shared corpus is not here' }, () => {
  const some = files.slice(0, 60);
  const one = lint(['--format', 'json', '--schema', 'schemas/domain.rng', ...some], CORPUS_DIR, 0);
  const two = lint(['--format', 'json', '--schema', 'schemas/domain.rng', ...some], CORPUS_DIR, 2);
  assert.deepEqual(two, one);
});

test('a folder of more files than one batch says the same on worker threads as on one, in the walk\'s order', { skip: !corpus && 'the shared corpus is not here' }, () => {
  // 70 files: the first 64 are read before it is decided whether workers pay.
  const folder = folderWith(Object.fromEntries(files.slice(0, 70).map((file, index) => [`guests/${String(index).padStart(2, '0')}.xml`, readFileSync(join(CORPUS_DIR, file), 'utf8')])));
  const one = lint(['--format', 'json', '--schema', 'builtin', 'guests'], folder, 0);
  const two = lint(['--format', 'json', '--schema', 'builtin', 'guests'], folder, 2);
  assert.ok(one.status === 0 || one.status === 1, one.stderr);
  assert.equal((JSON.parse(one.stdout) as unknown[]).length, 70);
  assert.deepEqual(two, one);
  const missing = lint(['--schema', 'missing/domain.rng', 'guests'], folder, 0);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /missing\/domain\.rng/);
  assert.deepEqual(lint(['--schema', 'missing/domain.rng', 'guests'], folder, 2), missing);
});

test('a schema that cannot be loaded is the same usage error with worker threads', () => {
  const names = Array.from({ length: 4 }, (_, index) => `guest-${index}.xml`);
  const folder = folderWith(Object.fromEntries(names.map((name) => [name, SELF_CLOSED_HUGEPAGES])));
  const one = lint(['--schema', 'missing/domain.rng', ...names], folder, 0);
  const two = lint(['--schema', 'missing/domain.rng', ...names], folder, 2);
  assert.equal(one.status, 2);
  assert.match(one.stderr, /missing\/domain\.rng/);
  assert.deepEqual(two, one);
});

test('few files are linted in this thread; many are shared over the cores when two are free per worker', () => {
  const saved = process.env['VIRT_TUNE_LINT_THREADS'];
  delete process.env['VIRT_TUNE_LINT_THREADS'];
  try {
    assert.equal(workerCount(MIN_FILES_FOR_WORKERS - 1), 0);
    const pairs = Math.floor((availableParallelism() - loadavg()[0]) / 2);
    assert.equal(workerCount(10_000) >= 2, pairs >= 2);
    assert.equal(workerCount(10_000) <= availableParallelism() / 2, true);
  } finally {
    if (saved !== undefined) process.env['VIRT_TUNE_LINT_THREADS'] = saved;
  }
});
