import type { KernelArch } from '../kb/cmdline';
import type { Span } from '../core/span';

/** The kinds of file a kernel command line is kept in. */
export type CmdlineShape =
  /** /etc/default/grub (and /etc/default/grub.d/*.cfg): GRUB_CMDLINE_LINUX and GRUB_CMDLINE_LINUX_DEFAULT. */
  | 'default-grub'
  /** GRUB 2's grub.cfg / grub2.cfg: `linux`, `linux16`, `linuxefi` lines. */
  | 'grub-cfg'
  /** GRUB legacy's grub.conf / menu.lst: `kernel` lines. */
  | 'grub-legacy'
  /** A Boot Loader Specification entry, loader/entries/*.conf: `options` lines. */
  | 'bls'
  /** The whole file is the command line: /etc/kernel/cmdline, a saved /proc/cmdline. */
  | 'plain';

/** One parameter of a command line, as the kernel splits it. */
export interface KernelParam {
  /** As written, dashes kept. */
  name: string;
  /** Without the quotes around it; undefined when there is no `=`. */
  value: string | undefined;
  /** The whole parameter in the file (a quote around it included). */
  span: Span;
  nameSpan: Span;
  valueSpan?: Span;
  /** Where the value's characters are in the file: problems inside the value map through it (rules/spans.ts valueFileSpan). */
  valueOffsets?: ValueOffsets;
  /** It holds a `$VAR` reference left unexpanded (so its name or value is not known), or its characters come from places out of file order. */
  dynamic: boolean;
}

/**
 * The file offset of each character of a value: `offsets[start + i]` for its character i, `end` past its
 * last. The offsets are the whole command line's, shared by its parameters (a copy for each value was an
 * allocation per parameter, on lines of hundreds of thousands).
 */
export interface ValueOffsets {
  offsets: ArrayLike<number>;
  start: number;
  length: number;
  end: number;
}

/** The kernel image a boot entry loads, and what its file name tells. */
export interface KernelImage {
  path: string;
  span: Span;
  /** From the file name: `vmlinuz-5.14.0-427.el9.x86_64` is 5.14. */
  version?: { major: number; minor: number };
  arch?: KernelArch;
}

/** A line that follows a kernel line of grub.cfg or grub.conf but was meant as part of it. */
export interface StrayLine {
  /** The line's text, leading and trailing blanks left out. */
  span: Span;
  /** From the end of the previous line's text to the start of this one's: what joining replaces by a space. */
  gap: Span;
  /**
   * Where the line read as a GRUB 2 shell command ends (past the line's newline when it leaves a quote
   * open): recorded by the locator of grub.cfg, which reads the line so; unset for GRUB legacy's lines.
   */
  commandEnd?: number;
}

/** One kernel command line in a file: the parameters it gives and where they are. */
export interface CommandLine {
  /** What holds it: `GRUB_CMDLINE_LINUX`, `linux16`, `kernel`, `options`, `file`. */
  holder: string;
  holderSpan: Span;
  /** The kernel's parameters in order, up to a `--`: what the kernel gets, so a stray line's words are not among them. */
  params: KernelParam[];
  /** What follows `--`: arguments for init, not the kernel's. */
  initArgs: KernelParam[];
  /** Where parameters are written (for completion): the file spans of the values. */
  regions: Span[];
  kernel?: KernelImage;
  strayLines: StrayLine[];
  /** The line is a hypervisor's (`multiboot2 /xen.gz ...`): its words are Xen's options, not a Linux kernel's. */
  hypervisor?: 'xen';
  /** An assignment of /etc/default/grub that a later one replaces: its parameters never reach the kernel. */
  shadowed?: boolean;
  /** For a shadowed assignment: the next assignment of its variable that does not refer to it, which replaces it. */
  replacedBy?: { nameSpan: Span; valueSpan: Span };
  /** For an assignment shadowed by a drop-in grub-mkconfig sources after the file: that drop-in's assignment. */
  replacedByDropIn?: DropInReplacement;
}

/** Where a drop-in (/etc/default/grub.d/*.cfg) replaces a variable of the file sourced before it. */
export interface DropInReplacement {
  path: string;
  /** The line of the drop-in's assignment, from 1. */
  line: number;
}
