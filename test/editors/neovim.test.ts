import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ROOT, temporaryFolder } from '../cli/cliHarness';

/**
 * The README says virt-tune-ls serves Neovim: this runs the README's own Lua block in the Neovim installed
 * here (Debian's, 0.7; scripts/editor/install-debian-packages.sh installs it), headless, on a domain with
 * a VT130, and checks what Neovim's LSP client got: diagnostics, completion, hover and code actions.
 * Without nvim the test is skipped with one line, except in CI (.ci/run sets VIRT_TUNE_REQUIRE_EDITORS,
 * and CI services set CI), where that is a failure.
 */
const NVIM = process.env['NVIM_BIN'] ?? 'nvim';
const nvimVersion = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
const missing = nvimVersion.status === 0 ? undefined : `no Neovim (${NVIM}): install it (apt-get install -y neovim) to run this check`;

const DOMAIN = `<domain type='kvm'>
  <name>vt-editing-nvim</name>
  <memory unit='KiB'>1048576</memory>
  <vcpu placement='static'>2</vcpu>
  <cputune>
    <vcpupin vcpu='3' cpuset='1'/>
    
  </cputune>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
</domain>
`;

/** The Lua block under "Neovim" in the README, as a user would paste it into init.lua. */
function readmeConfig(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /\nNeovim[^\n]*\n(?:[^\n]*\n)*?```lua\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README shows a Neovim configuration');
  return block[1]!;
}

test('Neovim drives virt-tune-ls --stdio with the configuration the README shows: diagnostics, completion, hover, code actions', { skip: !process.env['CI'] && !process.env['VIRT_TUNE_REQUIRE_EDITORS'] && missing, timeout: 120_000 }, async () => {
  assert.equal(missing, undefined, missing);
  const folder = temporaryFolder();
  // virt-tune-ls on the PATH, as npm install -g would put it: the command itself (package.json bin).
  const bin = join(folder, 'bin');
  spawnSync('mkdir', ['-p', bin]);
  // The shim leaves the server's process id (exec keeps it) so that the test can wait for the server's end.
  const serverPid = join(folder, 'server.pid');
  writeFileSync(join(bin, 'virt-tune-ls'), `#!/bin/sh\necho $$ > "${serverPid}"\nexec "${join(ROOT, 'dist', 'virt-tune-ls')}" "$@"\n`);
  chmodSync(join(bin, 'virt-tune-ls'), 0o755);
  writeFileSync(join(folder, 'init.lua'), readmeConfig());
  const file = join(folder, 'guest.xml');
  writeFileSync(file, DOMAIN);
  const out = join(folder, 'result.json');
  const places = { completion: { line: 6, character: 4 }, hover: { line: 5, character: 6 } };
  const run = spawnSync(
    NVIM,
    ['--headless', '-n', '-i', 'NONE', '-u', join(folder, 'init.lua'), '-c', `luafile ${join(ROOT, 'test', 'editors', 'neovim-driver.lua')}`],
    {
      cwd: folder,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, HOME: folder, XDG_CONFIG_HOME: join(folder, 'config'), XDG_DATA_HOME: join(folder, 'data'), XDG_STATE_HOME: join(folder, 'state'), VT_FILE: file, VT_OUT: out, VT_PLACES: JSON.stringify(places) },
    },
  );
  assert.equal(run.status, 0, `nvim exited ${run.status}: ${run.stderr}${run.stdout}`);
  // Neovim does not wait for the server it started: the server ends on its own after the exit
  // notification (writing its code cache into the test's HOME on the way out), and the folder is
  // removed only then.
  assert.ok(await ended(Number(readFileSync(serverPid, 'utf8')), 30_000), 'virt-tune-ls still runs 30 s after Neovim quit');
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    nvim: string;
    errors: string[];
    attached: boolean;
    client?: string;
    diagnostics: { line: number; character: number; code: string; message: string }[];
    completion?: { label: string }[];
    hover?: string;
    codeActions: { title: string }[];
  };
  assert.deepEqual(result.errors, [], `Neovim ${result.nvim}`);
  assert.equal(result.attached, true);
  assert.equal(result.client, 'virt-tune');
  const vt130 = result.diagnostics.find((diagnostic) => diagnostic.code === 'VT130');
  assert.ok(vt130, JSON.stringify(result.diagnostics));
  assert.deepEqual([vt130.line, vt130.character], [5, 19]);
  const labels = (result.completion ?? []).map((item) => item.label);
  assert.ok(labels.includes('vcpupin') && labels.includes('emulatorpin'), labels.join(', '));
  assert.equal(labels.filter((label) => label === 'cputune').length, 0, 'no <cputune> inside <cputune>');
  assert.match(result.hover ?? '', /vcpupin/);
  const titles = result.codeActions.map((action) => action.title);
  assert.ok(titles.includes('Remove the pin of vCPU 3') && titles.includes('Raise <vcpu> from 2 to 4'), titles.join(', '));
});

/** Whether the process is gone within `withinMs`. */
async function ended(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
