import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A store of the process that keeps something per document uri (see documentsHeld). */
interface DocumentKeyed {
  name: string;
  uris(): Iterable<string>;
}

const keyed = new Set<DocumentKeyed>();

/**
 * Registers a store kept per document uri, so that what the process still holds for a document can be
 * asked (documentsHeld): a document the server has closed must be in none of them. Returns the undo.
 */
export function registerDocumentKeyed(name: string, uris: () => Iterable<string>): () => void {
  const entry = { name, uris };
  keyed.add(entry);
  return () => keyed.delete(entry);
}

/** Every (store, uri) the registered stores hold now. */
export function documentsHeld(): { store: string; uri: string }[] {
  const held: { store: string; uri: string }[] = [];
  for (const entry of keyed) for (const uri of entry.uris()) held.push({ store: entry.name, uri });
  return held;
}

/**
 * Parse once per version of a document: every service asks here, and the work is done the first time
 * a (uri, version) is seen. Bounded, so a long session or a CLI run over thousands of files does not
 * keep every tree. An older version never replaces a newer one: work that finishes late for a version
 * the editor has moved past (the schema verdict) gets its answer without evicting the current one.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, { version: number; text: string; value: T }>();

  constructor(
    private readonly build: (document: TextDocument) => T,
    private readonly capacity = 32,
    name = 'document cache',
  ) {
    registerDocumentKeyed(name, () => this.entries.keys());
  }

  get(document: TextDocument): T {
    const text = document.getText();
    const entry = this.entries.get(document.uri);
    // The text is compared too: a CLI or a test may reuse a uri and version for other content.
    if (entry && entry.version === document.version && entry.text === text) return entry.value;
    const value = this.build(document);
    if (entry && entry.version > document.version) return value;
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, text, value });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
