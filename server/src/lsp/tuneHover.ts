import type { Position, TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { tuneHover, type TuneOptions } from '../tune/service';

/** A domain hover with, on a block the tuner wrote, the placement it belongs to first. */
export function withTuneHover(hover: Hover | null, document: TextDocument, position: Position, options: TuneOptions): Hover | null {
  const tuned = tuneHover(document, document.offsetAt(position), options);
  if (!tuned) return hover;
  const before = hover && typeof hover.contents === 'object' && 'kind' in hover.contents ? (hover.contents as MarkupContent).value : undefined;
  return {
    ...(hover?.range ? { range: hover.range } : {}),
    contents: { kind: 'markdown', value: before ? `${tuned}\n\n---\n\n${before}` : tuned },
  };
}
