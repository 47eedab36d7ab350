// Runs every compiled test, out/test/**/*.test.js, with node's test runner.
// Node 20's `node --test DIR` would also run every other .js file under a folder named test (helpers,
// fixtures) as if it were a test, and compiled tests whose source was deleted linger in out/: so the
// list is made here, of the tests whose test/**/*.test.ts source still exists. The last line says which
// tests were skipped and why (a clone without ../shared skips the corpus and guide tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
// The usual report on the terminal, and a TAP copy read afterwards for the skipped tests and their reasons.
const tap = join(mkdtempSync(join(tmpdir(), 'virt-tune-tests-')), 'report.tap');
const reporter = process.stdout.isTTY ? 'spec' : 'tap';
const result = spawnSync(
  process.execPath,
  ['--enable-source-maps', '--test', `--test-reporter=${reporter}`, '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...tests],
  { stdio: 'inherit' },
);
console.log(skippedLine(existsSync(tap) ? readFileSync(tap, 'utf8') : ''));
rmSync(dirname(tap), { recursive: true, force: true });
process.exit(result.status ?? 1);

/** One line: how many tests were skipped, grouped by the reason each gave (`ok 3 - name # SKIP reason`). */
function skippedLine(report) {
  const reasons = new Map();
  for (const match of report.matchAll(/^\s*ok \d+ - .*? # SKIP ?(.*)$/gm)) {
    const reason = match[1].trim() || 'no reason given';
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const total = [...reasons.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return 'virt-tune: no test skipped';
  const parts = [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${count} × ${reason}`);
  return `virt-tune: skipped ${total} test${total === 1 ? '' : 's'}: ${parts.join('; ')}`;
}
