import type { CmdlineDocument } from './document';
import { identity, joinMapped } from './mappedText';
import { readShellCommand } from './shellWords';
import { tokenize, type Tokenized } from './tokenize';
import type { CommandLine, KernelParam, StrayLine } from './types';

export interface ParamAt {
  line: CommandLine;
  param: KernelParam;
  /** After `--`: an argument for init. */
  forInit: boolean;
}

/**
 * The parameter whose text holds an offset (its end included, as for a cursor after the last letter);
 * on a stray line, that line's word, though it never reaches the kernel.
 */
export function paramAt(document: CmdlineDocument, offset: number): ParamAt | undefined {
  for (const line of document.lines) {
    const stray = strayLineAt(line, offset);
    const { params, initArgs } = stray ? strayLineWords(document, stray) : line;
    for (const [list, forInit] of [[params, false], [initArgs, true]] as const) {
      const param = list.find((candidate) => candidate.span.start <= offset && offset <= candidate.span.end);
      if (param) return { line, param, forInit };
    }
  }
  return undefined;
}

/** The command line whose text (a region of it) holds an offset. */
export function lineAt(document: CmdlineDocument, offset: number): CommandLine | undefined {
  return document.lines.find((line) => line.regions.some((region) => region.start <= offset && offset <= region.end));
}

/** The stray line of a kernel line that holds an offset (its end included). */
export function strayLineAt(line: CommandLine, offset: number): StrayLine | undefined {
  return line.strayLines.find((stray) => stray.span.start <= offset && offset <= stray.span.end);
}

/**
 * A stray line's words read as kernel parameters, as they would read joined to the kernel line: what
 * the user meant them as, for hover and completion. No rule reads them, since GRUB runs the line as a
 * command of its own and the kernel never gets them (VT307).
 */
export function strayLineWords(document: CmdlineDocument, stray: StrayLine): Tokenized {
  const parts = document.shape === 'grub-cfg' ? readShellCommand(document.text, stray.span.start).words.map((word) => word.value) : [identity(document.text, stray.span)];
  return tokenize(joinMapped(parts, stray.span.end));
}
