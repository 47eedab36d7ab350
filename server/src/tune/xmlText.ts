import type { XmlElement } from '../xml/types';

/** A small element tree the tuner writes, rendered in the document's own style. */
export interface NewElement {
  name: string;
  attributes: [string, string | number][];
  children?: (NewElement | RawText)[];
  text?: string;
}

/** Text copied from the document as it is (a child the tuner does not own). */
export interface RawText {
  raw: string;
}

/** How the document writes XML: its line end, one indent step, its attribute quote. */
export interface Style {
  eol: string;
  step: string;
  quote: '"' | "'";
}

function escape(value: string | number): string {
  return String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The start tag's inside: `name a='1' b='2'`. */
export function startTag(element: NewElement, style: Style): string {
  const attributes = element.attributes.map(([name, value]) => ` ${name}=${style.quote}${escape(value)}${style.quote}`).join('');
  return `${element.name}${attributes}`;
}

/** The element as text; the first line without indent (it goes where the old one began), the rest at `indent`. */
export function render(element: NewElement, indent: string, style: Style): string {
  const head = `<${startTag(element, style)}`;
  if (element.text !== undefined) return `${head}>${escape(element.text)}</${element.name}>`;
  const children = element.children ?? [];
  if (children.length === 0) return `${head}/>`;
  const inner = indent + style.step;
  const lines = children.map((child) => inner + ('raw' in child ? child.raw : render(child, inner, style)));
  return `${head}>${style.eol}${lines.join(style.eol)}${style.eol}${indent}</${element.name}>`;
}

export function raw(text: string, element: { span: { start: number; end: number } }): RawText {
  return { raw: text.slice(element.span.start, element.span.end) };
}

/** Children of an element the tuner keeps as written: elements it does not own, and comments. */
export function keptChildren(text: string, element: XmlElement | undefined, owned: readonly string[]): RawText[] {
  if (!element) return [];
  return element.children
    .filter((child) => child.kind === 'comment' || (child.kind === 'element' && !owned.includes(child.name)))
    .map((child) => raw(text, child));
}

/** A size in the largest of GiB, MiB, KiB that holds it whole: `[3, 'GiB']`. */
export function sizeWithUnit(kib: number): [number, string] {
  if (kib % (1024 * 1024) === 0) return [kib / (1024 * 1024), 'GiB'];
  if (kib % 1024 === 0) return [kib / 1024, 'MiB'];
  return [kib, 'KiB'];
}
