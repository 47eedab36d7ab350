import type { CmdlineDocument } from './document';
import type { CommandLine, KernelParam } from './types';

export interface ParamAt {
  line: CommandLine;
  param: KernelParam;
  /** After `--`: an argument for init. */
  forInit: boolean;
}

/** The parameter whose text holds an offset (its end included, as for a cursor after the last letter). */
export function paramAt(document: CmdlineDocument, offset: number): ParamAt | undefined {
  for (const line of document.lines) {
    for (const [list, forInit] of [[line.params, false], [line.initArgs, true]] as const) {
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
