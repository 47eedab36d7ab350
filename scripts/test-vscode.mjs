// `npm run test:vscode`: the in-editor suite (test/vscode/suite.ts) in a real VS Code through
// @vscode/test-electron. The VS Code is $VSCODE_EXECUTABLE when set, else a download of the version
// in $VSCODE_VERSION (default: the oldest that package.json accepts). Where neither can be had, it
// says so in one line and exits 0 without claiming a pass: the e2e suite (npm run test:e2e) covers
// the same ground in code-server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { installRootDependencies, ROOT, run } from './editor/prepare.mjs';

installRootDependencies();

let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
if (vscodeExecutablePath && !existsSync(vscodeExecutablePath)) {
  console.error(`virt-tune: VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
  process.exit(1);
}
if (!vscodeExecutablePath) {
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      timeout: 30_000,
      reporter: { report: () => undefined, error: () => undefined },
    });
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    console.log(`virt-tune: in-editor suite NOT run: no VS Code here (set VSCODE_EXECUTABLE; its download failed: ${why}).`);
    process.exit(0);
  }
}

run('npm', ['run', '--silent', 'build']);
run(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.']);
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'vscode', 'suite.js'),
    launchArgs: [join(ROOT, 'examples'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
  console.log('virt-tune: in-editor suite passed');
} catch (error) {
  console.error(`virt-tune: in-editor suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
