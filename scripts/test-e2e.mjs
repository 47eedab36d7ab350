// `npm run test:e2e`: the end-to-end tests in a real VS Code. Installs what is missing (Debian packages,
// code-server), packages the extension, installs the VSIX into a fresh code-server profile under
// .vscode-test/code-server/e2e/, starts it on a free loopback port, and runs test/e2e/*.e2e.mjs with
// node's test runner, one file after another. Screenshots go to test-results/.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, installExtension, startCodeServer } from './editor/codeServer.mjs';
import { installEditor, installRootDependencies, packageExtension, ROOT, run } from './editor/prepare.mjs';

const started = Date.now();
const home = join(ROOT, '.vscode-test', 'code-server', 'e2e');
const workspaces = join(home, 'workspaces');
const results = join(ROOT, 'test-results');
const only = process.argv.slice(2);

let editor;
let status = 1;
try {
  const e2e = join(ROOT, 'test', 'e2e');
  const files = readdirSync(e2e)
    .filter((name) => name.endsWith('.e2e.mjs') && (only.length === 0 || only.some((part) => name.includes(part))))
    .sort()
    .map((name) => join(e2e, name));
  // With no file named, node --test would go looking for tests everywhere.
  if (files.length === 0) throw new Error(`virt-tune: no test/e2e/*.e2e.mjs matches ${only.join(' ')}`);
  installRootDependencies();
  installEditor();
  const vsix = packageExtension();
  // The scenarios are JavaScript checked by TypeScript (// @ts-check), against playwright-core's types.
  run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', join(ROOT, 'test', 'e2e', 'tsconfig.json')]);

  rmSync(home, { recursive: true, force: true });
  rmSync(results, { recursive: true, force: true });
  mkdirSync(workspaces, { recursive: true });
  mkdirSync(results, { recursive: true });
  installExtension(home, vsix);
  const logFile = join(results, 'code-server.log');
  editor = await startCodeServer({ home, folder: workspaces, port: await freePort(), log: openSync(logFile, 'w') });
  console.log(`virt-tune: code-server at ${editor.url} (log: ${logFile})`);

  const runner = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VIRT_TUNE_E2E_URL: editor.url, VIRT_TUNE_E2E_WORKSPACES: workspaces },
  });
  const stop = () => runner.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  status = await new Promise((resolve) => runner.on('exit', (code) => resolve(code ?? 1)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  await editor?.stop();
  console.log(`virt-tune: end-to-end tests took ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${results}`);
}
process.exit(status);
