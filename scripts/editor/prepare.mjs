// Getting from a fresh clone to a packaged extension and an installed code-server: each step runs only
// when its result is missing or stale. Only node's own modules are imported, so this runs before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_PACKAGE = join(ROOT, 'test', 'e2e');
export const CODE_SERVER = join(E2E_PACKAGE, 'node_modules', '.bin', 'code-server');

/** Runs a command in the project folder, its output shown; a failure stops everything with its status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    const why = result.error ? result.error.message : `exit status ${result.status ?? result.signal}`;
    throw new Error(`virt-tune: \`${[command, ...args].join(' ')}\` failed (${why})`);
  }
}

function isNewer(path, than) {
  return existsSync(path) && existsSync(than) && statSync(path).mtimeMs >= statSync(than).mtimeMs;
}

/**
 * `npm ci` at the root when node_modules is missing or older than the lockfile; never when node_modules is a
 * link (a worktree sharing another checkout's install): npm ci empties the linked folder, under every
 * checkout that shares it, before it replaces the link with an install of its own.
 */
export function installRootDependencies() {
  const modules = join(ROOT, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) return;
  if (isNewer(join(modules, '.package-lock.json'), join(ROOT, 'package-lock.json'))) return;
  console.log('virt-tune: installing the project\'s dependencies (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** The Debian packages code-server and the tests need, then code-server and playwright-core in test/e2e. */
export function installEditor() {
  run('bash', [join(ROOT, 'scripts', 'editor', 'install-debian-packages.sh')]);
  run('bash', [join(ROOT, 'scripts', 'editor', 'install-code-server.sh')]);
}

/** Builds and packages the extension (`npm run package`); the path of the VSIX. */
export function packageExtension() {
  run('npm', ['run', '--silent', 'package']);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = join(ROOT, `virt-tune-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`virt-tune: npm run package made no ${vsix}`);
  return vsix;
}
