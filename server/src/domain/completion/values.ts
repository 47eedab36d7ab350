import type { CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../../core/completionKinds';
import { valueChoices } from '../../kb/specLookup';
import { elementSpec } from '../../kb/structure';
import { elementPath } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import { itemDocumentation } from './documentation';
import { hostValueChoices } from './hostValues';
import { libvirtTextChoices, libvirtValueChoices } from './libvirtValues';
import { spanRange, type CompletionSite } from './site';
import { attributeValueChoices, fittingValueChoices, type ValueChoice } from './valueChoices';
import { fittingAttributes } from './variants';

const KINDS: Record<ValueChoice['kind'], CompletionItemKind> = {
  enum: ITEM_KINDS.choice,
  unit: ITEM_KINDS.unit,
  id: ITEM_KINDS.value,
};

/**
 * Values for the attribute whose value the cursor is in (with a schema in use, those its element's
 * variant takes); `span` is the whole value between the quotes.
 * With `quoted`, the cursor is right after `name=` and the values come with their quotes.
 */
export function attributeValueItems(
  site: CompletionSite,
  element: XmlElement,
  attribute: XmlAttribute,
  span: Span,
  quoted = false,
): CompletionItem[] {
  const model = site.document.model;
  if (!model) return [];
  // An unterminated value gets its closing quote with the value.
  const closing = quoted ? site.quote : attribute.valueClosed || !attribute.quote ? '' : attribute.quote;
  const opening = quoted ? site.quote : '';
  const path = elementPath(element);
  const fits = fittingAttributes(site, element, attribute)?.get(attribute.name);
  const choices = uniqueValues([
    ...hostValueChoices(site.host, path, attribute.name, element),
    ...libvirtValueChoices(site.host, path, attribute.name, element),
    ...fittingValueChoices(attributeValueChoices(model, path, attribute.name, element), fits, path, attribute.name),
  ]);
  return choices.map((entry, index) => valueItem(site, entry, span, opening, closing, index));
}

/** The attribute written as `name=` with no value yet, right before the offset. */
export function attributeAwaitingValue(site: CompletionSite, element: XmlElement): XmlAttribute | undefined {
  const text = site.document.xml.text;
  return element.attributes.find(
    (attribute) =>
      attribute.valueSpan === undefined &&
      attribute.nameSpan.end <= site.offset &&
      /^\s*=\s*$/.test(text.slice(attribute.nameSpan.end, site.offset)),
  );
}

/** Values for an element's text where its type has a closed list; `span` is the text typed so far. */
export function textValueItems(site: CompletionSite, element: XmlElement, span: Span): CompletionItem[] {
  const path = elementPath(element);
  const fromHost = libvirtTextChoices(site.host, path, element);
  if (fromHost.length > 0) return fromHost.map((entry, index) => valueItem(site, entry, span, '', '', index));
  const type = elementSpec(path)?.text;
  if (!type) return [];
  return valueChoices(type).map((entry, index) => {
    const choice: ValueChoice = { value: entry.value, detail: `text of <${element.name}>`, about: undefined, doc: entry.doc, kind: 'enum' };
    return valueItem(site, choice, span, '', '', index);
  });
}

function valueItem(
  site: CompletionSite,
  entry: ValueChoice,
  span: Span,
  opening: string,
  closing: string,
  index: number,
): CompletionItem {
  const item: CompletionItem = {
    label: entry.value,
    kind: KINDS[entry.kind],
    detail: entry.detail,
    // Keep the knowledge base's order (ids ascending, enum values as listed, units from small to large).
    sortText: String(index).padStart(5, '0'),
    textEdit: { range: spanRange(site, span), newText: opening + entry.value + closing },
  };
  if (opening !== '' || closing !== '') item.filterText = entry.value;
  const documentation = itemDocumentation(entry.about, entry.about || !entry.doc ? [] : [entry.doc]);
  if (documentation) item.documentation = documentation;
  return item;
}

/** The first choice of each value: the host's libvirt names a value the schema lists too. */
function uniqueValues(choices: ValueChoice[]): ValueChoice[] {
  const seen = new Set<string>();
  return choices.filter((entry) => !seen.has(entry.value) && (seen.add(entry.value), true));
}
