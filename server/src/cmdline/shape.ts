import type { CmdlineShape } from './types';

/**
 * The shape of a command line file from its path, as the files are named on a host: /etc/default/grub
 * (and the snippets of /etc/default/grub.d/), grub.cfg / grub2.cfg / grub2-efi.cfg and grub.conf / menu.lst
 * (also with a prefix: `backup-grub.cfg`), loader/entries/*.conf, /etc/kernel/cmdline and files named
 * `cmdline` or `*.cmdline`.
 */
export function cmdlineShapeOfPath(path: string): CmdlineShape | undefined {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (/(^|\/)default\/grub$/.test(normalized) || /(^|\/)default\/grub\.d\/[^/]+\.cfg$/.test(normalized)) return 'default-grub';
  // Copies kept under a prefix (`backup-grub.cfg`, `guide-6.4.2-grub2.cfg`) count too.
  if (/(^|[-_.])grub2?(-efi)?\.cfg$/.test(name)) return 'grub-cfg';
  if (/(^|[-_.])(grub\.conf|menu\.lst)$/.test(name)) return 'grub-legacy';
  if (/(^|\/)loader\/entries\/[^/]+\.conf$/.test(normalized)) return 'bls';
  if (name === 'cmdline' || name.endsWith('.cmdline')) return 'plain';
  return undefined;
}

/**
 * The shape of a file said to be a command line file (`--kind cmdline`) whatever its name: from its path
 * when that tells, else from what the text holds.
 */
export function cmdlineShape(path: string, text: string): CmdlineShape {
  const byPath = cmdlineShapeOfPath(path);
  if (byPath) return byPath;
  if (/^\s*(export\s+)?GRUB_CMDLINE_LINUX(_DEFAULT)?=/m.test(text)) return 'default-grub';
  if (/^\s*(linux|linux16|linuxefi)\s/m.test(text)) return 'grub-cfg';
  if (/^\s*kernel\s/m.test(text) && /^\s*title\s/m.test(text)) return 'grub-legacy';
  if (/^options\s/m.test(text) && /^(title|linux|version)\s/m.test(text)) return 'bls';
  return 'plain';
}
