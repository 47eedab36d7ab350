import { documentationSection } from '../../kb/docSections';
import type { Source } from '../../kb/types';
import type { Span } from '../../core/span';
import { joinParagraphs, sourcesParagraphs } from '../../core/markdown';

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

/**
 * The sources, with the formatdomain section documenting the element at `path` added when none of
 * them links to it already: every element the structure knows gets its link to libvirt's page.
 */
export function withDocumentation(sources: readonly Source[], path: string): Source[] {
  const section = documentationSection(path);
  if (!section || section.kind !== 'libvirt') return [...sources];
  const linked = sources.some((source) => source.kind === 'libvirt' && source.anchor === section.anchor);
  return linked ? [...sources] : [...sources, section];
}
