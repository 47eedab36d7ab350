import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { cmdlineDocument, forgetCmdlineDocument } from '../cmdline/document';
import { hugetlbSteps } from '../cmdline/rules/hugetlb';
import { cmdlineShapeOfPath, DEFAULT_GRUB_PATH } from '../cmdline/shape';
import { sourcedKernelParameters } from '../cmdline/dropIns';
import { identity } from '../cmdline/mappedText';
import { tokenize } from '../cmdline/tokenize';
import type { KernelParam } from '../cmdline/types';
import type { KernelArch } from '../kb/cmdline';
import { dropInFolderOf, dropInsAfter } from '../grubDropIns/folder';
import { readDropInFolder } from '../grubDropIns/read';
import type { GrubDropIns } from '../grubDropIns/types';
import type { BootHugePages } from './types';

const LANGUAGE: Record<string, string> = { 'default-grub': 'grub', 'grub-cfg': 'grub', 'grub-legacy': 'grub', bls: 'grub', plain: 'kernel-cmdline' };

/**
 * The huge pages a host's kernel command line reserves at boot, from the workspace's copy of its files:
 * for a folder that is `.../etc/libvirt/qemu`, the same tree's `etc/default/grub`, then its BLS entries
 * (`boot/loader/entries/*.conf`), then `boot/grub2/grub.cfg`: the first of them that reserves any. Read
 * with the command line parser (as the kernel takes hugepagesz=, hugepages= and default_hugepagesz=);
 * etc/default/grub with the drop-ins of etc/default/grub.d that grub-mkconfig sources after it.
 */
export async function bootHugePagesBeside(folder: string): Promise<BootHugePages | undefined> {
  const match = /^(.*)\/etc\/libvirt\/qemu\/?$/.exec(folder);
  if (!match) return undefined;
  const root = match[1] || '/';
  const entries = join(root, 'boot', 'loader', 'entries');
  const bls = ((await readdir(entries).catch(() => [] as string[])).filter((name) => name.endsWith('.conf')).sort()).map((name) => join(entries, name));
  for (const path of [join(root, 'etc', 'default', 'grub'), ...bls, join(root, 'boot', 'grub2', 'grub.cfg'), join(root, 'boot', 'grub', 'grub.cfg')]) {
    const found = await bootHugePagesOf(path);
    if (found && found.pages.length > 0) return found;
  }
  return undefined;
}

/** The huge pages one file's command lines reserve (the largest count per size over its lines). */
export async function bootHugePagesOf(path: string): Promise<BootHugePages | undefined> {
  const shape = cmdlineShapeOfPath(path);
  if (!shape) return undefined;
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  if (shape === 'default-grub' && DEFAULT_GRUB_PATH.test(path)) {
    const folder = dropInFolderOf(path)!;
    const dropIns = dropInsAfter(path, folder, await readDropInFolder(folder));
    if (dropIns) return withDropIns(path, text, dropIns);
  }
  const uri = pathToFileURL(path).toString();
  const document = cmdlineDocument(TextDocument.create(uri, LANGUAGE[shape] ?? 'grub', 0, text));
  const counts = new Map<number, number>();
  try {
    for (const line of document.booting) {
      if (line.shadowed || line.hypervisor) continue;
      for (const [sizeKiB, count] of pagesOf(line.params, line.kernel?.arch ?? 'x86_64')) counts.set(sizeKiB, Math.max(counts.get(sizeKiB) ?? 0, count));
    }
  } finally {
    forgetCmdlineDocument(uri);
  }
  return { path, folder: dirname(path), pages: sortedPages(counts) };
}

/**
 * An /etc/default/grub with drop-ins beside it (Debian, Ubuntu): the pages of the parameters a default
 * entry gets once grub-mkconfig has sourced them all, a drop-in's value replacing the file's. Nothing
 * when that is not sure (a file runs a command, cannot be read, appends with +=): the next boot file is asked.
 */
function withDropIns(path: string, text: string, dropIns: GrubDropIns): BootHugePages | undefined {
  const parameters = sourcedKernelParameters([text, ...dropIns.files.map((file) => file.text)]);
  if (parameters === undefined) return undefined;
  const { params } = tokenize(identity(parameters, { start: 0, end: parameters.length }));
  return { path: `${path} (with ${dropIns.folder}/*.cfg)`, folder: dirname(path), pages: sortedPages(pagesOf(params, 'x86_64')) };
}

/** The pages per size (KiB) one command line reserves, as the kernel reads its huge page parameters. */
function pagesOf(params: readonly KernelParam[], arch: KernelArch): Map<number, number> {
  const perLine = new Map<number, number>();
  for (const step of hugetlbSteps(params, arch)) {
    if (step.role !== 'hugepages' || step.status !== 'ok' || step.size === undefined) continue;
    const count = Number(step.param.value);
    if (!Number.isSafeInteger(count) || count < 0) continue;
    const sizeKiB = Number(step.size / 1024n);
    perLine.set(sizeKiB, (perLine.get(sizeKiB) ?? 0) + count);
  }
  return perLine;
}

function sortedPages(counts: ReadonlyMap<number, number>): BootHugePages['pages'] {
  return [...counts].map(([sizeKiB, count]) => ({ sizeKiB, count })).sort((a, b) => a.sizeKiB - b.sizeKiB);
}
