import type { CmdlineShape } from './types';

/** /etc/default/grub (or a copy under another root), and a drop-in of its grub.d folder (`.../default/grub.d/NAME.cfg`). */
export const DEFAULT_GRUB_PATH = /(^|\/)default\/grub$/;
export const GRUB_DROP_IN_PATH = /(^|\/)default\/grub\.d\/[^/]+\.cfg$/;

/**
 * The shape of a command line file from its path, as the files are named on a host: /etc/default/grub
 * (and the snippets of /etc/default/grub.d/), grub.cfg / grub2.cfg / grub2-efi.cfg and grub.conf / menu.lst
 * (also with a prefix: `backup-grub.cfg`), loader/entries/*.conf, /etc/kernel/cmdline and files named
 * `cmdline` or `*.cmdline`, GRUB 2's custom.cfg and /etc/grub.d/40_custom.
 */
export function cmdlineShapeOfPath(path: string): CmdlineShape | undefined {
  const normalized = path.replace(/\\/g, '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (DEFAULT_GRUB_PATH.test(normalized) || GRUB_DROP_IN_PATH.test(normalized)) return 'default-grub';
  // Copies kept under a prefix (`backup-grub.cfg`, `guide-6.4.2-grub2.cfg`) count too.
  if (/(^|[-_.])grub2?(-efi)?\.cfg$/.test(name)) return 'grub-cfg';
  // GRUB 2 reads custom.cfg beside grub.cfg; grub-mkconfig copies /etc/grub.d/40_custom (and 41_custom, ...) into grub.cfg.
  if (/(^|\/)(grub2?|EFI\/[^/]+)\/custom\.cfg$/.test(normalized) || /(^|\/)grub\.d\/[0-9]{2}_custom[^/]*$/.test(normalized)) return 'grub-cfg';
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
  if (byPath) return grubFlavorByContent(byPath, text);
  if (/^\s*(export\s+)?GRUB_CMDLINE_LINUX(_DEFAULT)?=/m.test(text)) return 'default-grub';
  if (/^\s*(linux|linux16|linuxefi)\s/m.test(text)) return 'grub-cfg';
  if (/^\s*kernel\s/m.test(text) && /^\s*title\s/m.test(text)) return 'grub-legacy';
  if (/^options\s/m.test(text) && /^(title|linux|version)\s/m.test(text)) return 'bls';
  return 'plain';
}

/**
 * GRUB 2 or GRUB legacy, told by what the file holds: distributions name GRUB 2's file grub.conf too
 * (a symlink, a copy), and a legacy menu.lst may be saved as grub.cfg. `menuentry` and `linux` are GRUB 2's
 * alone; `title` with `kernel` is legacy's. The name decides when the text does not.
 */
export function grubFlavorByContent(shape: CmdlineShape, text: string): CmdlineShape {
  if (shape !== 'grub-cfg' && shape !== 'grub-legacy') return shape;
  const grub2 = /^\s*(menuentry|submenu)\s|^\s*(linux|linux16|linuxefi|multiboot2?)\s/m.test(text);
  const legacy = /^\s*title\s/m.test(text) && /^\s*kernel\s/m.test(text);
  if (grub2 && !legacy) return 'grub-cfg';
  if (legacy && !grub2) return 'grub-legacy';
  return shape;
}
