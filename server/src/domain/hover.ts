import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import { cursorContext } from '../xml/cursor';
import { domainDocument } from './document';
import type { HoverContent } from './hover/content';
import { attributeContent, elementContent } from './hover/names';
import { textContent, valueContent } from './hover/values';

/**
 * Hover for domain XML: on an element name (start or end tag), an attribute name, an attribute value
 * or an element's text, what the knowledge base says about it. Null where it says nothing.
 */
export function domainHover(textDocument: TextDocument, position: Position): Hover | null {
  const document = domainDocument(textDocument);
  if (!document.model) return null;
  const context = cursorContext(document.xml, textDocument.offsetAt(position));
  let content: HoverContent | undefined;
  switch (context.kind) {
    case 'element-name':
      content = context.element && elementContent(context.element, context.span);
      break;
    case 'end-tag-name':
      content = elementContent(context.element, context.span);
      break;
    case 'attribute-name':
      content = context.attribute && attributeContent(context.element, context.attribute);
      break;
    case 'attribute-value':
      content = valueContent(context.element, context.attribute, context.span);
      break;
    case 'text':
      content = textContent(context.element);
      break;
    case 'content':
      content = undefined;
      break;
  }
  if (!content) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: content.markdown },
    range: { start: textDocument.positionAt(content.span.start), end: textDocument.positionAt(content.span.end) },
  };
}
