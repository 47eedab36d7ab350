import { canonicalParamName, isDocumentedParam, kernelParam } from '../../kb/cmdline';
import type { Span } from '../../core/span';
import { kernelImage } from '../kernelImage';
import { identity, joinMapped, type MappedText } from '../mappedText';
import { readShellCommandJoined, shellCommandEnd } from '../shellWords';
import { tokenize } from '../tokenize';
import type { CommandLine, KernelImage, StrayLine } from '../types';
import { GRUB2_COMMANDS, GRUB_LEGACY_COMMANDS } from './grubCommands';
import { lineIndexAt, sourceLines, type SourceLine } from './lines';

export type GrubFlavor = 'grub2' | 'legacy';

const KERNEL_COMMANDS: Record<GrubFlavor, ReadonlySet<string>> = {
  grub2: new Set(['linux', 'linux16', 'linuxefi', 'multiboot', 'multiboot2', 'module', 'module2']),
  legacy: new Set(['kernel', 'module']),
};
const HYPERVISOR_LOADERS = new Set(['multiboot', 'multiboot2', 'kernel']);
const MODULE_LOADERS = new Set(['module', 'module2']);
/** Starts a new boot entry: what a Xen line set up ends there. */
const ENTRY_START = /^(menuentry|submenu|title)\s/;

/** A hypervisor image: Xen's (`/xen.gz`, `/xen-4.17-amd64.gz`, `xen.efi`). */
function isXenImage(path: string): boolean {
  return /^xen([-.]|$)/.test(path.slice(path.lastIndexOf('/') + 1));
}

/**
 * The kernel lines of a GRUB configuration: `linux`/`linux16`/`linuxefi` in GRUB 2's grub.cfg (read with
 * GRUB's shell-like quoting), `kernel` in GRUB legacy's grub.conf and menu.lst (taken as written). Each
 * line's first word is the command, the next the kernel image, the rest the command line. Lines right
 * after one that no GRUB command begins are taken as the kernel line broken in two: they belong to it in
 * intent and are reported as stray, but GRUB runs each as a command of its own: their words are no
 * parameters of the kernel's (find.ts strayLineWords reads them for hover and completion).
 */
export function locateGrubConfig(source: string, flavor: GrubFlavor): CommandLine[] {
  const lines = sourceLines(source);
  const result: CommandLine[] = [];
  // After a Xen hypervisor line, the first module is the dom0 kernel; other modules (initrd, policy) are no command line.
  let xenEntry: 'kernel-next' | 'done' | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const command = firstWord(line.text);
    if (ENTRY_START.test(line.text)) xenEntry = undefined;
    if (!KERNEL_COMMANDS[flavor].has(command)) continue;
    // grub-mkconfig writes `module2 /vmlinuz placeholder root=...`: Xen drops the first word, meant to be the image's name.
    const xenArgs = MODULE_LOADERS.has(command) || HYPERVISOR_LOADERS.has(command);
    const read = flavor === 'grub2' ? grub2Line(source, line, xenArgs) : legacyLine(source, line);
    const isModule = MODULE_LOADERS.has(command) || (flavor === 'legacy' && command === 'module');
    let hypervisor = false;
    if (isModule) {
      if (xenEntry !== 'kernel-next') continue;
      xenEntry = 'done';
      if (flavor === 'legacy') read.args = withoutPlaceholder(read.args);
    } else if (HYPERVISOR_LOADERS.has(command)) {
      const xen = read.kernel !== undefined && isXenImage(read.kernel.path);
      // A multiboot image that is not Xen's is no Linux kernel and no hypervisor virt-tune knows.
      if (!xen && command !== 'kernel') continue;
      if (xen) {
        hypervisor = true;
        xenEntry = 'kernel-next';
        if (flavor === 'legacy') read.args = withoutPlaceholder(read.args);
      }
    }
    let last = lineIndexAt(lines, Math.max(line.content.start, read.end - 1));
    const strayLines: StrayLine[] = [];
    const regions: Span[] = [read.region];
    while (last + 1 < lines.length && isStray(lines[last + 1]!, flavor)) {
      const stray = lines[last + 1]!;
      const strayLine: StrayLine = { span: stray.content, gap: { start: lines[last]!.content.end, end: stray.content.start } };
      strayLines.push(strayLine);
      regions.push(stray.content);
      if (flavor === 'grub2') strayLine.commandEnd = shellCommandEnd(source, stray.content.start);
      last++;
    }
    // Only the kernel line's own words reach the kernel: GRUB runs each stray line as a command of its own.
    const { params, initArgs } = tokenize(read.args ?? emptyAt(read.region.end));
    result.push({
      holder: command,
      holderSpan: { start: line.content.start, end: line.content.start + command.length },
      params,
      initArgs,
      regions,
      ...(read.kernel && !hypervisor ? { kernel: read.kernel } : {}),
      strayLines,
      ...(hypervisor ? { hypervisor: 'xen' as const } : {}),
    });
    index = last;
  }
  return result;
}

interface KernelLine {
  /** The words after the image, joined by spaces as GRUB joins them; undefined when there are none. */
  args: MappedText | undefined;
  kernel?: KernelImage;
  /** Where parameters are written: after the image, to the end of the line's text. */
  region: Span;
  /** Where the command ends in the file. */
  end: number;
}

/** A kernel line of grub.cfg; for Xen's loaders (`xenArgs`), a first argument `placeholder` left out. */
function grub2Line(source: string, line: SourceLine, xenArgs: boolean): KernelLine {
  const command = readShellCommandJoined(source, line.content.start, xenArgs ? 3 : 2);
  const [keyword, image, first] = command.head;
  const end = lineEnd(source, command.end);
  const after = image ?? keyword!;
  const region = { start: Math.min(after.span.end + 1, end), end };
  let args = command.rest;
  if (first && first.value.text !== 'placeholder') args = args ? joinMapped([first.value, args], end) : first.value;
  return {
    args,
    ...(image ? { kernel: kernelImage(image.value.text, image.span) } : {}),
    region,
    end: command.end,
  };
}

/** GRUB legacy passes the rest of the line on as it is; options of its own (`--type=...`) come before the image. */
function legacyLine(source: string, line: SourceLine): KernelLine {
  const words = [...line.text.matchAll(/\S+/g)].map((match) => ({
    text: match[0],
    span: { start: line.content.start + match.index, end: line.content.start + match.index + match[0].length },
  }));
  let index = 1;
  while (index < words.length && words[index]!.text.startsWith('--')) index++;
  const image = words[index];
  const after = image ?? words[0]!;
  const region = { start: Math.min(after.span.end + 1, line.span.end), end: line.span.end };
  const paramsStart = words[index + 1]?.span.start ?? line.content.end;
  return {
    args: identity(source, { start: paramsStart, end: line.content.end }),
    ...(image ? { kernel: kernelImage(image.text, image.span) } : {}),
    region,
    end: line.span.end,
  };
}

/** GRUB legacy's arguments, taken as one word: none when that is `placeholder` (grub2Line drops it from GRUB 2's Xen lines as it reads them). */
function withoutPlaceholder(args: MappedText | undefined): MappedText | undefined {
  return args?.text === 'placeholder' ? undefined : args;
}

/** No text, at a file offset. */
function emptyAt(end: number): MappedText {
  return joinMapped([], end);
}

/** A line right after a kernel line that goes on with it: not blank, no comment, begun by no GRUB command. */
function isStray(line: SourceLine, flavor: GrubFlavor): boolean {
  if (line.text === '' || line.text.startsWith('#') || /^(\{[{%#]|<%)/.test(line.text)) return false;
  const word = firstWord(line.text);
  if ((flavor === 'grub2' ? GRUB2_COMMANDS : GRUB_LEGACY_COMMANDS).has(word)) return false;
  // In GRUB 2, `name=value` sets a variable: only a kernel parameter's name there is a kernel line's rest.
  const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word);
  if (flavor === 'grub2' && assignment) {
    const name = assignment[1]!;
    return kernelParam(name) !== undefined || isDocumentedParam(canonicalParamName(name));
  }
  return true;
}

function firstWord(text: string): string {
  return /^\S*/.exec(text)![0];
}

/** Where the last line of a command ends, before its newline (blanks typed at its end included). */
function lineEnd(source: string, end: number): number {
  let offset = end;
  if (source[offset - 1] === '\n') offset--;
  if (source[offset - 1] === '\r') offset--;
  return offset;
}
