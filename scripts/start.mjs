// `npm start`: from a fresh clone to VS Code (code-server, in the browser) with virt-tune installed from
// its VSIX and examples/ open, on http://127.0.0.1:PORT/. Ctrl+C stops code-server and all it started.
// VIRT_TUNE_PORT picks the port (8765 by default, another free one when that is taken).
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, installExtension, startCodeServer } from './editor/codeServer.mjs';
import { installEditor, installRootDependencies, packageExtension, ROOT } from './editor/prepare.mjs';

const home = join(ROOT, '.vscode-test', 'code-server', 'start');

try {
  installRootDependencies();
  installEditor();
  const vsix = packageExtension();
  installExtension(home, vsix);

  const port = await freePort(Number(process.env.VIRT_TUNE_PORT ?? 8765));
  mkdirSync(home, { recursive: true });
  const logFile = join(home, 'code-server.log');
  const editor = await startCodeServer({ home, folder: join(ROOT, 'examples'), port, log: openSync(logFile, 'w') });

  console.log(`\nvirt-tune is running in VS Code (code-server 4.100.3) at ${editor.url}`);
  console.log(`examples/ is open; code-server's log is in ${logFile}. Press Ctrl+C to stop.\n`);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nvirt-tune: stopping code-server (${signal})`);
    await editor.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop(signal));
  editor.child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`virt-tune: code-server stopped by itself (${signal ?? `status ${code}`}); see ${logFile}`);
    void editor.stop().then(() => process.exit(1));
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
