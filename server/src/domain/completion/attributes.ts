import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../../core/completionKinds';
import { fact } from '../../kb/facts';
import { attributeKey, describeValueType } from '../../kb/specLookup';
import { elementSpec } from '../../kb/structure';
import { elementPath } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import { valueListMarkdown } from '../../core/markdown';
import { itemDocumentation } from './documentation';
import { spanRange, type CompletionSite } from './site';
import { choice, placeholder } from './snippetText';
import { attributeValueChoices, type ValueChoice } from './valueChoices';

const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/**
 * The attributes of `element` that are not written yet. `attribute` is the one whose name is being
 * typed (if any), `span` the name typed so far.
 */
export function attributeItems(
  site: CompletionSite,
  element: XmlElement,
  attribute: XmlAttribute | undefined,
  span: Span,
): CompletionItem[] {
  const path = elementPath(element);
  const spec = elementSpec(path);
  const model = site.document.model;
  if (!spec || !model) return [];
  const written = new Set(element.attributes.filter((other) => other !== attribute).map((other) => other.name));
  const text = site.document.xml.text;
  // Only the name is replaced when the attribute already has its `=value`.
  const nameOnly = attribute !== undefined && (attribute.valueSpan !== undefined || /^\s*=/.test(text.slice(attribute.nameSpan.end)));
  const leadingSpace = span.start > 0 && !/\s/.test(text[span.start - 1]!) ? ' ' : '';
  const items: CompletionItem[] = [];
  for (const attributeSpec of spec.attributes) {
    if (written.has(attributeSpec.name)) continue;
    const values = attributeValueChoices(model, path, attributeSpec.name, element);
    const offered = values.filter((entry) => entry.kind !== 'unit').map((entry) => entry.value);
    const q = site.quote;
    const newText = nameOnly
      ? attributeSpec.name
      : `${leadingSpace}${attributeSpec.name}=${q}${offered.length > 0 ? choice(1, offered) : placeholder(1)}${q}`;
    const enumValues = values.filter((entry) => entry.kind === 'enum');
    const docOf = (entry: ValueChoice): string | undefined => entry.about?.summary ?? entry.doc;
    const extra = enumValues.length > 0 ? [`Values:\n\n${valueListMarkdown(enumValues, docOf)}`] : [];
    const item: CompletionItem = {
      label: attributeSpec.name,
      kind: ITEM_KINDS.setting,
      detail: `${attributeSpec.required ? 'required · ' : ''}${describeValueType(attributeSpec.type)}`,
      sortText: `${attributeSpec.required ? 0 : 1}-${attributeSpec.name}`,
      filterText: attributeSpec.name,
      insertTextFormat: nameOnly ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      textEdit: { range: spanRange(site, span), newText },
    };
    const documentation = itemDocumentation(fact(attributeKey(path, attributeSpec.name)), extra, path);
    if (documentation) item.documentation = documentation;
    // Units are too many for a snippet choice: open the value list instead.
    if (!nameOnly && values.some((entry) => entry.kind === 'unit')) item.command = TRIGGER_SUGGEST;
    items.push(item);
  }
  return items;
}
