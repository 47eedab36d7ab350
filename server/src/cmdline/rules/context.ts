import type { Rule } from '../../core/types';
import type { KernelArch } from '../../kb/cmdline';
import type { CmdlineDocument } from '../document';
import { bootingWithDropIns } from '../dropIns';
import type { GrubDropIns } from '../../grubDropIns/types';
import type { CommandLine, KernelParam } from '../types';
import { hugetlbSteps, type HugetlbStep } from './hugetlb';

/** What a command line rule reads: the file's command lines, located once for the document's version. */
export interface CmdlineRuleContext {
  document: CmdlineDocument;
  text: string;
  /** The Linux kernels' command lines (a dom0 kernel's included). */
  lines: readonly CommandLine[];
  /** The hypervisor lines (`multiboot2 /xen.gz ...`): Xen's own options, which the Linux rules do not judge. */
  hypervisorLines: readonly CommandLine[];
  /** The architecture of each command line's kernel. */
  archOf(line: CommandLine): LineArch;
  /** How the kernel reads each huge page parameter of a line, in order. */
  hugetlbOf(line: CommandLine): readonly HugetlbStep[];
}

export type CmdlineRule = Rule<CmdlineRuleContext>;

/** The architecture a line's kernel is for: from the image's name, or x86_64 assumed. */
export interface LineArch {
  arch: KernelArch;
  assumed: boolean;
}

export const ASSUMED_ARCH: KernelArch = 'x86_64';

/** `dropIns`: those grub-mkconfig sources after the document, as an adapter read them (an /etc/default/grub's, or a drop-in's later ones). */
export function buildRuleContext(document: CmdlineDocument, dropIns?: GrubDropIns): CmdlineRuleContext {
  const hugetlb = new Map<CommandLine, readonly HugetlbStep[]>();
  const archOf = (line: CommandLine): LineArch =>
    line.kernel?.arch ? { arch: line.kernel.arch, assumed: false } : { arch: ASSUMED_ARCH, assumed: true };
  const lines = bootingWithDropIns(document, dropIns);
  return {
    document,
    text: document.text,
    lines: lines.filter((line) => !line.hypervisor),
    hypervisorLines: lines.filter((line) => line.hypervisor),
    archOf,
    hugetlbOf(line) {
      let steps = hugetlb.get(line);
      if (!steps) {
        steps = hugetlbSteps(line.params, archOf(line).arch);
        hugetlb.set(line, steps);
      }
      return steps;
    },
  };
}

/** The parameters whose name and value are known: no `$VAR` in them. */
export function knownParams(line: CommandLine): readonly KernelParam[] {
  // Most lines have no such parameter: their list as it is, not a copy per rule.
  return line.params.some((param) => param.dynamic) ? line.params.filter((param) => !param.dynamic) : line.params;
}

/** The lines whose parameters reach the kernel together (an assignment a later one, or a drop-in, replaces does not). */
export function effectiveLines(context: CmdlineRuleContext): CommandLine[] {
  return context.lines.filter((line) => !line.shadowed);
}

/** `(x86_64 assumed: ...)` when the architecture is a guess, for messages. */
export function archNote(arch: LineArch): string {
  return arch.assumed ? ` (${arch.arch} assumed: the kernel image's name does not say which architecture)` : '';
}

/** `line 3` of a file offset, for messages that point at another parameter. */
export function lineOf(context: CmdlineRuleContext, offset: number): string {
  return `line ${context.document.textDocument.positionAt(offset).line + 1}`;
}

/** How many parameters of a replaced value a message names. */
const LOST_NAMED = 4;

/** `a b c d and 2 more never reach` (`a never reaches`): the parameters of a line a later value replaces, for VT319's and VT320's messages. */
export function neverReach(context: CmdlineRuleContext, line: CommandLine): string {
  const { params } = line;
  const names = params.slice(0, LOST_NAMED).map((param) => context.text.slice(param.span.start, param.span.end));
  const more = params.length > LOST_NAMED ? ` and ${params.length - LOST_NAMED} more` : '';
  return `${names.join(' ')}${more} never reach${params.length === 1 ? 'es' : ''}`;
}
