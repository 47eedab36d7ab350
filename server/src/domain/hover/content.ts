import type { Source } from '../../kb/types';
import type { Span } from '../../xml/types';
import { joinParagraphs, sourcesParagraphs } from './markdown';

/** What a hover shows and the span of the name or value it is about. */
export interface HoverContent {
  markdown: string;
  span: Span;
}

/** Paragraphs about the thing hovered; undefined when the knowledge base has nothing beyond a heading. */
export function assemble(heading: string, body: readonly string[], sources: readonly Source[], span: Span): HoverContent | undefined {
  if (body.length === 0) return undefined;
  return { markdown: joinParagraphs([heading, ...body, ...sourcesParagraphs(sources)]), span };
}
