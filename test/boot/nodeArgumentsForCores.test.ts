import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { NODE_DEFAULT_V8_POOL_SIZE, nodeArgumentsForCores } from '../../server/src/protocol';
import { ROOT, temporaryFolder } from '../cli/cliHarness';

test('the language server and the commands get one V8 helper thread fewer than the CPUs, at least one, and node its default from five CPUs on', () => {
  assert.deepEqual(nodeArgumentsForCores(1), ['--v8-pool-size=1']);
  assert.deepEqual(nodeArgumentsForCores(2), ['--v8-pool-size=1']);
  assert.deepEqual(nodeArgumentsForCores(3), ['--v8-pool-size=2']);
  assert.deepEqual(nodeArgumentsForCores(4), ['--v8-pool-size=3']);
  for (const cores of [5, 8, 64]) assert.deepEqual(nodeArgumentsForCores(cores), []);
});

for (const [command, loader] of [['virt-tune-ls', 'server.js'], ['virt-tune', 'cli.js']] as const) {
  test(`${command} starts node with the options nodeArgumentsForCores gives for the CPUs nproc counts`, () => {
    const folder = temporaryFolder();
    // A node that prints what it was given, and an nproc that says what the test tells it to.
    writeFileSync(join(folder, 'node'), '#!/bin/sh\nprintf "%s\\n" "$@"\n');
    writeFileSync(join(folder, 'nproc'), '#!/bin/sh\n[ -n "$FAKE_NPROC" ] || exit 1\necho "$FAKE_NPROC"\n');
    chmodSync(join(folder, 'node'), 0o755);
    chmodSync(join(folder, 'nproc'), 0o755);
    const PATH = [folder, process.env['PATH'] ?? ''].join(delimiter);
    const launched = (cores: string) => spawnSync(join(ROOT, 'dist', command), ['--stdio'], { encoding: 'utf8', env: { ...process.env, PATH, FAKE_NPROC: cores } });
    for (const cores of [1, 2, 3, 4, 5, 6, 32]) {
      const run = launched(String(cores));
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(run.stdout.trimEnd().split('\n'), [...nodeArgumentsForCores(cores), join(ROOT, 'dist', loader), '--stdio'], `${cores} CPUs`);
    }
    // nproc failing (FAKE_NPROC empty) or saying something else: node's own default.
    for (const cores of ['', 'two']) assert.deepEqual(launched(cores).stdout.trimEnd().split('\n'), [join(ROOT, 'dist', loader), '--stdio']);
  });
}

test('node takes the option: a process started with it has that many V8 helper threads fewer', { skip: process.platform !== 'linux' && 'threads counted from /proc' }, () => {
  const threads = (options: readonly string[]) => {
    const run = spawnSync(process.execPath, [...options, '-e', `process.stdout.write(String(require('node:fs').readdirSync('/proc/self/task').length))`], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return Number(run.stdout);
  };
  const plain = threads([]);
  for (const cores of [2, 3, 4]) {
    const options = nodeArgumentsForCores(cores);
    assert.equal(threads(options), plain - (NODE_DEFAULT_V8_POOL_SIZE - Number(options[0]!.split('=')[1])), options.join(' '));
  }
});
