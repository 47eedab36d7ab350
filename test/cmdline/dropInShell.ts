import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GrubDropIns } from '../../server/src/grubDropIns/types';
import { sourcingOrder } from '../../server/src/grubDropIns/folder';

/** What a shell gives the variables after sourcing /etc/default/grub and then its drop-ins, as Debian's grub-mkconfig does. */
export interface Sourced {
  status: number | null;
  values: Record<string, string>;
  stderr: string;
}

/**
 * Writes `grub` and `grub.d/NAME` for each drop-in into a new folder and sources them with `shell` (dash
 * is /bin/sh on Debian and Ubuntu) under `set -e`, the drop-ins in the order the shell lists
 * `grub.d/*.cfg`, each one that exists: the loop debian/patches/default-grub-d.patch adds to grub-mkconfig.
 */
export function sourceLikeGrubMkconfig(shell: 'dash' | 'bash', grub: string, dropIns: Record<string, string>, variables: readonly string[]): Sourced {
  const folder = mkdtempSync(join(tmpdir(), 'vt-grub-d-'));
  try {
    writeFileSync(join(folder, 'grub'), grub);
    mkdirSync(join(folder, 'grub.d'));
    for (const [name, text] of Object.entries(dropIns)) writeFileSync(join(folder, 'grub.d', name), text);
    const print = variables.map((variable) => `printf '%s\\0' "$${variable}"`).join('; ');
    const script = `set -e; . "$1/grub"; for x in "$1"/grub.d/*.cfg; do if [ -e "$x" ]; then . "$x"; fi; done; ${print}`;
    const run = spawnSync(shell, ['-c', script, shell, folder], { encoding: 'utf8' });
    const printed = run.stdout.split('\0');
    return { status: run.status, stderr: run.stderr, values: Object.fromEntries(variables.map((variable, index) => [variable, printed[index] ?? ''])) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The drop-ins as an adapter reads them from /etc/default/grub.d, in sourcing order. */
export function dropInsOf(files: Record<string, string | undefined>, folder = '/etc/default/grub.d'): GrubDropIns {
  return { folder, files: sourcingOrder(Object.keys(files)).map((name) => ({ path: `${folder}/${name}`, text: files[name] })) };
}
