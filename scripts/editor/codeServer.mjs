// A code-server (VS Code 1.100 in the browser) kept inside the project: its settings, user data and
// extensions live in one folder, it listens on loopback only, and it stops with every process it started.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER } from './prepare.mjs';
import { killTree, killTreeNow } from './processTree.mjs';

/** What a fresh profile needs so the workbench opens straight onto the folder, asking nothing. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  // As in VS Code on the desktop (code-server's own default saves after a delay).
  'files.autoSave': 'off',
  // The project's examples sit inside its git repository: opening them should not ask about it.
  'git.openRepositoryInParentFolders': 'never',
  // code-server runs with XDG folders of its own (below); its terminals get the user's back (null unsets).
  'terminal.integrated.env.linux': {
    XDG_DATA_HOME: process.env.XDG_DATA_HOME ?? null,
    XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME ?? null,
  },
};

/** The folders of one code-server profile under `home`, made when missing. */
export function profile(home) {
  const folders = { home, config: join(home, 'config.yaml'), userData: join(home, 'user-data'), extensions: join(home, 'extensions') };
  mkdirSync(join(folders.userData, 'User'), { recursive: true });
  mkdirSync(folders.extensions, { recursive: true });
  return folders;
}

/** code-server's environment: its own logs and default config go under `home` too, not the user's ~/.local and ~/.config. */
function environment(home) {
  return { ...process.env, XDG_DATA_HOME: join(home, 'xdg-data'), XDG_CONFIG_HOME: join(home, 'xdg-config') };
}

/** Installs a VSIX into the profile's extensions folder (replacing an older copy of it). */
export function installExtension(home, vsix) {
  const { config, extensions, userData } = profile(home);
  const result = spawnSync(
    CODE_SERVER,
    ['--config', config, '--extensions-dir', extensions, '--user-data-dir', userData, '--install-extension', vsix, '--force'],
    { encoding: 'utf8', env: environment(home) },
  );
  if (result.status !== 0) throw new Error(`virt-tune: code-server could not install ${vsix}:\n${result.stdout}${result.stderr}`);
}

/** A port on 127.0.0.1 that nothing listens on: `preferred` when it is free, else one the system gives. */
export async function freePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (preferred ? await tryPort(preferred) : undefined) ?? (await tryPort(0));
}

async function waitForHealth(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`virt-tune: code-server exited (status ${child.exitCode}) before it answered`);
    try {
      const response = await fetch(new URL('healthz', url));
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`virt-tune: code-server did not answer ${url}healthz within ${timeoutMs / 1000} s`);
}

/**
 * Starts code-server on 127.0.0.1:port with the profile in `home`, opening `folder`. Resolves once it
 * answers; `stop()` ends it and all its descendants. Its log goes to `log` (a file descriptor or 'inherit').
 */
export async function startCodeServer({ home, folder, port, log = 'inherit' }) {
  const { config, userData, extensions } = profile(home);
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  writeFileSync(join(userData, 'User', 'settings.json'), `${JSON.stringify(USER_SETTINGS, null, 2)}\n`);

  const args = [
    '--config', config,
    '--user-data-dir', userData,
    '--extensions-dir', extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
  // A process group of its own: Ctrl+C in the terminal reaches only the script, which then stops the whole tree.
  const child = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', log, log], env: environment(home) });
  const stopNow = () => killTreeNow(child.pid);
  process.on('exit', stopNow);
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    process.off('exit', stopNow);
    await killTree(child.pid);
  };
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}
