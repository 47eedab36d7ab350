/**
 * A stretch of a document's text: offsets into the text, counted in UTF-16 code units (the unit LSP
 * positions use), `end` exclusive. Every file kind's parser and rules point with it.
 */
export interface Span {
  start: number;
  end: number;
}
