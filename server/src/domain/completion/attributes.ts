import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../../core/completionKinds';
import { fact } from '../../kb/facts';
import { attributeKey, describeValueType } from '../../kb/specLookup';
import { elementSpec } from '../../kb/structure';
import { elementPath } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlAttribute, XmlElement } from '../../xml/types';
import type { AttributeSpec } from '../../kb/types';
import type { AllowedAttribute } from '../../schema/rng/allowed';
import { valueListMarkdown } from '../../core/markdown';
import { itemDocumentation } from './documentation';
import { spanRange, type CompletionSite } from './site';
import { choice, placeholder } from './snippetText';
import { attributeValueChoices, fittingValueChoices, type ValueChoice } from './valueChoices';
import { fittingAttributes } from './variants';

const TRIGGER_SUGGEST = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/**
 * The attributes of `element` that are not written yet: those of its variant when a schema is in use
 * (see fittingAttributes), else those the structure gives its path. `attribute` is the one whose name
 * is being typed (if any), `span` the name typed so far.
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
  if (!model) return [];
  const fitting = fittingAttributes(site, element, attribute);
  if (!spec && !fitting) return [];
  const written = new Set(element.attributes.filter((other) => other !== attribute).map((other) => other.name));
  const text = site.document.xml.text;
  // Only the name is replaced when the attribute already has its `=value`.
  const nameOnly = attribute !== undefined && (attribute.valueSpan !== undefined || /^\s*=/.test(text.slice(attribute.nameSpan.end)));
  const leadingSpace = span.start > 0 && !/\s/.test(text[span.start - 1]!) ? ' ' : '';
  const offered = fitting ? [...fitting.values()].map((choice) => ({ name: choice.name, spec: spec?.attributes.find((known) => known.name === choice.name), choice })) : spec!.attributes.map((known) => ({ name: known.name, spec: known, choice: undefined }));
  const items: CompletionItem[] = [];
  for (const { name, spec: attributeSpec, choice: fits } of offered) {
    if (written.has(name)) continue;
    const values = fittingValueChoices(attributeValueChoices(model, path, name, element), fits, path, name);
    const inSnippet = values.filter((entry) => entry.kind !== 'unit').map((entry) => entry.value);
    const newText = nameOnly ? name : `${leadingSpace}${name}=${site.quote}${inSnippet.length > 0 ? choice(1, inSnippet) : placeholder(1)}${site.quote}`;
    const enumValues = values.filter((entry) => entry.kind === 'enum');
    const docOf = (entry: ValueChoice): string | undefined => entry.about?.summary ?? entry.doc;
    const extra = enumValues.length > 0 ? [`Values:\n\n${valueListMarkdown(enumValues, docOf)}`] : [];
    const required = fits ? fits.required : attributeSpec?.required === true;
    const item: CompletionItem = {
      label: name,
      kind: ITEM_KINDS.setting,
      detail: `${required ? 'required · ' : ''}${typeDetail(attributeSpec, fits, enumValues)}`,
      sortText: `${required ? 0 : 1}-${name}`,
      filterText: name,
      insertTextFormat: nameOnly ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      textEdit: { range: spanRange(site, span), newText },
    };
    const documentation = itemDocumentation(fact(attributeKey(path, name)), extra, path);
    if (documentation) item.documentation = documentation;
    // Units are too many for a snippet choice: open the value list instead.
    if (!nameOnly && values.some((entry) => entry.kind === 'unit')) item.command = TRIGGER_SUGGEST;
    items.push(item);
  }
  return items;
}

/** The attribute's type; where the schema narrows its values for this variant, those values. */
function typeDetail(spec: AttributeSpec | undefined, fits: AllowedAttribute | undefined, values: readonly ValueChoice[]): string {
  const narrowed = fits !== undefined && fits.values.length > 0 && (spec === undefined || spec.type.kind === 'enum');
  if (narrowed) return values.map((entry) => entry.value).join(' | ');
  return spec ? describeValueType(spec.type) : 'text';
}
