import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import { derived } from '../../core/derived';
import type { Span } from '../../core/span';
import { walkElements } from '../../xml/query';
import type { XmlDocument } from '../../xml/types';
import type { DomainDocument } from '../document';
import type { HostModel } from '../../host/types';
import type { SchemaVariants } from './variants';

/** Where a completion is asked for, with the document's writing habits that inserted text should follow. */
export interface CompletionSite {
  textDocument: TextDocument;
  document: DomainDocument;
  offset: number;
  /** The quote the document uses most for attribute values (libvirt writes `'`). */
  quote: "'" | '"';
  /** One level of indentation as the document writes it. */
  indent: string;
  /** The host the guest will run on, when known: host CPUs, nodes and page sizes are offered as values. */
  host?: HostModel;
  /** libvirt's RelaxNG schema in use, when one is: attributes, children and values are offered per variant. */
  variants?: SchemaVariants;
}

export function completionSite(textDocument: TextDocument, document: DomainDocument, offset: number, host?: HostModel, variants?: SchemaVariants): CompletionSite {
  const xml = document.xml;
  // Worked out when an item first needs them (value completions never do), then kept on the tree.
  return {
    textDocument,
    document,
    offset,
    get quote() {
      return preferredQuote(xml);
    },
    get indent() {
      return indentUnit(xml);
    },
    ...(host ? { host } : {}),
    ...(variants ? { variants } : {}),
  };
}

export function spanRange(site: CompletionSite, span: Span): Range {
  return { start: site.textDocument.positionAt(span.start), end: site.textDocument.positionAt(span.end) };
}

/** The quote most attribute values are written with: one walk of the elements per tree (~0.1 ms on 2,000 lines). */
const preferredQuote = derived((xml: XmlDocument): "'" | '"' => {
  let single = 0;
  let double = 0;
  walkElements(xml.nodes, (element) => {
    // Indexed, not for-of: this runs once per keystroke's tree, often before V8 has optimized it, and an
    // unoptimized for-of makes an iterator result per attribute.
    const attributes = element.attributes;
    for (let i = 0; i < attributes.length; i++) {
      const quote = attributes[i]!.quote;
      if (quote === "'") single++;
      else if (quote === '"') double++;
    }
  });
  return double > single ? '"' : "'";
});

/**
 * The smallest indentation of a line that starts with a tag; two spaces when nothing is indented. A scan
 * of character codes: a regular expression's match objects cost more than the scan itself.
 */
const indentUnit = derived((xml: XmlDocument): string => {
  const text = xml.text;
  let unit: string | undefined;
  for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
    const start = newline + 1;
    let end = start;
    while (end < text.length && (text.charCodeAt(end) === SPACE || text.charCodeAt(end) === TAB)) end++;
    if (end === start || text.charCodeAt(end) !== LT) continue;
    if (text.charCodeAt(start) === TAB) return '\t';
    if (unit === undefined || end - start < unit.length) unit = text.slice(start, end);
  }
  return unit ?? '  ';
});

const SPACE = 0x20;
const TAB = 0x09;
const LT = 0x3c;

const NAME_CHAR = /[A-Za-z0-9_:.\-]/;

/** The name-like word around the offset (`vcp|u` -> `vcpu`), empty at the offset when there is none. */
export function wordAt(text: string, offset: number): Span {
  let start = offset;
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++;
  return { start, end };
}
