import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import type { Fact } from '../../kb/types';
import { withDocumentation } from '../hover/content';
import { factParagraphs, joinParagraphs, sourcesParagraphs } from '../../core/markdown';

/**
 * A completion item's documentation: what the fact says and where it comes from, plus any extra
 * paragraphs. With `path`, the element (or the element of the attribute) the item is about: its
 * formatdomain section is linked too, and is the documentation when there is nothing else to say.
 */
export function itemDocumentation(about: Fact | undefined, extra: readonly string[] = [], path?: string): MarkupContent | undefined {
  const paragraphs = [...(about ? factParagraphs(about) : []), ...extra];
  const sources = path === undefined ? about?.sources ?? [] : withDocumentation(about?.sources ?? [], path);
  if (paragraphs.length === 0 && sources.length === 0) return undefined;
  return { kind: MarkupKind.Markdown, value: joinParagraphs([...paragraphs, ...sourcesParagraphs(sources)]) };
}
