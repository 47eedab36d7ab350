import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { domain } from '../helpers';

/** The repository root, from out/test/cli. */
export const ROOT = join(__dirname, '..', '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bundled CLI (built by `npm test` before the tests) in a folder, with `env` added to this process's environment. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A fresh folder under the system's temporary folder, removed when the test file ends. Removing retries:
 * a language server an editor started may still be writing its code cache into a HOME made here after
 * the editor has exited (test/editors).
 */
export function temporaryFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'virt-tune-cli-'));
  after(() => rmSync(folder, { recursive: true, force: true, maxRetries: 5 }));
  return folder;
}

/** A temporary folder holding the given files (names relative to it, subfolders made as needed). */
export function folderWith(files: Record<string, string | Buffer>): string {
  const folder = temporaryFolder();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), content);
  }
  return folder;
}

/** The guide's 9.3.10 mistake: a self-closed <hugepages/> given children (VT100 on its '/>', line 6, column 15). */
export const SELF_CLOSED_HUGEPAGES = domain(
  `  <memoryBacking>\n    <hugepages/>\n      <page size='1' unit='G'/>\n    </hugepages>\n  </memoryBacking>`,
);
export const SELF_CLOSED_HUGEPAGES_FIXED = SELF_CLOSED_HUGEPAGES.replace('<hugepages/>', '<hugepages>');

/** Not well-formed, and no safe fix can tell where the unclosed <devices> should end. */
export const UNCLOSED_DEVICES = domain(`  <devices>\n    <emulator>/usr/libexec/qemu-kvm</emulator>`);

export const CLEAN_DOMAIN = domain('');
