import { InsertTextFormat, InsertTextMode, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { ITEM_KINDS } from '../../core/completionKinds';
import { fact } from '../../kb/facts';
import { childSpecs, valueChoices } from '../../kb/specLookup';
import type { ElementSpec } from '../../kb/types';
import { elementPath } from '../../xml/query';
import type { Span } from '../../core/span';
import type { XmlElement } from '../../xml/types';
import { itemDocumentation } from './documentation';
import { spanRange, type CompletionSite } from './site';
import { choice, placeholder } from './snippetText';
import { attributeValueChoices } from './valueChoices';
import { fittingChildren } from './variants';
import { elementSpec } from '../../kb/structure';

/** How a chosen element name goes into the text. */
export type ElementInsertion =
  /** A whole tag, `<name ...>`, replacing the word typed (no `<` typed yet). */
  | { form: 'tag'; replace: Span }
  /** The rest of a tag after a typed `<`: `name ...>`, replacing the name typed so far (of `element`, once parsed). */
  | { form: 'after-lt'; replace: Span; element?: XmlElement }
  /** Only the name of an existing tag (its end tag follows). */
  | { form: 'rename'; replace: Span; element: XmlElement };

/**
 * The children the structure allows in `parent` (with a schema in use, those that may come at the
 * cursor in `parent`'s variant: see fittingChildren), except those libvirt takes once that are there
 * already (a second `<hugepages>` in `<memoryBacking>`); the element whose tag is being typed or
 * renamed does not count as there.
 */
export function elementItems(site: CompletionSite, parent: XmlElement, insertion: ElementInsertion): CompletionItem[] {
  const parentPath = elementPath(parent);
  const typing = insertion.form === 'tag' ? undefined : insertion.element;
  const present = presentNames(parent, typing);
  const fitting = fittingChildren(site, parent, typing);
  const children = fitting
    ? fitting.map(({ name, requiredAttributes }) => ({ name, path: `${parentPath}/${name}`, spec: elementSpec(`${parentPath}/${name}`), fits: requiredAttributes }))
    : childSpecs(parentPath).map((child) => ({ ...child, fits: undefined }));
  return children.flatMap(({ name, path, spec, fits }) => {
    if (spec?.repeatable === false && present.has(name)) return [];
    const required = fits ? inSpecOrder(fits, spec) : requiredOf(spec);
    const detail = [`<${name}> in <${parent.name}>`, required.length > 0 ? `requires ${required.join(', ')}` : ''].filter((part) => part !== '').join(' · ');
    const item: CompletionItem = {
      label: name,
      kind: ITEM_KINDS.element,
      detail,
      sortText: `0-${relevance(path)}-${name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      // Lines after the first take the indentation of the line the tag starts on.
      insertTextMode: InsertTextMode.adjustIndentation,
      textEdit: { range: spanRange(site, insertion.form === 'rename' ? renamedPart(site, insertion.replace) : insertion.replace), newText: insertText(site, path, name, spec, insertion, required) },
    };
    const documentation = itemDocumentation(fact(path), [], spec ? path : undefined);
    if (documentation) item.documentation = documentation;
    if (insertion.form === 'rename') {
      const endTag = renameEndTag(site, insertion.element, name);
      if (endTag) item.additionalTextEdits = [endTag];
      item.insertTextFormat = InsertTextFormat.PlainText;
    }
    return [item];
  });
}

/** The names of `parent`'s child elements, `typing` left out: one pass, where a search per offered name went over every child of a large `<devices>`. */
function presentNames(parent: XmlElement, typing: XmlElement | undefined): Set<string> {
  const names = new Set<string>();
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.kind === 'element' && child !== typing) names.add(child.name);
  }
  return names;
}

/**
 * Where an element comes in the list: the tuning elements the guide describes first (`vcpupin` and
 * `emulatorpin` in `<cputune>`, `hugepages`, `nosharepages`, `locked` in `<memoryBacking>`), then those
 * the knowledge base has a fact about, then the rest; alphabetically within each.
 */
function relevance(path: string): number {
  const about = fact(path);
  if (about?.sources.some((source) => source.kind === 'guide')) return 0;
  return about ? 1 : 2;
}

function insertText(site: CompletionSite, path: string, name: string, spec: ElementSpec | undefined, insertion: ElementInsertion, required: readonly string[]): string {
  if (insertion.form === 'rename') return name;
  return elementSnippet(site, path, name, spec, insertion.form === 'tag', required);
}

/** Attribute names in the order the structure lists them (the order libvirt writes them), unknown ones last. */
function inSpecOrder(names: readonly string[], spec: ElementSpec | undefined): string[] {
  const order = (name: string): number => {
    const at = spec?.attributes.findIndex((attribute) => attribute.name === name) ?? -1;
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  return [...names].sort((a, b) => order(a) - order(b));
}

function requiredOf(spec: ElementSpec | undefined): string[] {
  return (spec?.attributes ?? []).filter((attribute) => attribute.required).map((attribute) => attribute.name);
}

/**
 * `<vcpupin vcpu='${1|0,1|}' cpuset='$2'/>`: required attributes (`required`, by default those the
 * structure says; with a schema in use, those the variant needs) as placeholders, closed as the
 * element's content wants.
 */
export function elementSnippet(site: CompletionSite, path: string, name: string, spec: ElementSpec | undefined, withLt: boolean, required: readonly string[] = requiredOf(spec)): string {
  let index = 1;
  let open = `${withLt ? '<' : ''}${name}`;
  for (const attribute of required) {
    const values = site.document.model ? attributeValueChoices(site.document.model, path, attribute, undefined) : [];
    const offered = values.filter((entry) => entry.kind !== 'unit').map((entry) => entry.value);
    open += ` ${attribute}=${site.quote}${valuePlaceholder(index++, offered)}${site.quote}`;
  }
  if (spec?.text?.kind === 'memory' && spec.attributes.some((attribute) => attribute.name === 'unit' && !attribute.required)) {
    open += ` unit=${site.quote}${choice(index++, ['KiB', 'MiB', 'GiB'])}${site.quote}`;
  }
  if (spec && isEmpty(spec)) return `${open}/>`;
  if (spec?.text) {
    const values = valueChoices(spec.text).map((entry) => entry.value);
    return `${open}>${valuePlaceholder(index, values)}</${name}>`;
  }
  if (spec && spec.children.length > 0) return `${open}>\n${site.indent}$0\n</${name}>`;
  return `${open}>$0</${name}>`;
}

function valuePlaceholder(index: number, values: readonly string[]): string {
  return values.length > 0 ? choice(index, values) : placeholder(index);
}

function isEmpty(spec: ElementSpec): boolean {
  return spec.empty === true || (spec.childrenKnown && spec.children.length === 0 && spec.text === undefined);
}

/**
 * What a rename replaces: the name up to the cursor. The part right of the cursor stays (completion
 * never eats it), and the end tag must say the same name, so a rename is never offered as a replace.
 */
function renamedPart(site: CompletionSite, name: Span): Span {
  return { start: name.start, end: Math.min(Math.max(site.offset, name.start), name.end) };
}

/**
 * Renaming a start tag renames the end tag that closes it too: to the new name and what stays right of
 * the cursor. That includes an end tag the parser paired with it although misspelt (`</currentMemor>`):
 * left as it is, it would no longer resemble the new name, and would close nothing.
 */
function renameEndTag(site: CompletionSite, element: XmlElement, name: string): TextEdit | undefined {
  if (!element.endNameSpan) return undefined;
  const text = site.document.xml.text;
  const kept = text.slice(renamedPart(site, element.nameSpan).end, element.nameSpan.end);
  const written = text.slice(element.endNameSpan.start, element.endNameSpan.end);
  if (name + kept === written) return undefined;
  return { range: spanRange(site, element.endNameSpan), newText: name + kept };
}

/** After `</`: the name that closes `element` (and the `>` when it is missing). */
export function closingTagItem(site: CompletionSite, element: XmlElement, replace: Span): CompletionItem {
  const text = site.document.xml.text;
  const closed = text.slice(replace.end).trimStart().startsWith('>');
  const newText = closed ? element.name : `${element.name}>`;
  // In the middle of the name (`</device|s>`) only the part up to the cursor is written, and the
  // part right of it that the name already ends with is not written twice.
  const kept = text.slice(site.offset, replace.end);
  if (site.offset < replace.end) {
    const written = element.name.endsWith(kept) ? element.name.slice(0, element.name.length - kept.length) : newText;
    return { label: element.name, kind: ITEM_KINDS.element, detail: `closes <${element.name}>`, filterText: element.name, textEdit: { range: spanRange(site, { start: replace.start, end: site.offset }), newText: written } };
  }
  return { label: element.name, kind: ITEM_KINDS.element, detail: `closes <${element.name}>`, textEdit: { range: spanRange(site, replace), newText } };
}
