// Runs every compiled test, out/test/**/*.test.js, with node's test runner.
// Node 20's `node --test DIR` would also run every other .js file under a folder named test (helpers,
// fixtures) as if it were a test, and compiled tests whose source was deleted linger in out/: so the
// list is made here, of the tests whose test/**/*.test.ts source still exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'out', 'test');

function testsUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testsUnder(path);
    return entry.isFile() && entry.name.endsWith('.test.js') ? [path] : [];
  });
}

const tests = testsUnder(compiled)
  .filter((path) => existsSync(join(root, 'test', relative(compiled, path)).replace(/\.js$/, '.ts')))
  .sort();
if (tests.length === 0) {
  console.error('virt-tune: no compiled tests under out/test (run tsc -p . first)');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...tests], { stdio: 'inherit' });
process.exit(result.status ?? 1);
