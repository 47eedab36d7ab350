import type { TextDocument, Position } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { cursorContext, type CursorContext } from '../xml/cursor';
import { elementPath } from '../xml/query';
import type { Span } from '../core/span';
import type { XmlElement } from '../xml/types';
import { valueChoices } from '../kb/specLookup';
import { elementSpec } from '../kb/structure';
import { attributeItems } from './completion/attributes';
import { closingTagItem, elementItems } from './completion/elements';
import { completionSite, wordAt, type CompletionSite } from './completion/site';
import { snippetItems } from './completion/snippets';
import { snippetsOverElements } from './completion/snippetsOverElements';
import { attributeAwaitingValue, attributeValueItems, textValueItems } from './completion/values';
import { domainDocument } from './document';
import type { HostModel } from '../host/types';
import type { SchemaVariants } from './completion/variants';

export type { SchemaVariants } from './completion/variants';

/**
 * Completion for domain XML: element names the parent allows, the tuning snippets where they fit,
 * attribute names not written yet, and attribute or text values. XML whose root is not `<domain>`
 * gets nothing, except a document with no root yet, which is offered a domain skeleton. With
 * `variants` (libvirt's RelaxNG schema in use), element names, attribute names and attribute values
 * are those that fit the element's variant, not all its path allows.
 */
export function domainCompletion(textDocument: TextDocument, position: Position, options: { host?: HostModel; variants?: SchemaVariants } = {}): CompletionList {
  const site = completionSite(textDocument, domainDocument(textDocument), textDocument.offsetAt(position), options.host, options.variants);
  return { isIncomplete: false, items: completionItems(site) };
}

function completionItems(site: CompletionSite): CompletionItem[] {
  const { xml, model } = site.document;
  const context = cursorContext(xml, site.offset);
  const root = xml.root;
  if (!root || (context.kind === 'element-name' && context.element === root && isFresh(root))) return rootItems(site, context);
  if (!model) return [];
  // Between the `<` and the `/` of an end tag, a name would turn the end tag into text; after the
  // root's start tag nothing may come, after its end tag nothing may follow.
  if (xml.text.slice(site.offset - 1, site.offset + 1) === '</') return [];
  if (site.offset <= root.span.start || (root.endTagSpan && site.offset >= root.endTagSpan.end)) return [];
  switch (context.kind) {
    case 'content':
      return context.parent ? contentItems(site, context.parent) : [];
    case 'text':
      return contentItems(site, context.element);
    case 'element-name':
      return context.parent && context.element ? tagNameItems(site, context.parent, context.element, context.span) : [];
    case 'attribute-name': {
      const pending = attributeAwaitingValue(site, context.element);
      if (pending) return attributeValueItems(site, context.element, pending, context.span, true);
      // Between `=` and its value's quote, or the `/` and the `>` of an empty-element tag, no name fits.
      if (/[=/]\s*$/.test(site.document.xml.text.slice(Math.max(0, context.span.start - 40), context.span.start))) return [];
      return attributeItems(site, context.element, context.attribute, context.span);
    }
    case 'attribute-value':
      return attributeValueItems(site, context.element, context.attribute, context.span);
    case 'end-tag-name':
      return [closingTagItem(site, context.element, context.span)];
  }
}

/** A start tag being typed: no attribute yet, not finished with `>`. */
function isFresh(element: XmlElement): boolean {
  return !element.startTagClosed && element.attributes.length === 0;
}

/** Between tags or in text: children (as whole tags, or the rest of one after a lone `<`), snippets, or text values. */
function contentItems(site: CompletionSite, parent: XmlElement): CompletionItem[] {
  const text = site.document.xml.text;
  const word = wordAt(text, site.offset);
  const path = elementPath(parent);
  if (text.slice(word.start - 2, word.start) === '</') return [closingTagItem(site, parent, word)];
  if (word.start > 0 && text[word.start - 1] === '<') {
    const withLt = { start: word.start - 1, end: word.end };
    return snippetsOverElements(elementItems(site, parent, { form: 'after-lt', replace: word }), snippetItems(site, path, parent, withLt, true));
  }
  const textType = elementSpec(path)?.text;
  // The host's libvirt lists the CPU models its hypervisor knows, where the schema only says "text".
  if (textType) return valueChoices(textType).length > 0 || path === 'domain/cpu/model' ? textValueItems(site, parent, word) : [];
  return snippetsOverElements(elementItems(site, parent, { form: 'tag', replace: word }), snippetItems(site, path, parent, word, false));
}

function tagNameItems(site: CompletionSite, parent: XmlElement, element: XmlElement, span: Span): CompletionItem[] {
  if (!isFresh(element)) return elementItems(site, parent, { form: 'rename', replace: span, element });
  const withLt = { start: element.startTagSpan.start, end: span.end };
  return snippetsOverElements(
    elementItems(site, parent, { form: 'after-lt', replace: span, element }),
    snippetItems(site, elementPath(parent), parent, withLt, true, element),
  );
}

/** No root yet (or the root's name being typed): the domain skeleton. */
function rootItems(site: CompletionSite, context: CursorContext): CompletionItem[] {
  if (context.kind === 'element-name') {
    return snippetItems(site, '', undefined, { start: context.span.start - 1, end: context.span.end }, true);
  }
  const word = wordAt(site.document.xml.text, site.offset);
  const lt = word.start > 0 && site.document.xml.text[word.start - 1] === '<';
  const replace = lt ? { start: word.start - 1, end: word.end } : word;
  return snippetItems(site, '', undefined, replace, lt);
}
