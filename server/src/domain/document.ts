import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../core/documentCache';
import { parseXml } from '../xml/parser';
import { canReparseFrom, reparseXml } from '../xml/reparse';
import type { XmlDocument } from '../xml/types';
import { buildDomainModel, type DomainModel } from './model';

/** A domain XML document as every domain service sees it: parsed once per version. */
export interface DomainDocument {
  textDocument: TextDocument;
  xml: XmlDocument;
  /** Undefined when the root element is not `<domain>`: such files belong to other tools. */
  model: DomainModel | undefined;
}

/**
 * Trees of the few documents being worked on: a tree costs about fifteen times its text, and parsing
 * again is quick (a 2,000-line domain in a few milliseconds), so fifty open domains do not keep fifty.
 * Once the server is idle only the tree used last stays (the document the user is in; a 2,000-line
 * domain's tree and model are ~0.8 MB). The findings of each version stay cached apart
 * (diagnostics.ts), for code actions.
 */
const TREES_KEPT = 4;
const TREES_KEPT_IDLE = 1;

/** What the cache keeps of a version: its document and, while its tree has a well-formedness problem, the tree the next version is built from. */
interface KeptDocument extends DomainDocument {
  /**
   * The last tree reparseXml can build from (canReparseFrom: none of its problems depends on text outside
   * its node), kept while the current tree cannot be built from: a keystroke that breaks an end tag and
   * the keystroke after it then do not both parse the whole document. Unset when `xml` itself will do.
   */
  basis?: XmlDocument;
}

const cache = new DocumentCache<KeptDocument>((textDocument, older) => {
  const text = textDocument.getText();
  // A keystroke's version is parsed from the last version's tree (only what the edit touched is parsed again).
  const basis = older && (canReparseFrom(older.xml) ? older.xml : older.basis);
  const xml = basis ? reparseXml(basis, text) : parseXml(text);
  const model = xml.root?.name === 'domain' ? buildDomainModel(xml.root) : undefined;
  // reparseXml changes the basis only when it builds from it (the new tree can be built from then).
  const kept: KeptDocument = { textDocument, xml, model };
  if (basis && xml.root !== basis.root && !canReparseFrom(xml)) kept.basis = basis;
  return kept;
}, TREES_KEPT, 'domain trees', TREES_KEPT_IDLE);

export function domainDocument(textDocument: TextDocument): DomainDocument {
  return cache.get(textDocument);
}

export function forgetDomainDocument(uri: string): void {
  cache.forget(uri);
}

/** Whether XML text is a libvirt domain (its root is `<domain>`), without a full parse. */
export function looksLikeDomainXml(text: string): boolean {
  const withoutProlog = text.replace(/^(\uFEFF|\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/, '');
  return /^<domain[\s>/]/.test(withoutProlog);
}
