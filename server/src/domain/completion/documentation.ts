import { MarkupKind, type MarkupContent } from 'vscode-languageserver-types';
import type { Fact } from '../../kb/types';
import { factParagraphs, joinParagraphs, sourcesParagraphs } from '../hover/markdown';

/** A completion item's documentation: what the fact says and where it comes from, plus any extra paragraphs. */
export function itemDocumentation(about: Fact | undefined, extra: readonly string[] = []): MarkupContent | undefined {
  const paragraphs = [...(about ? factParagraphs(about) : []), ...extra];
  if (paragraphs.length === 0) return undefined;
  return { kind: MarkupKind.Markdown, value: joinParagraphs([...paragraphs, ...sourcesParagraphs(about?.sources ?? [])]) };
}
