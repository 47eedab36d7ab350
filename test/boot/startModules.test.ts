import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, temporaryFolder } from '../cli/cliHarness';

/** The modules node had loaded when `node dist/cli.js ARGS` exited, from a script preloaded with --require. */
function modulesAtExit(args: readonly string[], home: string): string[] {
  const preload = join(home, 'modules.js');
  writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n");
  const environment: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete environment['XDG_CACHE_HOME'];
  const run = spawnSync(process.execPath, ['--require', preload, CLI, ...args], { cwd: home, encoding: 'utf8', env: environment, timeout: 30_000 });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  const line = run.stderr.split('\n').find((text) => text.startsWith('MODULES '));
  assert.ok(line, run.stderr);
  return JSON.parse(line.slice('MODULES '.length)) as string[];
}

test("a one-file lint does not load node:os: the code cache's folder is found from HOME", () => {
  const home = temporaryFolder();
  const file = join(ROOT, 'examples', 'tuned-guest.xml');
  // Twice: the first run writes the code cache, the second takes it, as every later run does.
  for (let run = 0; run < 2; run++) {
    const modules = modulesAtExit(['lint', '--schema', 'builtin', file], home);
    assert.ok(modules.includes('NativeModule vm'), 'the list is node\'s');
    assert.ok(!modules.includes('NativeModule os'), `run ${run + 1} loaded node:os`);
  }
});

test("the language server loads node:net before it sets its V8 flags, so node compiles net from its own code cache", () => {
  const home = temporaryFolder();
  const preload = join(home, 'modules.js');
  writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, '\\nMODULES ' + JSON.stringify(process.moduleLoadList) + '\\n'));\n");
  const environment: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  delete environment['XDG_CACHE_HOME'];
  // Its input closed at once: the server starts, finds the end of its input and exits.
  const run = spawnSync(process.execPath, ['--require', preload, join(ROOT, 'dist', 'server.js'), '--stdio'], { cwd: home, encoding: 'utf8', env: environment, input: '', timeout: 30_000 });
  const line = run.stderr.split('\n').find((text) => text.startsWith('MODULES '));
  assert.ok(line, run.stderr);
  const modules = JSON.parse(line.slice('MODULES '.length)) as string[];
  // node:v8 is loaded to set the flags (a lazy module in the bundles, scripts/build.mjs).
  const net = modules.indexOf('NativeModule net');
  const v8 = modules.indexOf('NativeModule v8');
  assert.ok(net >= 0 && v8 >= 0, 'both are loaded');
  assert.ok(net < v8, 'node:net is loaded before the flags are set');
});
