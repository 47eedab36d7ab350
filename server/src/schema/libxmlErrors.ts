import type { ErrorDetail, RelaxNGValidator, XmlDocument, XmlNode } from 'libxml2-wasm';
import type { Libxml2 } from './libxml2';
import { readMessage } from './messages';
import type { SchemaError } from './types';

/** Line numbers past 65535 are kept (libxml2 otherwise stops counting there). */
const XML_PARSE_BIG_LINES = 1 << 22;
/** No network access while parsing a user's document. */
const XML_PARSE_NONET = 1 << 11;

/** Errors are not reported (nor collected by libxml2-wasm); a fatal one still leaves no tree. */
const XML_PARSE_NOERROR = 1 << 5;
/** libxml2's xmlErrorLevel of an error that stops the parse (XML_ERR_FATAL); below it the tree is built. */
const XML_ERR_FATAL = 3;

/**
 * libxml2's tree of the text, or the reasons it is not well-formed. The caller disposes the tree.
 * libxml2-wasm refuses a text on any error its parse reports, but libxml2 itself builds the tree when
 * none is fatal (a namespace error such as `xmlns:p=' '`, not a URI): xmllint then validates it and
 * libvirt defines the domain (`virsh define --validate`, libvirt 9.0, checked). Such a text is parsed
 * again with errors unreported, to judge the tree libvirt would.
 */
export function parseDocument(library: Libxml2, text: string): XmlDocument | SchemaError[] {
  // The text is already decoded: an encoding declared in it must not be applied again.
  const options = { encoding: 'utf-8' as const, option: XML_PARSE_BIG_LINES | XML_PARSE_NONET };
  try {
    return library.XmlDocument.fromString(text, options);
  } catch (error) {
    const details = error instanceof library.XmlLibError ? error.details : [];
    if (details.length > 0 && details.every((detail) => detail.level < XML_ERR_FATAL)) {
      try {
        return library.XmlDocument.fromString(text, { ...options, option: options.option | XML_PARSE_NOERROR });
      } catch {
        // Refused after all: the reasons of the first parse.
      }
    }
    return notWellFormed(library, error);
  }
}

/** libxml2's RelaxNG verdict on a parsed document: no errors means valid. */
export function validateDocument(library: Libxml2, schema: RelaxNGValidator, document: XmlDocument): SchemaError[] {
  try {
    schema.validate(document);
    return [];
  } catch (error) {
    if (error instanceof library.XmlValidateError) return validityErrors(error.details, document);
    return [{ line: 1, message: `libxml2 could not validate the document: ${describeError(library, error)}`, kind: 'other' }];
  }
}

export function describeError(library: Libxml2, error: unknown): string {
  if (error instanceof library.XmlLibError && error.details.length > 0) {
    return error.details
      .slice(0, 3)
      .map((detail) => `${detail.file ? `${detail.file}:${detail.line}: ` : ''}${detail.message.trim()}`)
      .join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

function notWellFormed(library: Libxml2, error: unknown): SchemaError[] {
  const details = error instanceof library.XmlLibError ? error.details : [];
  if (details.length === 0) return [{ line: 1, message: describeError(library, error), kind: 'not-well-formed' }];
  return details.map((detail) => ({
    line: Math.max(1, detail.line),
    ...(detail.col > 0 ? { column: detail.col } : {}),
    message: detail.message.trimEnd(),
    kind: 'not-well-formed',
  }));
}

function validityErrors(details: readonly ErrorDetail[], document: XmlDocument): SchemaError[] {
  return details.map((detail, index) => {
    const message = detail.message.trimEnd();
    const path = detail.xpath ?? interleavePath(message, details, index, document);
    const fields = readMessage(message);
    if (fields.kind === 'extra-content' && fields.element === 'text' && path !== undefined && lastStepName(path) !== 'text') {
      // libxml2 names a text node "text": "Element devices has extra content: text" is text where none is allowed.
      fields.kind = 'unexpected-text';
      fields.element = fields.parent;
      delete fields.parent;
    }
    const line = detail.line > 0 ? detail.line : lineOf(document, path);
    return {
      line,
      ...(detail.col > 0 ? { column: detail.col } : {}),
      message,
      ...fields,
      ...(path !== undefined ? { path } : {}),
    };
  });
}

/**
 * libxml2 attaches no node to "Extra element X in interleave"; the next error that has one points at X,
 * at a node inside X, or at the element holding X.
 */
function interleavePath(message: string, details: readonly ErrorDetail[], index: number, document: XmlDocument): string | undefined {
  const { kind, element: name } = readMessage(message);
  if (kind !== 'extra-in-interleave' || name === undefined) return undefined;
  const next = details.slice(index + 1).find((detail) => detail.xpath !== undefined)?.xpath;
  if (next === undefined) return undefined;
  const steps = next.split('/');
  for (let last = steps.length - 1; last > 0; last--) {
    if (lastStepName(steps[last]!) === name) return steps.slice(0, last + 1).join('/');
  }
  const child = `${next}/${name}`;
  return nodeAt(document, child) ? child : undefined;
}

/** `disk` for `/domain/devices/disk[2]`. */
export function lastStepName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\[\d+\]$/, '');
}

export function nodeAt(document: XmlDocument, path: string): XmlNode | null {
  try {
    // A prefixed step (`/domain/qemu:commandline`) needs its prefix bound, or libxml2 complains on stderr.
    return path.includes(':') ? document.get(path, document.root.namespaces) : document.get(path);
  } catch {
    return null;
  }
}

/** The line of the node at a libxml2 path; 1 when there is none. */
export function lineOf(document: XmlDocument, path: string | undefined): number {
  const node = path === undefined ? null : nodeAt(document, path);
  return node ? Math.max(1, node.line) : 1;
}
